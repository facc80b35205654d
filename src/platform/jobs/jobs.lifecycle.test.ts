import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForJobState } from '../../../test/helpers.ts';
import { startTestCore, type TestCore } from '../../../test/module-harness.ts';
import type { Module } from '../module.ts';
import { defineJob } from './define.ts';
import type { Jobs } from './queue.ts';
import type { ClaimedJob, JobState } from './spec.ts';
import { pruneFinishedJobs } from './store.ts';

// Jobs across the life of workers: lost workers' jobs rescued, a running job cancelled, a worker
// shut down mid-job, and periodic jobs enqueued once per slot by whichever process leads.

/** Each handler call, by job id. */
const calls = new Map<number, number>();
const count = (job: ClaimedJob) => calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
/** Jobs whose handler is waiting for its signal, and why each signal was aborted. */
const holding = new Set<number>();
const aborted = new Map<number, unknown>();
/** What the one job of the shutdown test saw (ids repeat across the servers' databases). */
const shutdownRuns: string[] = [];

const recordJob = defineJob('test.record');
const holdJob = defineJob('test.hold');
const gatedJob = defineJob('test.gated');
const holdOnceJob = defineJob('test.hold-once');

const testModule: Module = {
  name: 'jobs-lifecycle-test',
  jobs: () => [
    recordJob.handle(async (job) => {
      count(job);
    }),
    /** Holds until its signal is aborted (then fails, as a handler cut short does). */
    holdJob.handle(async (job, { signal }) => {
      count(job);
      holding.add(job.id);
      await new Promise<void>((_, reject) => {
        signal.addEventListener('abort', () => {
          aborted.set(job.id, signal.reason);
          reject(signal.reason);
        });
      });
    }),
    /** Waits for the test to open `gate`. */
    gatedJob.handle(async () => {
      gateReached = true;
      await gate;
    }),
    /** Holds until aborted on its first call; succeeds on the next (of another server). */
    holdOnceJob.handle(async (_job, { signal }) => {
      if (shutdownRuns.length > 0) {
        shutdownRuns.push('completed');
        return;
      }
      shutdownRuns.push('held');
      await new Promise<void>((_, reject) => {
        signal.addEventListener('abort', () => {
          shutdownRuns.push('aborted');
          reject(signal.reason);
        });
      });
    }),
  ],
};

let gateReached = false;
let openGate = () => {};
const gate = new Promise<void>((resolve) => {
  openGate = resolve;
});

const leaseEnv = { JOB_LEASE_SECONDS: '1' };
let server: TestCore;
let jobs: Jobs;

beforeAll(async () => {
  server = await startTestCore({ env: leaseEnv, systems: [testModule] });
  jobs = server.core.jobs;
});

const waitForState = (id: number, state: JobState, client = jobs, timeout?: number) =>
  waitForJobState(client, id, state, timeout);

/** Makes a waiting job look as if a worker that has since died claimed it: its lease ran out. */
async function loseWorker(id: number, attempt: number): Promise<void> {
  await sql`
    UPDATE jobs SET state = 'running', attempt = ${attempt}, attempted_at = now(),
                    lease_until = now() - interval '1 second', worker_id = gen_random_uuid()
    WHERE id = ${id}`.execute(server.database.db);
}

describe('lost workers', () => {
  it('returns a job whose lease ran out to the queue, where it completes', async () => {
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    await loseWorker(job.id, 1);
    const done = await waitForState(job.id, 'completed');
    expect(done.attempt).toBe(2);
    expect(done.errors.map((e) => [e.attempt, e.error])).toEqual([
      [1, 'lease expired: the worker running it was lost'],
    ]);
    expect(calls.get(job.id)).toBe(1);
  });

  it('keeps a rescued job dead when the lost attempt was its last', async () => {
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000, maxAttempts: 2 }));
    await loseWorker(job.id, 2);
    const dead = await waitForState(job.id, 'dead');
    expect(dead.attempt).toBe(2);
    expect(dead.errors).toHaveLength(1);
    expect(dead.finished_at).toBeInstanceOf(Date);
    expect(calls.get(job.id)).toBeUndefined();
  });

  it('keeps a rescued job dead when its deadline has passed, without another attempt', async () => {
    const job = await jobs.enqueue(
      recordJob.spec({}, { delayMs: 3_600_000, deadline: new Date(Date.now() - 1_000) }),
    );
    await loseWorker(job.id, 1);
    const dead = await waitForState(job.id, 'dead');
    expect(dead.attempt).toBe(1);
    expect(dead.errors.map((e) => e.error)).toEqual([
      'lease expired: the worker running it was lost',
    ]);
  });

  it('does not rescue a running job whose worker keeps renewing its lease', async () => {
    // Several leases (1 s) long: a worker alive keeps its job. A sleep on purpose: what is
    // asserted is that nothing happens while leases would have run out.
    const job = await jobs.enqueue(holdJob.spec());
    await expect.poll(() => holding.has(job.id)).toBe(true);
    await sleep(2_500);
    const row = await jobs.get(job.id);
    expect(row).toMatchObject({ state: 'running', attempt: 1, errors: [] });
    expect(row!.lease_until!.getTime()).toBeGreaterThan(Date.now());
    expect(aborted.has(job.id)).toBe(false);
    await jobs.cancel(job.id);
    await expect.poll(() => aborted.has(job.id), { timeout: 5_000 }).toBe(true);
  });
});

