import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForJobState } from '../../../test/helpers.ts';
import { startTestCore, type TestCore } from '../../../test/module-harness.ts';
import { transaction } from '../db/database.ts';
import type { Module } from '../module.ts';
import { defineJob } from './define.ts';
import type { Jobs } from './queue.ts';
import type { ClaimedJob, Job, JobState } from './spec.ts';

// The job engine through its client API, on a real server and database: enqueue (in and out of
// transactions), due times, order, unique keys, unknown kinds and per-queue concurrency.

/** Each handler call, by job id, with when it started (this process's clock). */
const calls = new Map<number, number[]>();
const record = (job: ClaimedJob) => calls.set(job.id, [...(calls.get(job.id) ?? []), Date.now()]);
const callsOf = (id: number) => calls.get(id)?.length ?? 0;

/** Payload tags of the `ordered` queue's jobs, in the order they ran. */
const orderedRuns: string[] = [];
let limitedActive = 0;
let limitedMaxActive = 0;

/** Records that it ran; its payload is only looked at in the database. */
const recordJob = defineJob<Record<string, unknown>>('test.record');
const orderedJob = defineJob<{ tag: string }>('test.ordered');
const limitedJob = defineJob('test.limited');

const testModule: Module = {
  name: 'jobs-test',
  jobs: () => [
    recordJob.handle(async (job) => {
      record(job);
    }),
    orderedJob.handle(async (job) => {
      record(job);
      orderedRuns.push(job.payload.tag);
    }),
    limitedJob.handle(async (job) => {
      record(job);
      limitedActive++;
      limitedMaxActive = Math.max(limitedMaxActive, limitedActive);
      await new Promise((resolve) => setTimeout(resolve, 30));
      limitedActive--;
    }),
  ],
};

let server: TestCore;
let jobs: Jobs;

beforeAll(async () => {
  server = await startTestCore({
    env: { JOB_QUEUES: 'default:10,ordered:1,limited:2,horizon:1' },
    systems: [testModule],
  });
  jobs = server.core.jobs;
});

const waitForState = (id: number, state: JobState, timeout?: number) =>
  waitForJobState(jobs, id, state, timeout);

