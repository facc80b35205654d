import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer } from '../../../test/helpers.ts';
import { killLeftovers, startMeridian } from '../../../test/processes.ts';
import { openStream, type StreamClient } from '../../../test/stream-clients.ts';
import { transaction } from '../db/database.ts';

// This test process is one Meridian; `meridian serve` on the same database is the other.
const { url, server, databaseUrl } = await startTestServer();
const other = await startMeridian({ DATABASE_URL: databaseUrl });
afterAll(killLeftovers);
const { events } = server.core;
const { db } = server.core.database;
const alice = await signUp(apiClient(url));
const topic = `user:${alice.id}`;

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});
const isEvent = (message: { type: string }) => message.type === 'event';

describe('events across processes', () => {
  it('delivers an event committed in one process to a client of another, not a rolled-back one', async () => {
    const client = await openStream(other.url, { token: alice.token });
    clients.push(client);
    await client.subscribe([topic]);
    await transaction(db, async (tx) => {
      await events.publish(tx, { topic, type: 'rolled.back', data: 0 });
      throw new Error('roll back');
    }).catch(() => undefined);
    const { id } = await transaction(db, async (tx) => {
      await events.publish(tx, { topic, type: 'small', data: 1 });
      return events.publish(tx, { topic, type: 'big', data: 'ß'.repeat(9_000) });
    });
    await client.next((m) => m.id === id);
    expect(client.messages.filter(isEvent).map((m) => m.event)).toEqual(['small', 'big']);
    expect(client.messages.at(-1)?.data).toBe('ß'.repeat(9_000));
  });

  it('delivers what was committed while its LISTEN connection was down', async () => {
    const client = await openStream(other.url, { token: alice.token });
    clients.push(client);
    await client.subscribe([topic]);
    // Cut every listener but this test's own connection; the other process reconnects and reads
    // the log after the last event it had, so an event committed meanwhile is not lost.
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = 'meridian-listener' AND datname = current_database()`.execute(
      db,
    );
    const { id } = await events.publish(db, { topic, type: 'during', data: 2 });
    expect(await client.next(isEvent)).toMatchObject({ id, event: 'during' });
  });

  it('stops cleanly, closing its streams with 1001', async () => {
    const client = await openStream(other.url, { token: alice.token });
    other.child.kill('SIGTERM');
    expect(await client.closed).toEqual({ code: 1001, reason: expect.stringMatching(/shutting/) });
    expect(await other.exited).toBe(0);
  });
});
