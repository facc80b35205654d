import { beforeAll, describe, expect, it } from 'vitest';
import { waitForJobState } from '../../../test/helpers.ts';
import { startTestCore, type TestCore } from '../../../test/module-harness.ts';
import type { Module } from '../module.ts';
import { defineJob } from './define.ts';
import type { Jobs } from './queue.ts';
import { CancelJob, type ClaimedJob, type JobState, type JobTransition, Snooze } from './spec.ts';

// What happens when a handler does not simply succeed: retries with backoff, dead letters,
// deadlines, snoozes, cancels, timeouts; and the transitions told to listeners.

/** Each handler call, by job id. */
const calls = new Map<number, number>();
const count = (job: ClaimedJob) => calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
/** How each timed-out handler saw its signal: aborted, and why. */
const timeoutSignals = new Map<number, { aborted: boolean; reason: unknown }>();

const tinyBackoff = { initialMs: 10, jitter: 0 };

const flakyJob = defineJob<{ succeedOn?: number }>('test.flaky');
const snoozeJob = defineJob('test.snooze');
const cancellingJob = defineJob('test.cancel');
const slowJob = defineJob('test.slow');
const stubbornJob = defineJob('test.stubborn');

const testModule: Module = {
  name: 'jobs-retry-test',
  jobs: () => [
    /** Fails attempts before `succeedOn` (never succeeds without it). */
    flakyJob.handle(async (job) => {
      count(job);
      const { succeedOn } = job.payload;
      if (succeedOn === undefined || job.attempt < succeedOn) {
        throw new Error(`boom on attempt ${job.attempt}`);
      }
    }),
    /** Snoozes on its first call, succeeds on the second. */
    snoozeJob.handle(async (job) => {
      count(job);
      if (calls.get(job.id) === 1) throw new Snooze(50);
    }),
    cancellingJob.handle(async (job) => {
      count(job);
      throw new CancelJob('not worth it');
    }),
    /** Waits for its signal, as a well-behaved slow handler does. */
    slowJob.handle(async (job, { signal }) => {
      count(job);
      await new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      timeoutSignals.set(job.id, { aborted: signal.aborted, reason: signal.reason });
    }),
    /** Ignores its signal and takes long anyway. */
    stubbornJob.handle(async (job) => {
      count(job);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }),
  ],
};

let server: TestCore;
let jobs: Jobs;

beforeAll(async () => {
  server = await startTestCore({ systems: [testModule] });
  jobs = server.core.jobs;
});

const waitForState = (id: number, state: JobState, timeout?: number) =>
  waitForJobState(jobs, id, state, timeout);

describe('retries', () => {
  it('retries with backoff until the handler succeeds', async () => {
    const job = await jobs.enqueue(flakyJob.spec({ succeedOn: 3 }, { backoff: tinyBackoff }));
    const done = await waitForState(job.id, 'completed');
    expect(done.attempt).toBe(3);
    expect(done.errors.map(({ attempt, error }) => ({ attempt, error }))).toEqual([
      { attempt: 1, error: 'boom on attempt 1' },
      { attempt: 2, error: 'boom on attempt 2' },
    ]);
    expect(calls.get(job.id)).toBe(3);
    // Each retry waited for its backoff: 10 ms, then 20 ms.
    const [first, second] = done.errors.map((e) => new Date(e.at).getTime());
    expect(done.attempted_at!.getTime() - second!).toBeGreaterThanOrEqual(20);
    expect(second! - first!).toBeGreaterThanOrEqual(10);
  });

  it('waits out the backoff before the next attempt', async () => {
    const job = await jobs.enqueue(
      flakyJob.spec({ succeedOn: 2 }, { backoff: { initialMs: 60_000, jitter: 0 } }),
    );
    const waiting = await expect
      .poll(async () => (await jobs.get(job.id))?.errors.length, { timeout: 10_000, interval: 20 })
      .toBe(1)
      .then(() => jobs.get(job.id));
    expect(waiting).toMatchObject({ state: 'available', attempt: 1 });
    const failedAt = new Date(waiting!.errors[0]!.at).getTime();
    expect(waiting!.run_at.getTime() - failedAt).toBeGreaterThanOrEqual(59_000);
    expect(await jobs.cancel(job.id)).toMatchObject({ state: 'cancelled' });
  });

  it('keeps a job dead, with every attempt’s error, once its attempts are used', async () => {
    const job = await jobs.enqueue(flakyJob.spec({}, { maxAttempts: 3, backoff: tinyBackoff }));
    const dead = await waitForState(job.id, 'dead');
    expect(dead.attempt).toBe(3);
    expect(dead.errors.map((e) => e.error)).toEqual([
      'boom on attempt 1',
      'boom on attempt 2',
      'boom on attempt 3',
    ]);
    expect(dead.finished_at).toBeInstanceOf(Date);
    expect(dead.worker_id).toBeNull();
    expect(calls.get(job.id)).toBe(3);
  });

  it('does not run a job whose deadline has passed: dead at once', async () => {
    const job = await jobs.enqueue(
      flakyJob.spec({ succeedOn: 1 }, { deadline: new Date(Date.now() - 1000) }),
    );
    const dead = await waitForState(job.id, 'dead');
    expect(calls.get(job.id)).toBeUndefined();
    expect(dead.errors).toHaveLength(1);
    expect(dead.errors[0]!.error).toMatch(/deadline/);
  });

  it('gives up when the next retry would come after the deadline', async () => {
    const job = await jobs.enqueue(
      flakyJob.spec(
        { succeedOn: 2 },
        { deadline: new Date(Date.now() + 5_000), backoff: { initialMs: 10_000, jitter: 0 } },
      ),
    );
    const dead = await waitForState(job.id, 'dead');
    expect(dead.attempt).toBe(1);
    expect(dead.errors.map((e) => e.error)).toEqual(['boom on attempt 1']);
    expect(calls.get(job.id)).toBe(1);
  });
});

