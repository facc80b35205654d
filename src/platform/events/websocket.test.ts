import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, expectProblem, signUp, startTestServer } from '../../../test/helpers.ts';
import { openStream, refusedUpgrade, type StreamClient } from '../../../test/stream-clients.ts';
import { transaction } from '../db/database.ts';
import type { Module } from '../module.ts';

/** A module whose `demo:<id>` topics are open when the id is "open". */
const demoModule: Module = {
  name: 'demo',
  topics: { demo: async (_userId, id) => id === 'open' },
};

const { url, server } = await startTestServer({ systems: [demoModule] });
const api = apiClient(url);
const { events } = server.core;
const { db } = server.core.database;
const alice = await signUp(api, 'alice');
const bob = await signUp(api, 'bob');
const aliceTopic = `user:${alice.id}`;

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});
async function connect(token = alice.token) {
  const client = await openStream(url, { token });
  clients.push(client);
  return client;
}

const isEvent = (message: { type: string }) => message.type === 'event';

describe('WebSocket stream', () => {
  it('refuses an upgrade without a valid token, and a plain GET, as problems', async () => {
    const missing = await refusedUpgrade(url);
    expect(missing.status).toBe(401);
    expect(missing.type).toMatch(/problem\+json/);
    expect(missing.body.type).toBe('/problems/unauthorized');
    expect(
      (await refusedUpgrade(url, { headers: { authorization: 'Bearer mrd_nope' } })).status,
    ).toBe(401);
    expectProblem(await api('GET', '/v1/stream', { token: alice.token }), 'upgrade-required');
  });

  it('delivers committed events in the contract shape, never a rolled-back one', async () => {
    const client = await connect();
    expect(await client.subscribe([aliceTopic])).toEqual({
      type: 'subscribed',
      topics: [aliceTopic],
      replayed: 0,
    });
    await transaction(db, async (tx) => {
      await events.publish(tx, { topic: aliceTopic, type: 'task.failed', data: { n: 1 } });
      throw new Error('roll back');
    }).catch(() => undefined);
    const { id } = await events.publish(db, {
      topic: aliceTopic,
      type: 'task.ran',
      data: { n: 2 },
    });
    const message = await client.next(isEvent);
    expect(message).toEqual({
      type: 'event',
      id,
      topic: aliceTopic,
      event: 'task.ran',
      data: { n: 2 },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
  });

  it('delivers an event over the NOTIFY limit whole', async () => {
    const client = await connect();
    await client.subscribe([aliceTopic]);
    const data = { blob: 'ü'.repeat(50_000) };
    await events.publish(db, { topic: aliceTopic, type: 'big', data });
    expect((await client.next(isEvent)).data).toEqual(data);
  });

  it("authorises topics: your user, your organisations', modules' by their hook", async () => {
    const created = await api('POST', '/v1/orgs', { token: alice.token, body: { name: 'Acme' } });
    expect(created.status).toBe(201);
    const orgTopic = `org:${created.body.id}`;
    const client = await connect();
    expect(await client.subscribe([orgTopic, 'demo:open'])).toMatchObject({
      type: 'subscribed',
      topics: [orgTopic, 'demo:open'],
    });
    await events.publish(db, { topic: 'demo:open', type: 'stock.changed', data: 3 });
    expect(await client.next(isEvent)).toMatchObject({ topic: 'demo:open', data: 3 });

    const outsider = await connect(bob.token);
    outsider.send({ type: 'subscribe', topics: [orgTopic, aliceTopic, 'demo:closed', 'nope:1'] });
    const refusals = [1, 2, 3, 4].map(() => outsider.next());
    expect(await Promise.all(refusals)).toEqual([
      { type: 'error', topic: orgTopic, reason: expect.stringMatching(/not a member/) },
      { type: 'error', topic: aliceTopic, reason: expect.stringMatching(/another user/) },
      { type: 'error', topic: 'demo:closed', reason: expect.stringMatching(/not yours/) },
      { type: 'error', topic: 'nope:1', reason: expect.stringMatching(/unknown topic namespace/) },
    ]);
    // Still up: a later subscribe of its own topic works.
    expect(await outsider.subscribe([`user:${bob.id}`])).toMatchObject({ type: 'subscribed' });
  });

  it('refuses malformed, binary, unknown and oversized messages and stays up', async () => {
    const client = await connect();
    const reasons: string[] = [];
    for (const bad of [
      '{"type":"subscribe",',
      '[1,2]',
      JSON.stringify({ type: 'dance', topics: [aliceTopic] }),
      JSON.stringify({ type: 'subscribe', topics: [] }),
      JSON.stringify({ type: 'subscribe', topics: [7] }),
      JSON.stringify({ type: 'subscribe', topics: [aliceTopic], last_event_id: 'x' }),
      JSON.stringify({ type: 'subscribe', topics: ['a'.repeat(20_000)] }),
    ]) {
      client.send(bad);
      reasons.push((await client.next()).reason);
    }
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    reasons.push((await client.next()).reason);
    expect(reasons).toEqual([
      expect.stringMatching(/^malformed JSON/),
      expect.stringMatching(/a message is/),
      expect.stringMatching(/a message is/),
      expect.stringMatching(/"topics" must be/),
      expect.stringMatching(/"topics" must be/),
      expect.stringMatching(/not an event id/),
      expect.stringMatching(/at most 16384 bytes/),
      expect.stringMatching(/binary frames/),
    ]);
    expect(await client.subscribe([aliceTopic])).toMatchObject({ type: 'subscribed' });
  });

  it('closes with 1009 on a frame over the hard limit; the server keeps serving', async () => {
    const client = await connect();
    client.send('x'.repeat(1_048_577));
    expect((await client.closed).code).toBe(1009);
    expect((await api('GET', '/healthz')).status).toBe(200);
    expect(await (await connect()).subscribe([aliceTopic])).toMatchObject({ type: 'subscribed' });
  });

  it('opens with a single-use ticket instead of a header', async () => {
    const issued = await api('POST', '/v1/stream/tickets', { token: alice.token });
    expect(issued.status).toBe(201);
    expect(issued.body.ticket).toMatch(/^mst_/);
    const client = await openStream(url, { ticket: issued.body.ticket });
    clients.push(client);
    expect(await client.subscribe([aliceTopic])).toMatchObject({ type: 'subscribed' });
    const reused = await refusedUpgrade(url, { ticket: issued.body.ticket });
    expect(reused.status).toBe(401);
    expectProblem(await api('POST', '/v1/stream/tickets'), 'unauthorized');
  });

  it('refuses an expired ticket', async () => {
    const { body } = await api('POST', '/v1/stream/tickets', { token: alice.token });
    await sql`UPDATE stream_tickets SET expires_at = now() - interval '1 second'`.execute(db);
    const refused = await refusedUpgrade(url, { ticket: body.ticket });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/expired/);
  });
});