describe('a running job taken from its worker', () => {
  it('aborts the handler of a cancelled job at the next lease renewal, and stays cancelled', async () => {
    const job = await jobs.enqueue(holdJob.spec({}, { backoff: { initialMs: 10 } }));
    await expect.poll(() => holding.has(job.id)).toBe(true);
    const cancelled = await jobs.cancel(job.id);
    expect(cancelled?.state).toBe('cancelled');
    await expect.poll(() => aborted.has(job.id), { timeout: 5_000 }).toBe(true);
    // The handler failed when its signal was aborted: that must not count as a failed attempt.
    // A wait on purpose: no event marks a write that must not happen.
    await sleep(200);
    const row = await jobs.get(job.id);
    expect(row).toMatchObject({ state: 'cancelled', attempt: 1, errors: [] });
    expect(calls.get(job.id)).toBe(1);
  });

  it('lets a worker that lost its job (claimed again elsewhere) touch nothing of the new attempt', async () => {
    const job = await jobs.enqueue(holdJob.spec());
    await expect.poll(() => holding.has(job.id)).toBe(true);
    // Another worker rescued and claimed it: attempt 2 is theirs.
    await sql`
      UPDATE jobs SET attempt = 2, worker_id = gen_random_uuid(),
                      lease_until = now() + interval '1 hour'
      WHERE id = ${job.id}`.execute(server.database.db);
    await expect.poll(() => aborted.has(job.id), { timeout: 5_000 }).toBe(true);
    // A wait on purpose: the aborted handler's failure must write nothing, which no event marks.
    await sleep(200);
    expect(await jobs.get(job.id)).toMatchObject({ state: 'running', attempt: 2, errors: [] });
    await jobs.cancel(job.id);
  });
});

describe('graceful shutdown', () => {
  it('releases a running job that outlasts the drain, and another server takes it', async () => {
    // A drain of one second: the job holds on past it.
    const first = await startTestCore({
      env: { ...leaseEnv, SHUTDOWN_DRAIN_SECONDS: '1' },
      systems: [testModule],
    });
    const job = await first.core.jobs.enqueue(holdOnceJob.spec({}, { maxAttempts: 1 }));
    await expect.poll(() => shutdownRuns).toEqual(['held']);
    const told: string[] = [];
    // Only this job's: the platform's periodic jobs may run meanwhile.
    first.core.jobs.onTransition((transition) => {
      if (transition.job.id === job.id) told.push(transition.to);
    });
    await first.close();
    expect(shutdownRuns).toEqual(['held', 'aborted']);
    expect(told).toEqual(['released']);
    // Released as before the claim: with one attempt allowed, a used attempt would leave it dead.
    const released = await first.core.jobs.get(job.id);
    expect(released).toMatchObject({ state: 'available', attempt: 0, worker_id: null, errors: [] });
    const second = await startTestCore({
      env: leaseEnv,
      systems: [testModule],
      databaseUrl: first.databaseUrl,
    });
    const done = await waitForState(job.id, 'completed', second.core.jobs);
    expect(done.attempt).toBe(1);
    expect(shutdownRuns).toEqual(['held', 'aborted', 'completed']);
  }, 60_000);
});

