import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer } from '../../../test/helpers.ts';
import { openStream, type StreamClient } from '../../../test/stream-clients.ts';

// A small send buffer, so that a client that stops reading is cut after a few events.
const { url, server } = await startTestServer({ env: { STREAM_SEND_BUFFER_BYTES: '65536' } });
// Pings every second, so that a client that does not answer them is cut soon.
const pinging = await startTestServer({ env: { STREAM_HEARTBEAT_SECONDS: '1' } });
const api = apiClient(url);
const { events } = server.core;
const { db } = server.core.database;
const alice = await signUp(api, 'alice');
const topic = `user:${alice.id}`;

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});
async function connect(base = url, token = alice.token, autoPong = true) {
  const client = await openStream(base, { token }, { autoPong });
  clients.push(client);
  return client;
}
const isEvent = (message: { type: string }) => message.type === 'event';

async function dropCount(reason: string, transport = 'websocket'): Promise<number> {
  const metric = server.core.metrics.getSingleMetric('meridian_stream_drops_total');
  const { values } = (await metric?.get()) ?? { values: [] };
  const match = values.find((v) => v.labels.reason === reason && v.labels.transport === transport);
  return match?.value ?? 0;
}

describe('stream replay and limits', () => {
  it('replays exactly the missed events to a WebSocket that resubscribes with its last id', async () => {
    const first = await connect();
    await first.subscribe([topic]);
    for (const n of [1, 2, 3]) await events.publish(db, { topic, type: 'n', data: n });
    const seen = [await first.next(isEvent), await first.next(isEvent), await first.next(isEvent)];
    first.ws.close();
    await first.closed;
    await events.publish(db, { topic, type: 'n', data: 4 });
    await events.publish(db, { topic: 'user:someone-else', type: 'n', data: 99 });
    await events.publish(db, { topic, type: 'n', data: 5 });

    const again = await connect();
    const ack = await again.subscribe([topic], seen[2]?.id);
    expect(ack).toEqual({ type: 'subscribed', topics: [topic], replayed: 2 });
    await events.publish(db, { topic, type: 'n', data: 6 });
    await again.next((m) => isEvent(m) && m.data === 6);
    const received = again.messages.filter(isEvent).map((m) => m.data);
    expect(received).toEqual([4, 5, 6]);
  });

  it('sends reset for an id it does not know', async () => {
    const client = await connect();
    const ack = await client.subscribe([topic], '999999999999');
    expect(ack.type).toBe('subscribed');
    expect(client.messages[0]).toMatchObject({
      type: 'reset',
      reason: expect.stringMatching(/unknown/),
      last_event_id: expect.stringMatching(/^\d+$/),
    });
  });

  it('cuts off a client that stops reading while another keeps receiving', async () => {
    const slow = await connect();
    const fast = await connect();
    await slow.subscribe([topic]);
    await fast.subscribe([topic]);
    (slow.ws as unknown as { _socket: Socket })._socket.pause();
    const before = await dropCount('slow');
    const data = { padding: 'x'.repeat(32_768) };
    let published = 0;
    while ((await dropCount('slow')) === before) {
      if (published === 2_000) throw new Error('the slow client was never cut off');
      const { id } = await events.publish(db, { topic, type: 'padded', data });
      published++;
      await fast.next((m) => m.id === id);
    }
    // One more after the cut: the fast client still gets it.
    const { id } = await events.publish(db, { topic, type: 'after', data: null });
    await fast.next((m) => m.id === id);
    expect(fast.messages.filter(isEvent)).toHaveLength(published + 1);

    (slow.ws as unknown as { _socket: Socket })._socket.resume();
    const closed = await slow.closed;
    expect(closed).toEqual({ code: 1013, reason: expect.stringMatching(/too slow/) });
    // Everything up to the cut was queued for it; nothing after.
    expect(slow.messages.filter(isEvent)).toHaveLength(published);
    expect(slow.messages.some((m) => m.id === id)).toBe(false);
  });

  it('ends an SSE stream that is not read with an error event saying why', async () => {
    const response = await new Promise<IncomingMessage>((resolve) =>
      http.get(
        `${url}/v1/stream/sse?topics=${topic}`,
        { headers: { authorization: `Bearer ${alice.token}` } },
        resolve,
      ),
    );
    expect(response.statusCode).toBe(200);
    response.pause();
    const before = await dropCount('slow', 'sse');
    const data = { padding: 'x'.repeat(32_768) };
    for (let published = 0; (await dropCount('slow', 'sse')) === before; published++) {
      if (published === 2_000) throw new Error('the SSE client was never cut off');
      await events.publish(db, { topic, type: 'padded', data });
    }
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      body += chunk;
    });
    response.resume();
    await once(response, 'end');
    expect(body).toMatch(
      /event: error\ndata: \{"reason":"send buffer over 65536 bytes: client too slow"\}\n\n$/,
    );
  });

  it('cuts off a client that does not answer pings; one that does stays', async () => {
    const pingingApi = apiClient(pinging.url);
    const bob = await signUp(pingingApi, 'bob');
    const silent = await connect(pinging.url, bob.token, false);
    const answering = await connect(pinging.url, bob.token);
    await answering.subscribe([`user:${bob.id}`]);
    await silent.subscribe([`user:${bob.id}`]);
    expect(await silent.closed).toEqual({ code: 1001, reason: expect.stringMatching(/no pong/) });
    expect(await answering.subscribe([`user:${bob.id}`])).toMatchObject({ type: 'subscribed' });
  });

  it('reports connections, messages and drops on /metrics', async () => {
    const text = (await api('GET', '/metrics')).body as string;
    expect(text).toMatch(/meridian_stream_connections\{transport="websocket"\} \d+/);
    expect(text).toMatch(/meridian_stream_messages_sent_total\{transport="websocket"\} [1-9]/);
    expect(text).toMatch(/meridian_stream_drops_total\{transport="websocket",reason="slow"\} 1/);
  });
});
