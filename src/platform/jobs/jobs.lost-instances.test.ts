import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForJobState } from '../../../test/helpers.ts';
import { startTestCore, type TestCore } from '../../../test/module-harness.ts';
import type { Module } from '../module.ts';
import { hostKeyOf } from '../observe/instances.ts';
import { version } from '../runtime.ts';
import { defineJob } from './define.ts';
import type { Jobs } from './queue.ts';
import type { JobTransition } from './spec.ts';

// Crash recovery in seconds (docs/jobs.md, When a worker dies): the running jobs of an instance
// found dead, its process gone on this host or its heartbeat lost, go back to the queue at once,
// not when their lease runs out. The lease here is 300 s, and each lost job's lease an hour:
// nothing but the judgment of its instance can release it within the test.

const recordJob = defineJob('test.lost-record');
const ran = new Map<number, number>();
const testModule: Module = {
  name: 'jobs-lost-instances-test',
  jobs: () => [
    recordJob.handle(async (job) => {
      ran.set(job.id, job.attempt);
    }),
  ],
};

let server: TestCore;
let jobs: Jobs;
const told: JobTransition[] = [];

beforeAll(async () => {
  server = await startTestCore({ env: { JOB_LEASE_SECONDS: '300' }, systems: [testModule] });
  jobs = server.core.jobs;
  jobs.onTransition((transition) => told.push(transition));
});

/** A pid that no process has: a child that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (!child.pid) throw new Error('could not start a child process');
  return child.pid;
}

/**
 * Registers an instance as another process would, with `columns` over a live one's, and makes
 * the waiting job `holds` look claimed by it, leased for an hour. One transaction: a sweep
 * between the two would judge the instance lost with nothing to release.
 */
async function insertInstance(columns: {
  pid: number;
  host_key: string | null;
  heartbeatSecondsAgo?: number;
  heartbeat_seconds?: number;
  holds?: number;
}): Promise<string> {
  const id = uuidv7();
  await server.database.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('instances')
      .values({
        id,
        hostname: 'test-host',
        pid: columns.pid,
        role: 'worker',
        version,
        host_key: columns.host_key,
        heartbeat_seconds: columns.heartbeat_seconds ?? 1,
        heartbeat_at: sql<Date>`now() - make_interval(secs => ${columns.heartbeatSecondsAgo ?? 0})`,
      })
      .execute();
    if (columns.holds === undefined) return;
    await sql`
      UPDATE jobs SET state = 'running', attempt = 1, attempted_at = now(),
                      lease_until = now() + interval '1 hour', worker_id = ${id}::uuid
      WHERE id = ${columns.holds}`.execute(tx);
  });
  return id;
}

const instanceRow = (id: string) =>
  server.database.db
    .selectFrom('instances')
    .select(['lost_at', 'lost_reason', 'released_jobs', 'stopped_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('an instance whose process is gone on this host', () => {
  it('has its running job released within seconds, the attempt counted, and is marked lost', async () => {
    const host = hostKeyOf();
    expect(host).not.toBeNull(); // these tests run where /proc is
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    const instance = await insertInstance({ pid: deadPid(), host_key: host, holds: job.id });

    const done = await waitForJobState(jobs, job.id, 'completed', 5_000);
    expect(done.attempt).toBe(2);
    expect(ran.get(job.id)).toBe(2);
    expect(done.errors.map((e) => [e.attempt, e.error])).toEqual([
      [1, 'the worker running it was lost (process gone)'],
    ]);
    expect(await instanceRow(instance)).toMatchObject({
      lost_at: expect.any(Date),
      lost_reason: 'process gone',
      released_jobs: 1,
      stopped_at: null,
    });
    // Told as the rescuer tells it: a failed attempt, retried.
    expect(told.filter((t) => t.job.id === job.id).map((t) => [t.to, t.error])).toContainEqual([
      'retrying',
      'the worker running it was lost (process gone)',
    ]);
  });

  it('leaves a job dead when the lost attempt was its last, and tells `dead` (the scheduler marks its execution lost)', async () => {
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000, maxAttempts: 1 }));
    const instance = await insertInstance({ pid: deadPid(), host_key: hostKeyOf(), holds: job.id });

    const dead = await waitForJobState(jobs, job.id, 'dead', 5_000);
    expect(dead).toMatchObject({ attempt: 1, finished_at: expect.any(Date) });
    expect(ran.has(job.id)).toBe(false);
    await expect
      .poll(() => told.find((t) => t.job.id === job.id && t.to === 'dead')?.error, {
        timeout: 5_000,
      })
      .toBe('the worker running it was lost (process gone)');
    expect((await instanceRow(instance)).released_jobs).toBe(1);
  });

  it('does not judge a live pid, nor a row of another host key, by its pid', async () => {
    // Beating every minute: the leader leaves it alone for the length of the test.
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    const alive = await insertInstance({
      pid: process.pid,
      host_key: hostKeyOf(),
      heartbeat_seconds: 60,
      holds: job.id,
    });
    const elsewhere = await insertInstance({
      pid: deadPid(),
      host_key: 'another-host boot ns',
      heartbeat_seconds: 60,
    });
    // Judged lost or not, the next instance's release shows a beat has passed since these rows
    // were written: the sweep that would have judged them has run.
    const marker = await insertInstance({ pid: deadPid(), host_key: hostKeyOf() });
    await expect
      .poll(async () => (await instanceRow(marker)).lost_reason, { timeout: 5_000 })
      .toBe('process gone');
    expect(await instanceRow(alive)).toMatchObject({ lost_at: null, released_jobs: 0 });
    expect((await instanceRow(elsewhere)).lost_reason).toBeNull();
    expect((await jobs.get(job.id))?.state).toBe('running');
    await jobs.cancel(job.id);
  });
});

