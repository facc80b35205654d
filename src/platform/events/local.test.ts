import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer } from '../../../test/helpers.ts';
import { openStream, type StreamClient } from '../../../test/stream-clients.ts';
import type { Module } from '../module.ts';
import { InvalidEventError } from './publish.ts';

// Local delivery (`deliverLocal`) and the local topic index (`localTopics`), through real
// WebSocket clients of a real server.

const demoModule: Module = {
  name: 'demo',
  topics: { demo: async () => true },
};

const { url, server } = await startTestServer({ systems: [demoModule] });
const { events } = server.core;
const { db } = server.core.database;
const alice = await signUp(apiClient(url), 'alice');

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});
async function connect() {
  const client = await openStream(url, { token: alice.token });
  clients.push(client);
  return client;
}
const isEvent = (message: { type: string }) => message.type === 'event';
const eventCount = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM events`.execute(db)).rows[0]?.n);

describe('deliverLocal', () => {
  it("reaches this process's subscribers of the topic only, and is not logged", async () => {
    const reader = await connect();
    const other = await connect();
    await reader.subscribe(['demo:home-1']);
    await other.subscribe(['demo:home-2']);
    const { id: lastLogged } = await events.publish(db, {
      topic: 'demo:home-1',
      type: 'logged',
      data: 0,
    });
    await reader.next(isEvent);
    const before = await eventCount();
    events.deliverLocal('demo:home-1', { type: 'post.created', data: { id: '42' } });
    expect(await reader.next(isEvent)).toMatchObject({
      topic: 'demo:home-1',
      event: 'post.created',
      data: { id: '42' },
      // The last logged id this process dispatched: resuming from it misses nothing logged.
      id: lastLogged,
    });
    expect(await eventCount()).toBe(before);
    await events.publish(db, { topic: 'demo:home-2', type: 'marker', data: 1 });
    await other.next(isEvent);
    expect(other.messages.filter(isEvent).map((m) => m.event)).toEqual(['marker']);
  });

  it('is not replayed to a client that resumes', async () => {
    const first = await connect();
    await first.subscribe(['demo:replay']);
    const { id } = await events.publish(db, { topic: 'demo:replay', type: 'logged', data: 1 });
    await first.next(isEvent);
    events.deliverLocal('demo:replay', { type: 'local', data: 2 });
    await first.next((m) => m.event === 'local');
    const again = await connect();
    expect(await again.subscribe(['demo:replay'], String(Number(id) - 1))).toMatchObject({
      replayed: 1,
    });
    expect(again.messages.filter(isEvent).map((m) => m.event)).toEqual(['logged']);
  });

  it('refuses a bad topic or type like publish', () => {
    expect(() => events.deliverLocal('no topic', { type: 'x', data: 1 })).toThrow(
      InvalidEventError,
    );
    expect(() => events.deliverLocal('demo:x', { type: 'bad type', data: 1 })).toThrow(
      InvalidEventError,
    );
  });
});

describe('localTopics', () => {
  it('lists the subscribed topics of a prefix, and follows subscribes and closes', async () => {
    const client = await connect();
    await client.subscribe(['demo:feed-a', 'demo:feed-b', 'demo:other']);
    expect(events.localTopics('demo:feed-').sort()).toEqual(['demo:feed-a', 'demo:feed-b']);
    const second = await connect();
    await second.subscribe(['demo:feed-a', 'demo:feed-c']);
    expect(events.localTopics('demo:feed-').sort()).toEqual([
      'demo:feed-a',
      'demo:feed-b',
      'demo:feed-c',
    ]);
    client.send({ type: 'unsubscribe', topics: ['demo:feed-b'] });
    await client.next((m) => m.type === 'unsubscribed');
    expect(events.localTopics('demo:feed-').sort()).toEqual(['demo:feed-a', 'demo:feed-c']);
    client.ws.close();
    await client.closed;
    // Still held by the second connection; feed-b had only the first.
    await expect
      .poll(() => events.localTopics('demo:feed-').sort())
      .toEqual(['demo:feed-a', 'demo:feed-c']);
    second.ws.close();
    await second.closed;
    await expect.poll(() => events.localTopics('demo:feed-')).toEqual([]);
  });
});
