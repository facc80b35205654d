import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../../test/module-harness.ts';
import { periodicJobsOf } from '../composition.ts';
import { transaction } from '../db/database.ts';
import type { ClaimedJob, JobContext } from '../jobs/spec.ts';
import { eventsModule, pruneEventsJob } from './module.ts';
import type { PublishedEvent } from './publish.ts';
import { eventsAfter, prunedThrough } from './store.ts';

const server = await startTestCore({ env: { EVENT_RETENTION_HOURS: '2' } });
const { events } = server.core;
const { db } = server.core.database;

/** Resolves with the next `count` events of `topic` this process receives. */
function receive(topic: string, count: number): Promise<PublishedEvent[]> {
  const received: PublishedEvent[] = [];
  return new Promise((resolve) => {
    const unsubscribe = events.subscribe([topic], (event) => {
      received.push(event);
      if (received.length === count) {
        unsubscribe();
        resolve(received);
      }
    });
  });
}

describe('events bus', () => {
  it('delivers an event only if its transaction commits', async () => {
    const arriving = receive('test:commit', 1);
    await transaction(db, async (tx) => {
      await events.publish(tx, { topic: 'test:commit', type: 'rolled.back', data: 1 });
      throw new Error('roll back');
    }).catch(() => undefined);
    const { id } = await transaction(db, (tx) =>
      events.publish(tx, { topic: 'test:commit', type: 'committed', data: { n: 2 } }),
    );
    // Delivery is in commit order, so the rolled-back event would have come first.
    const [event] = await arriving;
    expect(event).toMatchObject({ id, topic: 'test:commit', type: 'committed', data: { n: 2 } });
    expect(new Date(event?.at ?? '').toISOString()).toBe(event?.at);
  });

  it('delivers an event over the NOTIFY limit whole (measured in bytes, not characters)', async () => {
    // 6,000 characters but 12,000 bytes: measuring characters would overflow pg_notify.
    const big = { text: 'é'.repeat(6_000) };
    const small = { text: 'after' };
    const arriving = receive('test:big', 2);
    await transaction(db, async (tx) => {
      await events.publish(tx, { topic: 'test:big', type: 'big', data: big });
      await events.publish(tx, { topic: 'test:big', type: 'small', data: small });
    });
    const [first, second] = await arriving;
    expect(first?.data).toEqual(big);
    expect(second?.data).toEqual(small);
    expect(Number(second?.id)).toBeGreaterThan(Number(first?.id));
  });

  it('publishes a batch in its order, as a whole or not at all', async () => {
    const batch = [
      { topic: 'test:batch-b', type: 'first', data: { n: 1 } },
      { topic: 'test:batch-a', type: 'null', data: null },
      { topic: 'test:batch-b', type: 'big', data: { text: 'é'.repeat(6_000) } },
      { topic: 'test:batch-a', type: 'last', data: [4] },
    ];
    const arriving = Promise.all([receive('test:batch-a', 2), receive('test:batch-b', 2)]);
    await transaction(db, async (tx) => {
      await events.publishMany(tx, batch);
      throw new Error('roll back');
    }).catch(() => undefined);
    const ids = await transaction(db, (tx) => events.publishMany(tx, batch));
    const numbers = ids.map(({ id }) => Number(id));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const stored = await eventsAfter(db, (numbers[0] ?? 0) - 1, 10, [
      'test:batch-a',
      'test:batch-b',
    ]);
    expect(stored.map(({ id, type, data }) => ({ id, type, data }))).toEqual(
      batch.map(({ type, data }, index) => ({ id: ids[index]?.id, type, data })),
    );
    // The rolled-back batch would have come first, being delivered in commit order.
    const [a, b] = await arriving;
    expect(a?.map(({ id, data }) => ({ id, data }))).toEqual([
      { id: ids[1]?.id, data: null },
      { id: ids[3]?.id, data: [4] },
    ]);
    expect(b?.map(({ id, data }) => ({ id, data }))).toEqual([
      { id: ids[0]?.id, data: { n: 1 } },
      { id: ids[2]?.id, data: batch[2]?.data },
    ]);
  });

  it('keeps publish_event, the one-element batch, for processes of the previous release', async () => {
    const arriving = receive('test:previous', 1);
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM publish_event('test:previous', 'old', '{"n":1}')`.execute(db);
    const [event] = await arriving;
    expect(event).toMatchObject({ id: String(rows[0]?.id), type: 'old', data: { n: 1 } });
  });

  it('refuses a malformed topic or type before writing anything', async () => {
    await expect(events.publish(db, { topic: 'no-namespace', type: 't', data: 1 })).rejects.toThrow(
      /namespace/,
    );
    await expect(events.publish(db, { topic: 'a:b', type: 'bad type', data: 1 })).rejects.toThrow(
      /type/,
    );
  });

  it('keeps delivering to others when a subscriber throws', async () => {
    const unsubscribe = events.subscribe(['test:throw'], () => {
      throw new Error('subscriber bug');
    });
    const arriving = receive('test:throw', 1);
    await events.publish(db, { topic: 'test:throw', type: 'x', data: null });
    expect((await arriving)[0]?.data).toBeNull();
    unsubscribe();
  });

  it('prunes events past EVENT_RETENTION_HOURS and records how far', async () => {
    const ids = [];
    for (const n of [1, 2, 3]) {
      ids.push(Number((await events.publish(db, { topic: 'test:prune', type: 'n', data: n })).id));
    }
    const [, second, third] = ids;
    // Everything up to the second is three hours old: past the 2-hour retention.
    await sql`UPDATE events SET at = at - interval '3 hours' WHERE id <= ${second}`.execute(db);
    const prune = eventsModule.jobs?.(server.core).find((job) => job.kind === pruneEventsJob.kind);
    await prune?.handler({} as ClaimedJob, {} as JobContext);
    const left = await eventsAfter(db, 0, 100, ['test:prune']);
    expect(left.map((event) => Number(event.id))).toEqual([third]);
    expect(await prunedThrough(db)).toBe(second);
    const periodic = periodicJobsOf([eventsModule], server.core.config);
    expect(periodic.map((p) => p.job.kind)).toEqual(['events.prune']);
  });
});
