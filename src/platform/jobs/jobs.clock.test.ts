import { beforeAll, describe, expect, it } from 'vitest';
import { waitForJobState } from '../../../test/helpers.ts';
import { startTestCore, type TestCore } from '../../../test/module-harness.ts';
import { createTravelClock } from '../clock.ts';
import { transaction } from '../db/database.ts';
import type { Module } from '../module.ts';
import { defineJob } from './define.ts';
import type { Jobs } from './queue.ts';
import { type ClaimedJob, type JobState, Snooze } from './spec.ts';

// The job engine on a travel clock: due times, retries and snoozes follow the platform clock, so
// a test jumps a month ahead instead of waiting for it. The clock runs at real speed, so delays
// of a second are waited for in real time.

const day = 86_400_000;

/** Each handler call, by job id: when it started (real time) and its lateness by the clock. */
const calls = new Map<number, { at: number; latenessMs: number }[]>();
const record = (job: ClaimedJob) =>
  calls.set(job.id, [
    ...(calls.get(job.id) ?? []),
    { at: performance.now(), latenessMs: job.lateness_ms },
  ]);

const recordJob = defineJob('test.record');
const failOnceJob = defineJob('test.fail-once');
const snoozeOnceJob = defineJob('test.snooze-once');

const testModule: Module = {
  name: 'jobs-clock-test',
  jobs: () => [
    recordJob.handle(async (job) => {
      record(job);
    }),
    /** Fails its first attempt. */
    failOnceJob.handle(async (job) => {
      record(job);
      if (job.attempt === 1) throw new Error('first attempt fails');
    }),
    /** Snoozes on its first call. */
    snoozeOnceJob.handle(async (job) => {
      record(job);
      if (calls.get(job.id)?.length === 1) throw new Snooze(300);
    }),
  ],
};

const clock = createTravelClock(new Date());
let server: TestCore;
let jobs: Jobs;

beforeAll(async () => {
  server = await startTestCore({
    env: { JOB_QUEUES: 'default:10,calendar:2,quiet:1' },
    systems: [testModule],
    clock,
  });
  jobs = server.core.jobs;
});

const waitForState = (id: number, state: JobState, timeout?: number) =>
  waitForJobState(jobs, id, state, timeout);

async function latenessSum(queue: string): Promise<{ sum: number; count: number }> {
  const metric = server.core.metrics.getSingleMetric('meridian_job_start_lateness_seconds');
  const { values } = (await metric?.get()) ?? { values: [] };
  const of = (suffix: string) =>
    values.find(
      (value) =>
        value.labels.queue === queue &&
        (value as { metricName?: string }).metricName?.endsWith(suffix),
    )?.value ?? 0;
  return { sum: of('_sum'), count: of('_count') };
}

describe('a travel clock', () => {
  it('is the core clock', () => {
    expect(server.core.clock).toBe(clock);
  });

  it('runs a job due a month ahead only once the clock travels there, and on time', async () => {
    const runAt = new Date(clock.now().getTime() + 31 * day);
    const monthly = await jobs.enqueue(recordJob.spec({}, { queue: 'calendar', runAt }));
    // A job due now, enqueued after it on the same queue, runs: the month-ahead one was passed
    // over by the claims, not missed.
    const now = await jobs.enqueue(recordJob.spec({}, { queue: 'calendar' }));
    await waitForState(now.id, 'completed');
    expect(await jobs.get(monthly.id)).toMatchObject({ state: 'available', attempt: 0 });
    expect(calls.get(monthly.id)).toBeUndefined();

    // The queue loop sleeps (nothing due for a month); the travel wakes it.
    const travelled = performance.now();
    clock.travelTo(runAt);
    await waitForState(monthly.id, 'completed', 1_000);
    const [run] = calls.get(monthly.id) ?? [];
    expect(run!.at - travelled).toBeLessThan(1_000);
    // Late by the milliseconds since the travel, not by a month.
    expect(run!.latenessMs).toBeGreaterThanOrEqual(0);
    expect(run!.latenessMs).toBeLessThan(1_000);
    const lateness = await latenessSum('calendar');
    expect(lateness.count).toBe(2);
    expect(lateness.sum).toBeLessThan(1);
  });

  it('retries after the backoff in clock time', async () => {
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(30 * day);
    const job = await jobs.enqueue(
      failOnceJob.spec({}, { backoff: { initialMs: 1_000, jitter: 0 } }),
    );
    const done = await waitForState(job.id, 'completed');
    const [first, second] = calls.get(job.id) ?? [];
    expect(done.attempt).toBe(2);
    // Due 1 s after the failure by the clock, a month ahead of real time: not at once.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
    expect(second!.at - first!.at).toBeLessThan(2_000);
    expect(second!.latenessMs).toBeLessThan(500);
    const failedAt = new Date(done.errors[0]!.at).getTime(); // PostgreSQL's real now()
    expect(done.run_at.getTime() - failedAt).toBeGreaterThan(30 * day);
  });

  it('wakes a snoozed job after its delay in clock time', async () => {
    const job = await jobs.enqueue(snoozeOnceJob.spec());
    const done = await waitForState(job.id, 'completed');
    const [first, second] = calls.get(job.id) ?? [];
    expect(done.attempt).toBe(1);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(290);
    expect(second!.at - first!.at).toBeLessThan(1_500);
    expect(done.run_at.getTime() - Date.now()).toBeGreaterThan(30 * day);
  });

  it('counts delayMs from the clock, and wakes the worker for it though real time is far behind', async () => {
    // The `quiet` loop has nothing to do and sleeps its longest (25 s). The job is due 300 ms
    // ahead by the clock, a month ahead of real time, beyond the triggers' horizon: the client
    // notifies for it, at commit.
    const before = clock.now().getTime();
    const enqueued = performance.now();
    const job = await transaction(server.database.db, (tx) =>
      jobs.enqueue(recordJob.spec({}, { queue: 'quiet', delayMs: 300 }), { tx }),
    );
    expect(job.run_at.getTime() - before).toBeGreaterThanOrEqual(300);
    expect(job.run_at.getTime() - before).toBeLessThan(1_000);
    await waitForState(job.id, 'completed', 2_000);
    const [run] = calls.get(job.id) ?? [];
    expect(run!.at - enqueued).toBeGreaterThanOrEqual(290);
    expect(run!.at - enqueued).toBeLessThan(1_500);
  });

  it('still runs at once a job enqueued without a due time (stamped with the real now)', async () => {
    const job = await jobs.enqueue(recordJob.spec());
    const done = await waitForState(job.id, 'completed', 2_000);
    expect(done.run_at.getTime()).toBeLessThan(clock.now().getTime() - 30 * day);
  });

  it('cannot travel back', () => {
    expect(() => clock.travelTo(new Date())).toThrow(RangeError);
  });
});
