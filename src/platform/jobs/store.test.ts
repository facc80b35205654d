import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, silentLog } from '../../../test/helpers.ts';
import { connectDatabase, type Database } from '../db/database.ts';
import * as store from './store.ts';

// The statements that change a claimed job, read straight from the store: each touches only the
// attempts its worker claimed, named by id and attempt (a worker that lost a job and claimed it
// again holds the new attempt, not the old one).

let database: Database;
const worker = randomUUID();
const claim = (limit: number) =>
  store.claimJobs(database.db, 'store-test', worker, limit, 30_000, new Date());

beforeAll(async () => {
  database = connectDatabase(await createTestDatabase(), 2, silentLog);
  const specs = Array.from({ length: 6 }, () => ({ kind: 'test.noop', queue: 'store-test' }));
  await store.insertJobs(database.db, specs, new Date());
});
afterAll(() => database.close());

describe('the attempt guard', () => {
  it('completes, renews and releases only the attempts named, of the worker that holds them', async () => {
    const [a, b, c, d] = await claim(4);
    if (!a || !b || !c || !d) throw new Error('expected four claimed jobs');
    const stale = { id: b.id, attempt: b.attempt + 1 };

    expect(await store.extendLeases(database.db, worker, [store.refOf(a), stale], 30_000)).toEqual([
      a.id,
    ]);
    expect(await store.completeJobs(database.db, randomUUID(), [store.refOf(c)])).toEqual([]);
    expect(await store.releaseJobs(database.db, worker, [stale, store.refOf(d)])).toEqual([d.id]);
    expect(
      (await store.completeJobs(database.db, worker, [a, b, c].map(store.refOf))).sort(),
    ).toEqual([a.id, b.id, c.id].sort());
    // Done once: a second completion finds nothing running.
    expect(await store.completeJobs(database.db, worker, [store.refOf(a)])).toEqual([]);
    const states = await Promise.all([a, b, c, d].map((job) => store.findJob(database.db, job.id)));
    expect(states.map((row) => [row?.state, row?.attempt])).toEqual([
      ['completed', 1],
      ['completed', 1],
      ['completed', 1],
      ['available', 0],
    ]);
  });
});

describe('the jobs of a lost instance', () => {
  it('are taken back at once, their attempt counted, and their old holder can record nothing', async () => {
    const lost = randomUUID();
    const specs = [
      { kind: 'test.noop', queue: 'lost-test' },
      { kind: 'test.noop', queue: 'lost-test', maxAttempts: 1 },
    ];
    await store.insertJobs(database.db, specs, new Date());
    const claimed = await store.claimJobs(
      database.db,
      'lost-test',
      lost,
      10,
      3_600_000,
      new Date(),
    );
    expect(claimed).toHaveLength(2);
    const [retried, last] = claimed.sort((a, b) => b.max_attempts - a.max_attempts);
    if (!retried || !last) throw new Error('expected two claimed jobs');

    // Another worker's running job is not touched.
    const [other] = await claim(1);
    if (!other) throw new Error('expected a job of another worker');

    const rescued = await store.rescueJobsOfInstance(database.db, lost, 'process gone');
    expect(rescued.map((job) => [job.id, job.state, job.attempt]).sort()).toEqual(
      [
        [retried.id, 'available', 1],
        [last.id, 'dead', 1],
      ].sort(),
    );
    const row = await store.findJob(database.db, retried.id);
    expect(row).toMatchObject({
      state: 'available',
      attempt: 1,
      worker_id: null,
      lease_until: null,
    });
    expect(row?.errors.map((e) => [e.attempt, e.error])).toEqual([
      [1, 'the worker running it was lost (process gone)'],
    ]);
    expect((await store.findJob(database.db, last.id))?.finished_at).toBeInstanceOf(Date);

    // The old holder, if only paused, can neither renew, complete nor fail what was taken back.
    const refs = [retried, last].map(store.refOf);
    expect(await store.extendLeases(database.db, lost, refs, 30_000)).toEqual([]);
    expect(await store.completeJobs(database.db, lost, refs)).toEqual([]);
    expect(
      await store.failJob(database.db, lost, store.refOf(retried), 'late', 0, false, new Date()),
    ).toBeUndefined();
    expect(await store.rescueJobsOfInstance(database.db, lost, 'process gone')).toEqual([]);
    expect((await store.findJob(database.db, other.id))?.state).toBe('running');
  });
});
