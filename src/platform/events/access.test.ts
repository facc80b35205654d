import { EventSource } from 'eventsource';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer } from '../../../test/helpers.ts';
import { openStream, type StreamClient } from '../../../test/stream-clients.ts';
import type { Module } from '../module.ts';

// Open streams are authorised again every STREAM_RECHECK_SECONDS (1 s here): what a user lost
// since subscribing stops reaching them without their reconnecting.

/** `flaky:<id>` topics: allowed, unless the check is made to fail (as with the database away). */
let flakyChecks = 0;
let flakyFails = false;
const flakyModule: Module = {
  name: 'flaky',
  topics: {
    flaky: async () => {
      flakyChecks++;
      if (flakyFails) throw new Error('the database is away');
      return true;
    },
  },
};

const { url, server } = await startTestServer({
  env: { STREAM_RECHECK_SECONDS: '1' },
  systems: [flakyModule],
});
const api = apiClient(url);
const { events } = server.core;
const { db } = server.core.database;
const alice = await signUp(api, 'alice');

const clients: StreamClient[] = [];
const sources: EventSource[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
  for (const source of sources) source.close();
});
async function connect(token: string) {
  const client = await openStream(url, { token });
  clients.push(client);
  return client;
}

/** A second token of `user`'s, with its id (to revoke it). */
async function newToken(user: { token: string }) {
  const response = await api('POST', '/v1/tokens', { token: user.token, body: { name: 'extra' } });
  expect(response.status).toBe(201);
  return response.body as { id: string; token: string };
}

describe('stream access checked again', () => {
  it('drops an organisation topic from a member removed since, and keeps the rest', async () => {
    const bob = await signUp(api, 'bob');
    const org = (await api('POST', '/v1/orgs', { token: alice.token, body: { name: 'Acme' } }))
      .body as { id: string };
    const added = await api('POST', `/v1/orgs/${org.id}/members`, {
      token: alice.token,
      body: { email: bob.email, role: 'member' },
    });
    expect(added.status).toBe(201);
    const orgTopic = `org:${org.id}`;
    const bobTopic = `user:${bob.id}`;
    const bobs = await connect(bob.token);
    expect((await bobs.subscribe([orgTopic, bobTopic])).type).toBe('subscribed');
    const alices = await connect(alice.token);
    expect((await alices.subscribe([orgTopic])).type).toBe('subscribed');

    const removed = await api('DELETE', `/v1/orgs/${org.id}/members/${bob.id}`, {
      token: alice.token,
    });
    expect(removed.status).toBe(204);
    const dropped = await bobs.next((message) => message.type === 'error');
    expect(dropped).toMatchObject({ topic: orgTopic, reason: expect.stringMatching(/member/) });

    await events.publish(db, { topic: orgTopic, type: 'org.news', data: { n: 1 } });
    await events.publish(db, { topic: bobTopic, type: 'bob.news', data: { n: 2 } });
    expect((await alices.next((m) => m.type === 'event')).event).toBe('org.news');
    // Bob's next event is his own, not the organisation's.
    expect((await bobs.next((m) => m.type === 'event')).event).toBe('bob.news');
    expect(bobs.messages.some((m) => m.type === 'event' && m.topic === orgTopic)).toBe(false);
  });

  it('closes a WebSocket whose token was revoked, and keeps one whose token lives', async () => {
    const extra = await newToken(alice);
    const doomed = await connect(extra.token);
    const kept = await connect(alice.token);
    await doomed.subscribe([`user:${alice.id}`]);
    await kept.subscribe([`user:${alice.id}`]);
    const revoked = await api('DELETE', `/v1/tokens/${extra.id}`, { token: alice.token });
    expect(revoked.status).toBe(204);
    expect(await doomed.closed).toEqual({
      code: 1008,
      reason: 'the token was revoked or has expired',
    });
    await events.publish(db, { topic: `user:${alice.id}`, type: 'still.here', data: {} });
    expect((await kept.next((m) => m.type === 'event')).event).toBe('still.here');
  });

  it('ends an SSE stream whose token was revoked with an error event saying why', async () => {
    const extra = await newToken(alice);
    const source = new EventSource(`${url}/v1/stream/sse?topics=user:${alice.id}`, {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init.headers, authorization: `Bearer ${extra.token}` },
        }),
    });
    sources.push(source);
    const errors: { reason: string }[] = [];
    source.addEventListener('error', (message) => {
      if ('data' in message && typeof message.data === 'string') {
        errors.push(JSON.parse(message.data));
      }
    });
    await new Promise((resolve, reject) => {
      source.onopen = resolve;
      source.onerror = reject;
    });
    await api('DELETE', `/v1/tokens/${extra.id}`, { token: alice.token });
    await expect
      .poll(() => errors, { timeout: 5_000 })
      .toEqual([{ reason: 'the token was revoked or has expired' }]);
  });

  it('keeps a topic whose check fails rather than decides (the database away)', async () => {
    const client = await connect(alice.token);
    expect((await client.subscribe(['flaky:1'])).type).toBe('subscribed');
    flakyFails = true;
    const checked = flakyChecks;
    await expect.poll(() => flakyChecks, { timeout: 5_000 }).toBeGreaterThan(checked + 1);
    flakyFails = false;
    await events.publish(db, { topic: 'flaky:1', type: 'still.flowing', data: {} });
    expect((await client.next((m) => m.type !== 'subscribed')).event).toBe('still.flowing');
  });
});