describe('an instance whose heartbeat is lost', () => {
  it('has its running job released by the leader, not when the lease runs out', async () => {
    // Another host's process (no pid judgment), silent for 10 s: three of its 1 s beats.
    const job = await jobs.enqueue(recordJob.spec({}, { delayMs: 3_600_000 }));
    const instance = await insertInstance({
      pid: 1,
      host_key: null,
      heartbeatSecondsAgo: 10,
      holds: job.id,
    });

    const done = await waitForJobState(jobs, job.id, 'completed', 5_000);
    expect(done.attempt).toBe(2);
    const [error] = done.errors;
    expect(error?.error).toMatch(/^the worker running it was lost \(no heartbeat for \d+ s\)$/);
    const row = await instanceRow(instance);
    expect(row).toMatchObject({ lost_at: expect.any(Date), released_jobs: 1 });
    expect(row.lost_reason).toMatch(/^no heartbeat for 1\d s$/);
  });

  it('waits three of the instance’s own beats, not the leader’s', async () => {
    // It beats every 10 s and was last heard 5 s ago: alive, though five of the leader's beats.
    const slow = await insertInstance({
      pid: 1,
      host_key: null,
      heartbeatSecondsAgo: 5,
      heartbeat_seconds: 10,
    });
    const silent = await insertInstance({ pid: 1, host_key: null, heartbeatSecondsAgo: 5 });
    await expect
      .poll(async () => (await instanceRow(silent)).lost_at, { timeout: 5_000 })
      .toBeInstanceOf(Date);
    expect((await instanceRow(slow)).lost_at).toBeNull();
  });
});

describe('a process judged lost while alive (paused)', () => {
  it('clears its own lost mark at its next beat, and what was released stays released', async () => {
    const [own] = await sql<{ id: string }>`
      SELECT id FROM instances WHERE pid = ${process.pid} AND role = 'all' AND stopped_at IS NULL
      ORDER BY started_at LIMIT 1`
      .execute(server.database.db)
      .then((result) => result.rows);
    if (!own) throw new Error('expected the test core’s instance');
    await sql`
      UPDATE instances SET lost_at = now(), lost_reason = 'no heartbeat for 4 s',
                           released_jobs = released_jobs + 3
      WHERE id = ${own.id}`.execute(server.database.db);
    await expect
      .poll(async () => (await instanceRow(own.id)).lost_at, { timeout: 5_000 })
      .toBeNull();
    expect(await instanceRow(own.id)).toMatchObject({ lost_reason: null, released_jobs: 3 });
    // It goes on running jobs.
    const job = await jobs.enqueue(recordJob.spec());
    await waitForJobState(jobs, job.id, 'completed');
  });
});

describe('metrics', () => {
  it('count the instances this process judged lost, and the jobs it released, by reason', async () => {
    const samples = (await server.core.metrics.getMetricsAsJSON()).flatMap((metric) =>
      metric.values.map((value) => ({ name: metric.name, ...value })),
    );
    const value = (name: string, reason: string) =>
      samples.find((s) => s.name === name && s.labels.reason === reason)?.value;
    // The instances of the tests above: two released one job each, the marker none; the silent
    // one released one job, the other none.
    expect(value('meridian_instances_lost_total', 'process_gone')).toBe(3);
    expect(value('meridian_jobs_released_from_lost_instances_total', 'process_gone')).toBe(2);
    expect(value('meridian_instances_lost_total', 'no_heartbeat')).toBe(2);
    expect(value('meridian_jobs_released_from_lost_instances_total', 'no_heartbeat')).toBe(1);
  });
});
