import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer, type TestServer } from '../../../test/helpers.ts';
import { openStream } from '../../../test/stream-clients.ts';
import { type PlatformProblemName, platformProblems } from '../problems.ts';

// Requests Node's HTTP parser refuses, and clients too slow to finish one, over raw TCP: each is
// answered as problem+json with the right status, and the slow ones within the configured time.

let server: TestServer;
let port: number;

beforeAll(async () => {
  server = await startTestServer({
    env: { HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_REQUEST_TIMEOUT_SECONDS: '2' },
  });
  port = Number(new URL(server.url).port);
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes `text` on a fresh connection and resolves with the first response once it is complete
 * (its Content-Length read), or fails if the connection ends without one.
 */
function exchange(text: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const settle = () => {
      const response = parseResponse(received);
      if (response) {
        socket.destroy();
        resolve(response);
      }
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      settle();
    });
    socket.on('error', () => {}); // a reset after the answer is fine; no answer fails below
    socket.on('close', () =>
      reject(new Error(`closed without a response: ${JSON.stringify(String(received))}`)),
    );
    if (text.length > 0) socket.write(text);
  });
}

function parseResponse(received: Buffer): RawResponse | undefined {
  const end = received.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const body = received.subarray(end + 4);
  if (body.length < Number(headers['content-length'] ?? 0)) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') };
}

function expectRawProblem(response: RawResponse, name: PlatformProblemName) {
  const { status, title } = platformProblems[name];
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body);
  expect(body).toMatchObject({ type: `/problems/${name}`, title, status });
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.instance).toBe(response.headers['x-request-id']);
  return body;
}

describe('requests that are not HTTP', () => {
  it.each([
    ['a garbage request line', 'HELLO THERE\r\n\r\n'],
    ['a request line with a bad version', 'GET /healthz HTTP/9.x\r\n\r\n'],
    [
      'Content-Length: abc',
      'POST /v1/auth/login HTTP/1.1\r\nHost: meridian\r\nContent-Length: abc\r\n\r\n',
    ],
    [
      'two Content-Length headers',
      'POST /v1/auth/login HTTP/1.1\r\nHost: meridian\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    ],
    [
      'a control character in a header',
      'GET /healthz HTTP/1.1\r\nHost: meridian\r\nX-A: a\u0000b\r\n\r\n',
    ],
    ['a header without a colon', 'GET /healthz HTTP/1.1\r\nHost: meridian\r\nnot a header\r\n\r\n'],
  ])('answers %s with 400 bad-request', async (_, text) => {
    expectRawProblem(await exchange(text), 'bad-request');
  });

  it('answers headers over 16 KiB with 431 header-too-large', async () => {
    const big = `GET /healthz HTTP/1.1\r\nHost: meridian\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`;
    const body = expectRawProblem(await exchange(big), 'header-too-large');
    expect(body.detail).toContain('bytes');
  });

  it('answers an HTTP/1.1 request without Host with 400 bad-request', async () => {
    const body = expectRawProblem(await exchange('GET /healthz HTTP/1.1\r\n\r\n'), 'bad-request');
    expect(body.detail).toContain('Host');
    // HTTP/1.0 has no Host requirement.
    expect((await exchange('GET /healthz HTTP/1.0\r\n\r\n')).status).toBe(200);
  });
});

describe('clients too slow to send a request', () => {
  // The server waits 1 s for headers and 2 s for a whole request; Node checks every 0.5 s. Each
  // case waits for its answer; before, they were answered after 77 s, or never.
  it.each([
    ['an unfinished header block', 'GET /healthz HTTP/1.1\r\nHost: meridian\r\n'],
    [
      'a body shorter than its Content-Length',
      'POST /v1/auth/login HTTP/1.1\r\nHost: meridian\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
    ],
    ['a connection that sends nothing', ''],
  ])('answers %s with 408 request-timeout and closes', async (_, text) => {
    const started = Date.now();
    const body = expectRawProblem(await exchange(text), 'request-timeout');
    expect(body.detail).toContain('2 s');
    // A loose bound: the point is seconds, not minutes.
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('keeps an idle keep-alive connection between requests', async () => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const waiters = new Set<() => void>();
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      for (const wake of waiters) wake();
    });
    const nextResponse = () =>
      new Promise<RawResponse>((resolve) => {
        const look = () => {
          const response = parseResponse(received);
          if (!response) return;
          waiters.delete(look);
          received = Buffer.alloc(0);
          resolve(response);
        };
        waiters.add(look);
        look();
      });
    const request = 'GET /healthz HTTP/1.1\r\nHost: meridian\r\n\r\n';
    socket.write(request);
    expect((await nextResponse()).status).toBe(200);
    // Wait until a request started after that response has timed out.
    expectRawProblem(await exchange('GET /healthz HTTP/1.1\r\n'), 'request-timeout');
    socket.write(request);
    expect((await nextResponse()).status).toBe(200);
    socket.destroy();
  });

  it('does not cut open streams, which outlive the request timeout', async () => {
    const api = apiClient(server.url);
    const user = await signUp(api);
    const topic = `user:${user.id}`;
    const sse = await fetch(`${server.url}/v1/stream/sse?topics=${topic}`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(sse.status).toBe(200);
    const ws = await openStream(server.url, { token: user.token });
    await ws.subscribe([topic]);
    // A request started after both streams opened has now timed out: so have they, if at all.
    expectRawProblem(
      await exchange(
        'POST /v1/auth/login HTTP/1.1\r\nHost: meridian\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{',
      ),
      'request-timeout',
    );
    await server.server.core.events.publish(server.database.db, {
      topic,
      type: 'still.open',
      data: {},
    });
    const message = await ws.next((m) => m.type === 'event');
    expect(message).toMatchObject({ type: 'event', event: 'still.open' });
    const reader = (sse.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('still.open')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    ws.ws.close();
  });
});
