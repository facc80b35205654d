import { EventSource } from 'eventsource';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, expectProblem, signUp, startTestServer } from '../../../test/helpers.ts';
import { pruneEvents } from './store.ts';

const { url, server } = await startTestServer();
const api = apiClient(url);
const { events } = server.core;
const { db } = server.core.database;
const alice = await signUp(api, 'alice');
const bob = await signUp(api, 'bob');
const aliceTopic = `user:${alice.id}`;

interface Received {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** A real EventSource on `/v1/stream/sse` that records the given event types; open when resolved. */
async function openEventSource(
  query: string,
  types: string[],
  headers: Record<string, string> = { authorization: `Bearer ${alice.token}` },
) {
  const source = new EventSource(`${url}/v1/stream/sse?${query}`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
  });
  sources.push(source);
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  for (const type of types) {
    source.addEventListener(type, (message) => {
      received.push({ id: message.lastEventId, event: type, data: JSON.parse(message.data) });
      for (const wake of waiters) wake();
    });
  }
  await new Promise((resolve, reject) => {
    source.onopen = resolve;
    source.onerror = reject;
  });
  /** Resolves once `count` events have arrived in all. */
  const upTo = (count: number) =>
    new Promise<Received[]>((resolve) => {
      const check = () => {
        if (received.length < count) return;
        waiters.delete(check);
        resolve(received.slice(0, count));
      };
      waiters.add(check);
      check();
    });
  return { source, received, upTo };
}

const sources: EventSource[] = [];
afterAll(() => {
  for (const source of sources) source.close();
});

const publish = (type: string, data: unknown, topic = aliceTopic) =>
  events.publish(db, { topic, type, data });

describe('Server-Sent Events stream', () => {
  it('sends id, event (the type) and data ({topic, type, data, at})', async () => {
    const stream = await openEventSource(`topics=${aliceTopic}`, ['task.ran']);
    const { id } = await publish('task.ran', { ok: true });
    const [event] = await stream.upTo(1);
    expect(event).toEqual({
      id,
      event: 'task.ran',
      data: { topic: aliceTopic, type: 'task.ran', data: { ok: true }, at: expect.any(String) },
    });
  });

  it('replays exactly the missed events after Last-Event-ID, then goes on live', async () => {
    const first = await openEventSource(`topics=${aliceTopic}`, ['n']);
    for (const n of [1, 2, 3]) await publish('n', n);
    const seen = await first.upTo(3);
    first.source.close();
    await publish('n', 4);
    await publish('n', 99, `user:${bob.id}`); // not a topic of this client
    await publish('n', 5);

    const lastId = seen[2]?.id ?? '';
    const byHeader = await openEventSource(`topics=${aliceTopic}`, ['n'], {
      authorization: `Bearer ${alice.token}`,
      'last-event-id': lastId,
    });
    const byQuery = await openEventSource(`topics=${aliceTopic}&last_event_id=${lastId}`, ['n']);
    await publish('n', 6);
    for (const stream of [byHeader, byQuery]) {
      const got = await stream.upTo(3);
      expect(got.map((event) => event.data.data)).toEqual([4, 5, 6]);
      expect(Number(got[0]?.id)).toBeGreaterThan(Number(lastId));
    }
  });

  it('tells a client whose last id is past the retention to reload', async () => {
    const { id } = await publish('old', 1);
    await pruneEvents(db, new Date(Date.now() + 60_000), 10_000);
    const stream = await openEventSource(`topics=${aliceTopic}&last_event_id=${Number(id) - 1}`, [
      'reset',
    ]);
    const [reset] = await stream.upTo(1);
    expect(reset?.data.reason).toMatch(/retention/);
    expect(Number(reset?.id)).toBeGreaterThanOrEqual(Number(id));
  });

  it('opens with a ticket', async () => {
    const { body } = await api('POST', '/v1/stream/tickets', { token: alice.token });
    const stream = await openEventSource(`topics=${aliceTopic}&ticket=${body.ticket}`, ['t'], {});
    await publish('t', 'ticketed');
    expect((await stream.upTo(1))[0]?.data.data).toBe('ticketed');
  });

  it('refuses without a token, bad topics and topics not yours, as problems', async () => {
    const sse = (query: string, token?: string) => api('GET', `/v1/stream/sse?${query}`, { token });
    expectProblem(await sse(`topics=${aliceTopic}`), 'unauthorized');
    const ticketed = await sse(`topics=${aliceTopic}&ticket=mst_made-up`);
    expectProblem(ticketed, 'unauthorized');
    const invalid = expectProblem(await sse('topics=nope,weather:1', alice.token), 'topic-invalid');
    expect(invalid.topics).toEqual([
      { topic: 'nope', reason: expect.stringMatching(/not a topic/) },
      { topic: 'weather:1', reason: expect.stringMatching(/unknown topic namespace/) },
    ]);
    const forbidden = expectProblem(
      await sse(`topics=user:${bob.id}`, alice.token),
      'topic-forbidden',
    );
    expect(forbidden.detail).toMatch(/another user/);
    expectProblem(await sse('', alice.token), 'validation-failed');
    const badId = await api('GET', `/v1/stream/sse?topics=${aliceTopic}`, {
      token: alice.token,
      headers: { 'last-event-id': 'yesterday' },
    });
    expectProblem(badId, 'validation-failed');
  });
});