describe('claiming ahead', () => {
  it('holds fast jobs ahead of its free slots, and gives them back unstarted when it stops', async () => {
    const one = await startTestCore({
      env: { JOB_QUEUES: 'default:1' },
      systems: [testModule],
    });
    const records = (n: number) => Array.from({ length: n }, () => recordJob.spec());
    // Fast jobs teach the loop to claim ahead; the gated job then holds its only slot.
    await one.core.jobs.enqueueMany([...records(300), gatedJob.spec(), ...records(300)]);
    const runningCount = async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM jobs WHERE state = 'running'`.execute(one.database.db);
      return rows[0]?.n;
    };
    await expect.poll(() => gateReached, { timeout: 10_000 }).toBe(true);
    await expect.poll(runningCount, { timeout: 10_000 }).toBeGreaterThan(1);

    const closed = one.close();
    await expect.poll(runningCount, { timeout: 10_000 }).toBe(1);
    const { rows } = await sql<{ state: string; attempt: number; n: number }>`
      SELECT state, attempt, count(*)::int AS n FROM jobs WHERE kind = 'test.record'
      GROUP BY state, attempt ORDER BY state`.execute(one.database.db);
    // Every record not run is available again, with its attempt given back.
    expect(rows).toEqual([
      { state: 'available', attempt: 0, n: expect.any(Number) },
      { state: 'completed', attempt: 1, n: expect.any(Number) },
    ]);
    expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(600);
    openGate();
    await closed;
  });
});

describe('periodic jobs', () => {
  const tickJob = defineJob('test.tick');
  const tick: Module = {
    name: 'jobs-periodic-test',
    jobs: () => [tickJob.handle(async () => undefined)],
    periodic: [{ name: tickJob.kind, every: 1000, job: tickJob.spec() }],
  };

  /** The wall-clock seconds in which `test.tick` jobs were enqueued from `since`, for `ms`. */
  async function tickSeconds(server: TestCore, since: Date, ms: number): Promise<number[]> {
    const result = await sql<{ second: number }>`
      SELECT floor(extract(epoch FROM created_at))::int AS second FROM jobs
      WHERE kind = 'test.tick' AND created_at >= ${since.toISOString()}
        AND created_at < ${new Date(since.getTime() + ms).toISOString()}
      ORDER BY created_at`.execute(server.database.db);
    return result.rows.map((row) => row.second);
  }

  it('enqueues each slot once across two servers on one database, through a change of leader', async () => {
    const first = await startTestCore({ systems: [tick] });
    const second = await startTestCore({ systems: [tick], databaseUrl: first.databaseUrl });
    const since = new Date();
    // A sleep on purpose: what is counted is the slots of a span of real time.
    await sleep(3_200);
    const seconds = await tickSeconds(second, since, 3_200);
    expect(seconds.length).toBeGreaterThanOrEqual(2);
    expect(seconds.length).toBeLessThanOrEqual(4);
    expect(new Set(seconds).size).toBe(seconds.length);

    // The first server led (it started first); when it stops, the second takes over within a
    // leader election interval (2 s) and goes on, its first slot possibly one already enqueued.
    await first.close();
    const handover = new Date();
    await expect
      .poll(async () => (await tickSeconds(second, handover, 60_000)).length, {
        timeout: 8_000,
        interval: 200,
      })
      .toBeGreaterThanOrEqual(2);
    const all = await tickSeconds(second, since, 60_000);
    expect(new Set(all).size).toBe(all.length);
  }, 30_000);
});

describe('pruning', () => {
  it('deletes completed and cancelled jobs past retention, and nothing else', async () => {
    const completed = await jobs.enqueue(recordJob.spec());
    await waitForState(completed.id, 'completed');
    const cancelled = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    await jobs.cancel(cancelled.id);
    const waiting = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    const dead = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000, maxAttempts: 1 }));
    await loseWorker(dead.id, 1);
    await waitForState(dead.id, 'dead');
    // Retention is an hour at least in configuration; the pruner's statement is tried directly.
    expect(await pruneFinishedJobs(server.database.db, 3_600_000)).toBe(0);
    // On purpose: let the finished jobs grow older than a 10 ms retention.
    await sleep(20);
    expect(await pruneFinishedJobs(server.database.db, 10)).toBeGreaterThanOrEqual(2);
    expect(await jobs.get(completed.id)).toBeUndefined();
    expect(await jobs.get(cancelled.id)).toBeUndefined();
    expect((await jobs.get(waiting.id))?.state).toBe('available');
    expect((await jobs.get(dead.id))?.state).toBe('dead');
    await jobs.cancel(waiting.id);
  });
});