describe('what a handler can say', () => {
  it('snoozes without using an attempt', async () => {
    const job = await jobs.enqueue(snoozeJob.spec({}, { maxAttempts: 1 }));
    const done = await waitForState(job.id, 'completed');
    expect(calls.get(job.id)).toBe(2);
    // With one attempt allowed, a snooze that used it would have left the job dead.
    expect(done.attempt).toBe(1);
    expect(done.errors).toEqual([]);
  });

  it('cancels its job for good with CancelJob', async () => {
    const job = await jobs.enqueue(cancellingJob.spec({}, { backoff: tinyBackoff }));
    const cancelled = await waitForState(job.id, 'cancelled');
    expect(cancelled.finished_at).toBeInstanceOf(Date);
    expect(cancelled.attempt).toBe(1);
    // Give a wrongly scheduled retry (10 ms backoff) the time to happen: a wait on purpose, for
    // something that must not happen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.get(job.id)).toBe(1);
    expect((await jobs.get(job.id))?.state).toBe('cancelled');
  });

  it('aborts the handler’s signal after timeoutMs and fails the attempt', async () => {
    const job = await jobs.enqueue(slowJob.spec({}, { timeoutMs: 100, maxAttempts: 1 }));
    const dead = await waitForState(job.id, 'dead');
    expect(dead.errors.map((e) => e.error)).toEqual(['timed out after 100 ms']);
    const seen = timeoutSignals.get(job.id);
    expect(seen?.aborted).toBe(true);
    expect(String(seen?.reason)).toMatch(/timed out/);
  });

  it('fails an attempt that overruns timeoutMs even when the handler ignores its signal', async () => {
    const job = await jobs.enqueue(
      stubbornJob.spec({}, { timeoutMs: 50, maxAttempts: 2, backoff: tinyBackoff }),
    );
    const dead = await waitForState(job.id, 'dead');
    expect(dead.errors.map((e) => e.error)).toEqual([
      'timed out after 50 ms',
      'timed out after 50 ms',
    ]);
    expect(dead.finished_at!.getTime() - dead.created_at.getTime()).toBeLessThan(1_000);
  });
});

describe('transitions', () => {
  function listen(id: number) {
    const seen: JobTransition[] = [];
    const stop = jobs.onTransition((transition) => {
      if (transition.job.id === id) seen.push(transition);
    });
    return { seen, stop };
  }

  it('tells listeners of each state a job goes through', async () => {
    // The job is enqueued in the future so that the listener is there before it first runs.
    const job = await jobs.enqueue(
      flakyJob.spec({ succeedOn: 2 }, { backoff: tinyBackoff, delayMs: 100 }),
    );
    const { seen, stop } = listen(job.id);
    await waitForState(job.id, 'completed');
    await expect.poll(() => seen.length).toBe(4);
    stop();
    expect(seen.map((t) => [t.to, t.job.attempt, t.error])).toEqual([
      ['running', 1, undefined],
      ['retrying', 1, 'boom on attempt 1'],
      ['running', 2, undefined],
      ['completed', 2, undefined],
    ]);
  });

  it('tells of dead, snoozed and cancelled jobs, and stops telling after unsubscribing', async () => {
    const dead = await jobs.enqueue(flakyJob.spec({}, { maxAttempts: 1, delayMs: 100 }));
    const snoozed = await jobs.enqueue(snoozeJob.spec({}, { delayMs: 100 }));
    const cancelled = await jobs.enqueue(cancellingJob.spec({}, { delayMs: 100 }));
    const seen: JobTransition[] = [];
    const stop = jobs.onTransition((transition) => seen.push(transition));
    const unheard = jobs.onTransition(() => {
      throw new Error('a failing listener must not break the engine');
    });
    await waitForState(dead.id, 'dead');
    await waitForState(snoozed.id, 'completed');
    await waitForState(cancelled.id, 'cancelled');
    const of = (id: number) => seen.filter((t) => t.job.id === id).map((t) => t.to);
    await expect.poll(() => of(snoozed.id)).toEqual(['running', 'snoozed', 'running', 'completed']);
    expect(of(dead.id)).toEqual(['running', 'dead']);
    expect(of(cancelled.id)).toEqual(['running', 'cancelled']);
    stop();
    unheard();
    const after = await jobs.enqueue(flakyJob.spec({ succeedOn: 1 }));
    await waitForState(after.id, 'completed');
    expect(of(after.id)).toEqual([]);
  });
});
