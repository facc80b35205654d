import { describe, expect, it } from 'vitest';
import { readAnswer } from './answers.ts';

// What a node's answer means: an acknowledgement of the version sent, a refusal (NACK) with the
// node's error, or a failure.

const answer = (status: number, excerpt = '') => readAnswer({ status, excerpt }, 7);

describe("a node's answer", () => {
  it('acknowledges with the version sent, a JSON object naming none, or no body', () => {
    expect(answer(200, '{"version":7}')).toEqual({ kind: 'acknowledged' });
    expect(answer(200, '{"version":"7"}')).toEqual({ kind: 'acknowledged' });
    expect(answer(200, '{"ok":true}')).toEqual({ kind: 'acknowledged' });
    expect(answer(204)).toEqual({ kind: 'acknowledged' });
    expect(answer(200, ' \n')).toEqual({ kind: 'acknowledged' });
  });

  it("fails on a 2xx whose body is not a JSON object: a proxy's page says nothing of the node", () => {
    expect(answer(200, '<html><body>Welcome to nginx!</body></html>')).toEqual({
      kind: 'failed',
      error:
        'the node answered 200 with no JSON object: <html><body>Welcome to nginx!</body></html>',
    });
    expect(answer(200, 'ok')).toMatchObject({ kind: 'failed' });
    expect(answer(200, '[1,2]')).toMatchObject({ kind: 'failed' });
  });

  it('refuses with its error, on a 2xx or a 4xx', () => {
    expect(answer(422, '{"version":6,"error":"bad key"}')).toEqual({
      kind: 'refused',
      error: 'bad key',
    });
    expect(answer(200, '{"error":"disk full"}')).toEqual({ kind: 'refused', error: 'disk full' });
    expect(answer(400, '{"error":""}')).toEqual({ kind: 'refused', error: '(empty error)' });
    const long = answer(400, JSON.stringify({ error: 'x'.repeat(5_000) }));
    expect(long.kind === 'refused' && long.error.length).toBe(1000);
  });

  it('fails on another version, an error status, or a 5xx that names an error', () => {
    expect(answer(200, '{"version":6}')).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(/version 6, not 7/),
    });
    expect(answer(503, 'down for maintenance')).toEqual({
      kind: 'failed',
      error: 'the node answered 503: down for maintenance',
    });
    expect(answer(500, '{"error":"boom"}')).toMatchObject({ kind: 'failed' });
    expect(answer(302)).toEqual({ kind: 'failed', error: 'the node answered 302' });
  });
});
