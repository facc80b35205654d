import { EventEmitter, once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createOutbound,
  type Outbound,
  OutboundInvalidRequest,
  OutboundTimeout,
} from './client.ts';
import { OutboundRefused } from './target-guard.ts';

// The outbound client never loses a connection of its pool and always ends by its deadline,
// against a real local HTTP server: hundreds of calls that fail in every way a call can fail,
// all to one origin, then good calls that must get through at once. Before the fix, 16 calls
// with a header undici refuses left the origin's 16 connections counted busy for good, and every
// later call waited forever, its timeout unheard.

let server: Server;
let base: string;
/** Path → requests the server has received. */
const arrived = new Map<string, number>();
const arrivals = new EventEmitter();
/** Answers the server keeps open (`/hang`), ended after each test. */
const hanging = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://target').pathname;
    request.resume();
    arrived.set(path, (arrived.get(path) ?? 0) + 1);
    arrivals.emit('request');
    switch (path) {
      case '/ok':
        return void response.end('ok');
      case '/failing':
        return void response.writeHead(503).end('try later');
      case '/big':
        return void response.end('x'.repeat(200_000));
      case '/reset':
        return void request.socket.destroy();
      case '/cut-body':
        response.writeHead(200, { 'content-length': '100' });
        return void response.write('part of it', () => request.socket.destroy());
      case '/hang':
        hanging.add(response);
        return;
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const response of hanging) response.destroy();
  hanging.clear();
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

/** Resolves once the server has received `count` requests for `path` in all. */
async function untilArrived(path: string, count: number): Promise<void> {
  while ((arrived.get(path) ?? 0) < count) await once(arrivals, 'request');
}

/** `count` calls made `concurrency` at a time; each must fail. */
async function failEach(count: number, concurrency: number, call: (i: number) => Promise<unknown>) {
  const errors: unknown[] = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, i) =>
      call(start + i).then(
        () => expect.fail(`call ${start + i} succeeded`),
        (error: unknown) => errors.push(error),
      ),
    );
    await Promise.all(batch);
  }
  return errors;
}

/** Proves every connection of the origin can be had: twice as many good calls at once. */
async function expectAllConnectionsFree(outbound: Outbound, connections: number) {
  const calls = Array.from({ length: connections * 2 }, () =>
    outbound.send(`${base}/ok`, { method: 'POST', headers: {}, body: '{}', timeoutMs: 5_000 }),
  );
  for (const response of await Promise.all(calls)) expect(response.status).toBe(200);
}