async function countJobs(where: ReturnType<typeof sql>): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM jobs WHERE ${where}`.execute(
    server.database.db,
  );
  return Number(result.rows[0]?.n);
}

class Rollback extends Error {}

describe('transactional enqueue', () => {
  it('leaves no job when the transaction rolls back', async () => {
    const tag = `rolled-back-${Date.now()}`;
    let enqueued: Job | undefined;
    await expect(
      transaction(server.database.db, async (tx) => {
        enqueued = await jobs.enqueue(recordJob.spec({ tag }), { tx });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(enqueued?.id).toBeTypeOf('number');
    expect(await countJobs(sql`payload->>'tag' = ${tag}`)).toBe(0);
    // A job enqueued after it runs; the rolled-back one never reached a handler.
    const after = await jobs.enqueue(recordJob.spec());
    await waitForState(after.id, 'completed');
    expect(callsOf(enqueued!.id)).toBe(0);
  });

  it('runs the job once the transaction commits, and not before', async () => {
    const job = await transaction(server.database.db, async (tx) => {
      const inside = await jobs.enqueue(recordJob.spec(), { tx });
      // Invisible outside the transaction, so no worker can claim it yet.
      expect(await jobs.get(inside.id)).toBeUndefined();
      return inside;
    });
    const done = await waitForState(job.id, 'completed');
    expect(done.attempt).toBe(1);
    expect(callsOf(job.id)).toBe(1);
  });

  it('runs each of 1,000 jobs of one enqueueMany exactly once', async () => {
    const batch = `bulk-${Date.now()}`;
    const specs = Array.from({ length: 1000 }, (_, i) => recordJob.spec({ batch, i }));
    const enqueued = await jobs.enqueueMany(specs);
    expect(enqueued).toHaveLength(1000);
    expect(new Set(enqueued.map((job) => job.id)).size).toBe(1000);
    await expect
      .poll(() => countJobs(sql`payload->>'batch' = ${batch} AND state = 'completed'`), {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(1000);
    expect(enqueued.map((job) => callsOf(job.id)).filter((n) => n !== 1)).toEqual([]);
  });
});

describe('due time', () => {
  it('does not start a job before its runAt, and starts it soon after', async () => {
    const runAt = new Date(Date.now() + 1000);
    const job = await jobs.enqueue(recordJob.spec({}, { runAt }));
    const done = await waitForState(job.id, 'completed');
    expect(done.attempted_at!.getTime()).toBeGreaterThanOrEqual(done.run_at.getTime());
    expect(done.run_at.getTime()).toBe(runAt.getTime());
    const startedAt = calls.get(job.id)![0]!;
    expect(startedAt).toBeGreaterThanOrEqual(runAt.getTime());
    expect(startedAt - runAt.getTime()).toBeLessThan(1000);
  });

  it('moves a waiting job with reschedule, and refuses to move a finished one', async () => {
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    const runAt = new Date(Date.now() + 200);
    const moved = await jobs.reschedule(job.id, runAt);
    expect(moved?.run_at.getTime()).toBe(runAt.getTime());
    const done = await waitForState(job.id, 'completed');
    expect(done.attempted_at!.getTime()).toBeGreaterThanOrEqual(runAt.getTime());
    expect(await jobs.reschedule(job.id, new Date())).toBeUndefined();
    expect(callsOf(job.id)).toBe(1);
  });

  it('never runs a waiting job that was cancelled', async () => {
    // On a queue of concurrency 1 a later job runs after every earlier due one: when it is done,
    // the cancelled job would have run if it were going to.
    const cancelled = await jobs.enqueue(
      orderedJob.spec({ tag: 'cancelled' }, { queue: 'ordered', delayMs: 200 }),
    );
    const later = await jobs.enqueue(
      orderedJob.spec({ tag: 'later' }, { queue: 'ordered', delayMs: 400 }),
    );
    const result = await jobs.cancel(cancelled.id);
    expect(result?.state).toBe('cancelled');
    await waitForState(later.id, 'completed');
    expect(callsOf(cancelled.id)).toBe(0);
    const row = await jobs.get(cancelled.id);
    expect(row).toMatchObject({ state: 'cancelled', attempt: 0 });
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect(await jobs.cancel(cancelled.id)).toBeUndefined();
  });

  it('wakes no one for a job due beyond 30 s, and still starts it on time', async () => {
    // Notifying transactions are serialised at commit by PostgreSQL: far-off jobs must not notify.
    const listener = new pg.Client({ connectionString: server.databaseUrl });
    await listener.connect();
    // Queues of this file only: the platform's periodic jobs notify on `default`.
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query('LISTEN meridian_jobs');
    const runAt = new Date(Date.now() + 32_000);
    const job = await jobs.enqueue(recordJob.spec({}, { queue: 'horizon', runAt }));
    // A job due now is heard. Notifications arrive in commit order: had the far job notified,
    // it would be heard first.
    await jobs.enqueue(recordJob.spec({}, { queue: 'ordered' }));
    await expect.poll(() => heard.includes('ordered')).toBe(true);
    expect(heard).not.toContain('horizon');
    await listener.end();
    // Nothing woke the idle `horizon` loop: it finds the job by looking again within 25 s.
    const done = await waitForState(job.id, 'completed', 40_000);
    const startedAt = calls.get(done.id)?.[0] ?? 0;
    expect(startedAt - runAt.getTime()).toBeGreaterThanOrEqual(0);
    expect(startedAt - runAt.getTime()).toBeLessThan(1_000);
  }, 60_000);

  it('lets an idle worker sleep when the next job is due months ahead', async () => {
    // Beyond 2^31 ms (24.8 days) a Node timer fires at once: the worker must not spin on it.
    const far = await jobs.enqueue(recordJob.spec({}, { delayMs: 90 * 86_400_000 }));
    const transactions = async () => {
      await sql`SELECT pg_stat_clear_snapshot()`.execute(server.database.db);
      const result = await sql<{ n: number }>`
        SELECT xact_commit AS n FROM pg_stat_database
        WHERE datname = current_database()`.execute(server.database.db);
      return Number(result.rows[0]?.n);
    };
    const before = await transactions();
    // A sleep on purpose: what is measured is what an idle worker does over a span of time.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const spent = (await transactions()) - before;
    expect(await jobs.cancel(far.id)).toMatchObject({ state: 'cancelled', attempt: 0 });
    // An idle server makes a few statements a second (heartbeats, leader); a spinning loop makes
    // thousands.
    expect(spent).toBeLessThan(200);
  });
});

describe('order', () => {
  it('runs priority 0 first, then by due time, with concurrency 1', async () => {
    orderedRuns.length = 0;
    const ago = (ms: number) => new Date(Date.now() - ms);
    // One statement: every job is there before the worker's first claim.
    const enqueued = await jobs.enqueueMany(
      [
        { tag: 'p3', priority: 3, runAt: ago(5000) },
        { tag: 'p2-late', priority: 2, runAt: ago(1000) },
        { tag: 'p0-late', priority: 0, runAt: ago(1000) },
        { tag: 'p2-early', priority: 2, runAt: ago(3000) },
        { tag: 'p0-early', priority: 0, runAt: ago(2000) },
        { tag: 'p1', priority: 1, runAt: ago(100) },
        { tag: 'p4', priority: 4, runAt: ago(9000) },
      ].map(({ tag, ...rest }) => orderedJob.spec({ tag }, { queue: 'ordered', ...rest })),
    );
    for (const job of enqueued) await waitForState(job.id, 'completed');
    expect(orderedRuns).toEqual(['p0-early', 'p0-late', 'p1', 'p2-early', 'p2-late', 'p3', 'p4']);
  });
});

describe('unique keys', () => {
  it('returns the unfinished job instead of enqueueing a second', async () => {
    const uniqueKey = `unique-${Date.now()}`;
    const first = await jobs.enqueue(recordJob.spec({}, { uniqueKey, delayMs: 3_600_000 }));
    const second = await jobs.enqueue(recordJob.spec({ other: 1 }, { uniqueKey }));
    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual({});
    expect(await countJobs(sql`unique_key = ${uniqueKey}`)).toBe(1);
  });

  it('makes one job of 20 concurrent enqueues with one key', async () => {
    const uniqueKey = `race-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        jobs.enqueue(recordJob.spec({}, { uniqueKey, delayMs: 3_600_000 })),
      ),
    );
    expect(new Set(results.map((job) => job.id)).size).toBe(1);
    expect(await countJobs(sql`unique_key = ${uniqueKey}`)).toBe(1);
  });

  it('skips taken keys in enqueueMany, within the batch too', async () => {
    const key = `many-${Date.now()}`;
    const held = await jobs.enqueue(recordJob.spec({}, { uniqueKey: key, delayMs: 3_600_000 }));
    const inserted = await jobs.enqueueMany([
      recordJob.spec({}, { uniqueKey: key, delayMs: 3_600_000 }),
      recordJob.spec({}, { uniqueKey: `${key}-new`, delayMs: 3_600_000 }),
      recordJob.spec({}, { uniqueKey: `${key}-new`, delayMs: 3_600_000 }),
    ]);
    expect(inserted.map((job) => job.unique_key)).toEqual([`${key}-new`]);
    expect(inserted[0]!.id).not.toBe(held.id);
    expect(await countJobs(sql`unique_key LIKE ${`${key}%`}`)).toBe(2);
  });

  it('takes a new job with the key once the first has finished', async () => {
    const uniqueKey = `again-${Date.now()}`;
    const first = await jobs.enqueue(recordJob.spec({}, { uniqueKey }));
    await waitForState(first.id, 'completed');
    const second = await jobs.enqueue(recordJob.spec({}, { uniqueKey }));
    expect(second.id).not.toBe(first.id);
    await waitForState(second.id, 'completed');
    expect(callsOf(first.id)).toBe(1);
    expect(callsOf(second.id)).toBe(1);
  });
});

