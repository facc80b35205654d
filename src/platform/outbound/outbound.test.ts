import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbound } from './client.ts';
import { newWebhookSecret, signWebhook } from './signing.ts';
import { checkOutboundTarget, isPrivateAddress, OutboundRefused } from './target-guard.ts';

// The client for user-chosen targets, against a real local HTTP server: the private-address
// guard (literal and resolved names), Standard Webhooks signatures checked by the reference
// implementation, timeouts, and bounded reading of what the target answers.

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

const received: Received[] = [];
let answer: { status: number; body: string; delayMs?: number } = { status: 204, body: '' };
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    response.writeHead(answer.status).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the private-address guard', () => {
  const guarded = createOutbound({ allowPrivate: false });
  afterAll(() => guarded.close());

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:7f00:1', true],
    ['93.184.215.14', false],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
  ])('classifies %s as private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it.each([
    `http://127.0.0.1:${1}/hook`,
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://2130706433/hook',
    'ftp://example.com/hook',
    'http://user:pass@example.com/hook',
    'not a url',
  ])('refuses %s before connecting', async (url) => {
    await expect(checkOutboundTarget(url, false)).rejects.toThrow(OutboundRefused);
    await expect(guarded.post(url, { headers: {}, body: '' })).rejects.toThrow(OutboundRefused);
  });

  it('refuses a name that resolves to a loopback address, at connect time too', async () => {
    const url = `http://localhost:${port}/hook`;
    await expect(checkOutboundTarget(url, false)).rejects.toThrow(OutboundRefused);
    const before = received.length;
    await expect(guarded.post(url, { headers: {}, body: '{}' })).rejects.toThrow(OutboundRefused);
    expect(received.length).toBe(before);
  });
});

describe('posting when the operator allows private targets', () => {
  const outbound = createOutbound({ allowPrivate: true, timeoutMs: 300 });
  afterAll(() => outbound.close());

  it('signs a webhook so that the Standard Webhooks reference implementation accepts it', async () => {
    answer = { status: 200, body: 'ok' };
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'test.ping', data: { n: 1 } });
    const response = await outbound.postSignedWebhook(`http://localhost:${port}/hook?x=1`, {
      id: 'msg_1',
      secret,
      body,
    });
    expect(response).toEqual({ status: 200, excerpt: 'ok' });
    const { headers, body: got } = received.at(-1)!;
    expect(got).toBe(body);
    expect(headers['webhook-id']).toBe('msg_1');
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    const verified = new Webhook(secret).verify(got, headers as Record<string, string>);
    expect(verified).toEqual(JSON.parse(body));
    expect(() =>
      new Webhook(newWebhookSecret()).verify(got, headers as Record<string, string>),
    ).toThrow();
  });

  it('computes the documented signature', () => {
    // HMAC-SHA256 keyed by the secret's bytes over "id.timestamp.body", base64 (computed with
    // Python's hmac module).
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    expect(
      signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}'),
    ).toBe('v1,hK4CWvngkaAwjY1pABLuUbOIkEJjW9tAapq1no4ojG0=');
  });

  it('reads at most 1 KiB of an answer', async () => {
    answer = { status: 500, body: 'x'.repeat(1_000_000) };
    const response = await outbound.post(`http://127.0.0.1:${port}/big`, { headers: {}, body: '' });
    expect(response.status).toBe(500);
    expect(response.excerpt.length).toBe(1024);
  });

  it('gives up on a target slower than the timeout', async () => {
    answer = { status: 200, body: '', delayMs: 1_000 };
    await expect(
      outbound.post(`http://127.0.0.1:${port}/slow`, { headers: {}, body: '' }),
    ).rejects.toThrow(/timeout/i);
  });
});