describe('a pool that fails hundreds of calls to one origin', () => {
  const connections = 16;
  const outbound = createOutbound({ allowPrivate: true, connectionsPerOrigin: connections });
  afterAll(() => outbound.close());

  it('still has every connection after requests refused before sending', async () => {
    const invalid: [string, Record<string, string>][] = [
      ['POST', { 'X-U': '日本' }],
      ['POST', { 'X-A': 'b\r\nc' }],
      ['POST', { 'Bad Name': 'x' }],
      ['POST', { 'X-Nul': 'a\u0000b' }],
      ['POST', { 'Transfer-Encoding': 'chunked' }],
      ['POST', { Connection: 'upgrade' }],
      ['POST', { Expect: '100-continue' }],
      ['POST', { Host: 'elsewhere.example' }],
      ['POST', { 'Content-Length': '99' }],
      ['POST', { 'X-Twice': 'a', 'x-twice': 'b' }],
      ['NOT A METHOD', {}],
    ];
    const errors = await failEach(330, 30, (i) => {
      const [method, headers] = invalid[i % invalid.length] as [string, Record<string, string>];
      return outbound.send(`${base}/ok`, { method, headers, body: '{}', timeoutMs: 5_000 });
    });
    for (const error of errors) expect(error).toBeInstanceOf(OutboundInvalidRequest);
    expect(arrived.get('/ok') ?? 0).toBe(0); // refused before any connection
    await expectAllConnectionsFree(outbound, connections);
  });

  it('still has every connection after resets, cut bodies, timeouts and aborts', async () => {
    const post = (path: string, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
      outbound.post(`${base}${path}`, { headers: {}, body: '{}', ...extra });
    const resets = await failEach(150, 15, () => post('/reset'));
    for (const error of resets) expect(error).not.toBeInstanceOf(OutboundTimeout);
    await failEach(60, 15, () => post('/cut-body'));
    // More at once than there are connections: some time out while waiting for one.
    const timeouts = await failEach(60, 30, () => post('/hang', { timeoutMs: 200 }));
    for (const error of timeouts) expect(error).toBeInstanceOf(OutboundTimeout);
    // Aborted by the caller once the target has the request, ten at a time.
    for (let batch = 0; batch < 3; batch++) {
      const before = arrived.get('/hang') ?? 0;
      const controller = new AbortController();
      const calls = Array.from({ length: 10 }, () =>
        post('/hang', { signal: controller.signal, timeoutMs: 60_000 }).then(
          () => expect.fail('an aborted call succeeded'),
          (error: Error) => error,
        ),
      );
      await untilArrived('/hang', before + 10);
      controller.abort(new Error('given up'));
      for (const error of await Promise.all(calls)) expect(error.message).toBe('given up');
    }
    await expectAllConnectionsFree(outbound, connections);
  });

  it('reads the start of answers it does not read to the end, and keeps going', async () => {
    for (let i = 0; i < 40; i++) {
      const big = await outbound.post(`${base}/big`, { headers: {}, body: '' });
      expect(big.excerpt).toHaveLength(1024);
      const failing = await outbound.post(`${base}/failing`, { headers: {}, body: '' });
      expect(failing).toEqual({ status: 503, excerpt: 'try later' });
    }
    await expectAllConnectionsFree(outbound, connections);
  });
});

describe('the deadline of a call', () => {
  const connections = 4;
  const outbound = createOutbound({ allowPrivate: true, connectionsPerOrigin: connections });
  afterAll(() => outbound.close());

  it('ends a call on time when every connection is held by calls that hang', async () => {
    const holder = new AbortController();
    const holding = Array.from({ length: connections }, () =>
      outbound
        .post(`${base}/hang`, { headers: {}, body: '', signal: holder.signal, timeoutMs: 60_000 })
        .catch((error: unknown) => error),
    );
    await untilArrived('/hang', (arrived.get('/hang') ?? 0) + connections);

    const started = performance.now();
    await expect(
      outbound.post(`${base}/ok`, { headers: {}, body: '', timeoutMs: 1_000 }),
    ).rejects.toThrow(OutboundTimeout);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(10_000);

    // A caller's abort ends a queued call at once too.
    const queued = new AbortController();
    const call = outbound.post(`${base}/ok`, { headers: {}, body: '', signal: queued.signal });
    queued.abort(new Error('shutting down'));
    await expect(call).rejects.toThrow('shutting down');

    holder.abort(new Error('done holding'));
    for (const error of await Promise.all(holding)) {
      expect((error as Error).message).toBe('done holding');
    }
    await expectAllConnectionsFree(outbound, connections);
  });

  it('ends a call to a target that never answers after its timeout', async () => {
    const started = performance.now();
    await expect(
      outbound.send(`${base}/hang`, { method: 'GET', headers: {}, timeoutMs: 1_000 }),
    ).rejects.toThrow(/timeout: .* gave no complete answer within 1000 ms/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('refused lookups', () => {
  const guarded = createOutbound({ allowPrivate: false, connectionsPerOrigin: 4 });
  afterAll(() => guarded.close());

  it('take no connection: the three hundredth is refused as fast as the first', async () => {
    const url = `${base.replace('127.0.0.1', 'localhost')}/ok`;
    const before = arrived.get('/ok') ?? 0;
    // A leaked connection would show as a timeout once the four are gone, not as a refusal.
    const errors = await failEach(300, 20, () =>
      guarded.post(url, { headers: {}, body: '{}', timeoutMs: 5_000 }),
    );
    for (const error of errors) expect(error).toBeInstanceOf(OutboundRefused);
    expect(arrived.get('/ok') ?? 0).toBe(before);
  });
});