describe('specs, and kinds no handler knows', () => {
  it('fails and retries a job of a kind no handler knows, then keeps it dead', async () => {
    const job = await jobs.enqueue({
      kind: 'test.nobody',
      maxAttempts: 3,
      backoff: { initialMs: 10, jitter: 0 },
    });
    const dead = await waitForState(job.id, 'dead');
    expect(dead.attempt).toBe(3);
    expect(dead.errors.map((e) => e.attempt)).toEqual([1, 2, 3]);
    for (const entry of dead.errors) expect(entry.error).toMatch(/no handler.*test\.nobody/);
  });

  it('stores the documented defaults', async () => {
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    expect(job).toMatchObject({
      queue: 'default',
      payload: {},
      state: 'available',
      priority: 2,
      attempt: 0,
      max_attempts: 10,
      backoff_initial_ms: 1000,
      backoff_factor: 2,
      timeout_ms: null,
      deadline: null,
      unique_key: null,
    });
    await jobs.cancel(job.id);
  });

  it('refuses a spec that cannot be stored', async () => {
    await expect(jobs.enqueue(recordJob.spec({}, { priority: 7 }))).rejects.toThrow(/priority/);
    await expect(jobs.enqueue(recordJob.spec({}, { maxAttempts: 0 }))).rejects.toThrow(
      /maxAttempts/,
    );
    await expect(
      jobs.enqueue(recordJob.spec({}, { runAt: new Date(), delayMs: 5 })),
    ).rejects.toThrow(/runAt or delayMs/);
  });
});

describe('per-queue concurrency', () => {
  it('never runs more handlers of a queue at once than its concurrency', async () => {
    const enqueued = await jobs.enqueueMany(
      Array.from({ length: 12 }, () => limitedJob.spec({}, { queue: 'limited' })),
    );
    for (const job of enqueued) await waitForState(job.id, 'completed');
    expect(limitedMaxActive).toBe(2);
    expect(enqueued.map((job) => callsOf(job.id))).toEqual(enqueued.map(() => 1));
  });
});
