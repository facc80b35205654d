import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../src/platform/db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { createJobs } from '../src/platform/jobs/queue.ts';
import { migrateAll } from '../src/platform/runtime.ts';
import { type EffectPayload, effectJob, effectModule, sleepJob } from './fixtures/effect-module.ts';
import { createTestDatabase, silentLog } from './helpers.ts';

// The job engine's promises under failure, with real processes and a real PostgreSQL: workers are
// `test/fixtures/job-worker.ts` processes, killed with SIGKILL; PostgreSQL is stopped under them.
// Delivery is at least once; the effect (a row under a unique constraint) is exactly once.

const workerEntry = path.resolve(import.meta.dirname, 'fixtures/job-worker.ts');

interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Its exit: the code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** The last of its stderr (JSON logs at LOG_LEVEL), for failure messages. */
  logTail(): string;
}

const children = new Set<ChildProcess>();
const databases: Database[] = [];

/** Starts a worker process and resolves once it prints that it runs jobs. */
async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [workerEntry], {
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      JOB_QUEUES: 'default:16',
      DATABASE_POOL_SIZE: '20',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as string | null,
  }));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const ready = new Promise<void>((resolve) => {
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('"ready":true')) resolve();
    });
  });
  const outcome = await Promise.race([
    ready.then(() => 'ready'),
    exited.then(() => 'exited'),
    sleep(60_000).then(() => 'timeout'),
  ]);
  if (outcome !== 'ready') {
    child.kill('SIGKILL');
    throw new Error(`job worker ${outcome} before it was ready: ${stderr.slice(-2_000)}`);
  }
  return { child, pid: child.pid as number, exited, logTail: () => stderr.slice(-3_000) };
}

function isRunning(worker: WorkerProcess): boolean {
  return worker.child.exitCode === null && worker.child.signalCode === null;
}

async function kill(worker: WorkerProcess, signal: NodeJS.Signals = 'SIGKILL') {
  if (isRunning(worker)) worker.child.kill(signal);
  const exit = await worker.exited;
  children.delete(worker.child);
  return exit;
}

/** SIGTERM: the worker stops cleanly, and soon. */
async function stopCleanly(worker: WorkerProcess): Promise<void> {
  const signalled = Date.now();
  expect(await kill(worker, 'SIGTERM'), worker.logTail()).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalled).toBeLessThan(10_000);
}

/** SIGKILLs every worker a test left running, pass or fail: no orphans. */
async function killWorkers(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      children.delete(child);
    }),
  );
}

/** A pool of the test's own, migrated for the platform and the effect module. */
async function openTestDatabase(url: string): Promise<Database> {
  const database = connectDatabase(url, 4, silentLog);
  databases.push(database);
  await migrateAll(database, [effectModule], silentLog);
  return database;
}

async function enqueue(database: Database, count: number, payload: EffectPayload = {}) {
  const jobs = createJobs(database.db, () => () => undefined);
  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    const specs = Array.from({ length: Math.min(batch, count - start) }, () =>
      effectJob.spec(payload),
    );
    await jobs.enqueueMany(specs);
  }
}

interface Tally {
  total: number;
  completed: number;
  dead: number;
  unfinished: number;
  effects: number;
  /** Jobs claimed more than once (a worker was lost while it held them). */
  redelivered: number;
  /** Executions that found the effect already written (the unique constraint absorbed them). */
  absorbed: number;
  /** Jobs with more than one execution that reached the effect. */
  executedTwice: number;
}

/** The counts over the test's jobs (platform periodic jobs, such as clean-ups, left out). */
async function tally(database: Database): Promise<Tally> {
  const result = await sql<Tally>`
    WITH test_jobs AS (SELECT * FROM jobs WHERE kind LIKE 'test.%')
    SELECT
      (SELECT count(*) FROM test_jobs)::int AS total,
      (SELECT count(*) FROM test_jobs WHERE state = 'completed')::int AS completed,
      (SELECT count(*) FROM test_jobs WHERE state = 'dead')::int AS dead,
      (SELECT count(*) FROM test_jobs WHERE state IN ('available', 'running'))::int AS unfinished,
      (SELECT count(*) FROM effects)::int AS effects,
      (SELECT count(*) FROM test_jobs WHERE attempt > 1)::int AS redelivered,
      (SELECT count(*) FROM executions WHERE effect = false)::int AS absorbed,
      (SELECT count(*) FROM (SELECT job_id FROM executions WHERE effect IS NOT NULL
         GROUP BY job_id HAVING count(*) > 1) twice)::int AS "executedTwice"`.execute(database.db);
  return result.rows[0] as Tally;
}

/** Polls `check` until it returns a value, or fails after `timeoutMs` with `what`. */
async function waitFor<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Every job completed and its effect written exactly once; none dead, none left. */
async function expectAllDoneOnce(database: Database, jobs: number): Promise<Tally> {
  const counts = await tally(database);
  expect(counts).toMatchObject({
    total: jobs,
    completed: jobs,
    dead: 0,
    unfinished: 0,
    effects: jobs,
  });
  const orphanEffects = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM effects LEFT JOIN jobs ON jobs.id = effects.job_id
    WHERE jobs.id IS NULL OR jobs.state <> 'completed'`.execute(database.db);
  expect(orphanEffects.rows[0]?.n).toBe(0);
  return counts;
}

describe('job engine reliability (real worker processes, real PostgreSQL)', () => {
  afterEach(killWorkers);
  afterAll(async () => {
    await killWorkers();
    await Promise.all(databases.map((database) => database.close().catch(() => undefined)));
  });

  it('completes 20,000 jobs with each effect once while a worker is SIGKILLed every few seconds', async () => {
    const jobCount = 20_000;
    const database = await openTestDatabase(await createTestDatabase());
    const url = database.url;
    // A short lease, so the jobs of a killed worker come back within seconds. A little work per
    // job spreads the run over enough time for the kills to land mid-run.
    const env = { DATABASE_URL: url, JOB_LEASE_SECONDS: '3' };
    await enqueue(database, jobCount, { sleepMs: 2 });

    const started = Date.now();
    // Three slots, each a worker or one starting; every 2-3 s the next slot's worker is killed
    // and a new one started in its place (without waiting for it: the cadence holds).
    const slots: Promise<WorkerProcess>[] = [0, 1, 2].map(() => startWorker(env));
    await Promise.all(slots);
    let kills = 0;
    // Killing stops after a while, so that on a slow machine the workers left then finish the
    // rest: the test waits for that, with room to spare, rather than racing the machine's load.
    const killDeadline = started + 90_000;
    for (let slot = 0; Date.now() < killDeadline; slot = (slot + 1) % slots.length) {
      await sleep(2_000 + Math.random() * 1_000);
      if ((await tally(database)).unfinished === 0) break;
      await kill(await (slots[slot] as Promise<WorkerProcess>));
      kills++;
      const replacement = startWorker(env);
      replacement.catch(() => undefined); // awaited at the slot's next turn, which reports it
      slots[slot] = replacement;
    }
    await waitFor('every job to finish', 180_000, async () =>
      (await tally(database)).unfinished === 0 ? true : undefined,
    );
    const seconds = (Date.now() - started) / 1000;
    const counts = await expectAllDoneOnce(database, jobCount);
    console.log(
      `exactly once under SIGKILL: ${jobCount} jobs in ${seconds.toFixed(1)} s, ${kills} kills; ` +
        `${counts.redelivered} jobs claimed more than once, ${counts.executedTwice} executed ` +
        `past their effect more than once (${counts.absorbed} duplicate effects absorbed by the ` +
        'unique constraint), 0 effects twice, 0 dead',
    );
    // The kills landed while jobs ran: some were taken back from the dead workers.
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(counts.redelivered).toBeGreaterThan(0);
    await Promise.all((await Promise.all(slots)).map(stopCleanly));
  }, 300_000);

  describe('PostgreSQL stopped and started again mid-run', () => {
    let dataDir: string | undefined;
    let cluster: EmbeddedPostgres | undefined;

    afterAll(async () => {
      await killWorkers();
      for (const database of databases.splice(0)) await database.close().catch(() => undefined);
      await cluster?.stop().catch(() => undefined);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('workers reconnect by themselves (pool, LISTEN, leader) and finish every job', async () => {
      // Always a cluster of the test's own: it is stopped under the workers.
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-restart-'));
      cluster = await startEmbeddedPostgres(dataDir, silentLog);
      const url = cluster.url;
      const port = Number(new URL(url).port);
      const database = await openTestDatabase(url);
      const jobCount = 6_000;
      await enqueue(database, jobCount, { sleepMs: 10 });
      const env = { DATABASE_URL: url, JOB_LEASE_SECONDS: '3', JOB_QUEUES: 'default:10' };
      const workers = await Promise.all([startWorker(env), startWorker(env)]);

      await waitFor('a quarter of the jobs to complete', 60_000, async () =>
        (await tally(database)).completed >= jobCount / 4 ? true : undefined,
      );
      await cluster.stop();
      const stoppedAt = Date.now();
      // On purpose: an outage as long as a lease, for the workers to live through.
      await sleep(3_000);
      for (const worker of workers) expect(isRunning(worker), worker.logTail()).toBe(true);
      cluster = await startEmbeddedPostgres(dataDir, silentLog, { port });
      expect(cluster.url).toBe(url);
      const atRestart = await waitFor('the test pool to reconnect', 10_000, () => tally(database));
      // The stop landed mid-run.
      expect(atRestart.unfinished).toBeGreaterThan(0);

      await waitFor('every job to finish after the restart', 60_000, async () =>
        (await tally(database)).unfinished === 0 ? true : undefined,
      );
      const recovered = (Date.now() - stoppedAt) / 1000;
      const counts = await expectAllDoneOnce(database, jobCount);
      for (const worker of workers) expect(isRunning(worker), worker.logTail()).toBe(true);

      // A leader holds its advisory lock again (it runs the rescuer).
      await waitFor('a leader after the restart', 10_000, async () => {
        const held = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ${0x4d4c4452}
        `.execute(database.db);
        return held.rows[0]?.n === 1 ? true : undefined;
      });
      // Idle workers sleep until notified: new jobs run only if LISTEN came back.
      const idleSince = Date.now();
      await enqueue(database, 50);
      await waitFor(
        'jobs enqueued after the restart to run (LISTEN reconnected)',
        10_000,
        async () => ((await tally(database)).unfinished === 0 ? true : undefined),
        50,
      );
      const wakeMs = Date.now() - idleSince;
      await expectAllDoneOnce(database, jobCount + 50);
      console.log(
        `PostgreSQL restart: stopped for ~3 s after ${jobCount - atRestart.unfinished} of ` +
          `${jobCount} jobs; all done ${recovered.toFixed(1)} s after the stop; ` +
          `${counts.redelivered} jobs claimed more than once; new jobs ran ${wakeMs} ms after enqueue`,
      );
      await Promise.all(workers.map(stopCleanly));
    }, 150_000);
  });

  it('retries the job of a SIGKILLed worker in another process within seconds, not its lease', async () => {
    // A lease far longer than the wait allowed below: the heir sees the holder's pid gone.
    const leaseSeconds = 120;
    const database = await openTestDatabase(await createTestDatabase());
    const env = { DATABASE_URL: database.url, JOB_LEASE_SECONDS: String(leaseSeconds) };
    // The first worker is alone, so it is the leader and takes the job; the second joins after.
    const holder = await startWorker(env);
    const jobs = createJobs(database.db, () => () => undefined);
    const job = await jobs.enqueue(sleepJob.spec({ firstAttemptMs: 600_000 }));
    const startedBy = async (pid: number) => {
      const rows = await sql<{ attempt: number }>`
        SELECT attempt FROM executions WHERE job_id = ${job.id} AND pid = ${pid} AND effect IS NULL
      `.execute(database.db);
      return rows.rows[0];
    };
    await waitFor('the first worker to start the job', 20_000, () => startedBy(holder.pid));
    const heir = await startWorker(env);

    await kill(holder);
    const killedAt = Date.now();
    const retry = await waitFor('another process to retry the job', 60_000, () =>
      startedBy(heir.pid),
    );
    const recoverySeconds = (Date.now() - killedAt) / 1000;
    console.log(
      `SIGKILL recovery: job retried by another process ${recoverySeconds.toFixed(1)} s after ` +
        `the kill (lease ${leaseSeconds} s)`,
    );
    expect(retry.attempt).toBe(2);
    expect(recoverySeconds).toBeLessThan(15);

    const finished = await waitFor('the retried job to complete', 10_000, async () => {
      const current = await jobs.get(job.id);
      return current?.state === 'completed' ? current : undefined;
    });
    expect(finished.attempt).toBe(2);
    // Not its lease: the heir, on the same host, saw the holder's pid gone at its next beat.
    expect(finished.errors.map((error) => error.error)).toEqual([
      'the worker running it was lost (process gone)',
    ]);
    const effects = await sql<{ pid: number }>`
      SELECT pid FROM effects WHERE job_id = ${job.id}`.execute(database.db);
    expect(effects.rows).toEqual([{ pid: heir.pid }]);
    await stopCleanly(heir);
  }, 90_000);

  it('runs the job of a stopped (SIGSTOP) worker within the heartbeat window; resumed, it records nothing', async () => {
    const database = await openTestDatabase(await createTestDatabase());
    // A lease far longer than the wait allowed below: only the lost heartbeat can explain a retry.
    const env = { DATABASE_URL: database.url, JOB_LEASE_SECONDS: '300', HEARTBEAT_SECONDS: '1' };
    const holder = await startWorker(env);
    const jobs = createJobs(database.db, () => () => undefined);
    const job = await jobs.enqueue(sleepJob.spec({ firstAttemptMs: 8_000 }));
    const ranBy = async (pid: number) => {
      const rows = await sql<{ attempt: number; effect: boolean | null }>`
        SELECT attempt, effect FROM executions WHERE job_id = ${job.id} AND pid = ${pid}
        ORDER BY effect NULLS FIRST`.execute(database.db);
      return rows.rows.at(-1);
    };
    await waitFor('the first worker to start the job', 20_000, () => ranBy(holder.pid));
    const heir = await startWorker(env);

    holder.child.kill('SIGSTOP');
    const stoppedAt = Date.now();
    await waitFor('another process to run the job', 60_000, () => ranBy(heir.pid));
    const recoverySeconds = (Date.now() - stoppedAt) / 1000;
    console.log(
      `SIGSTOP: the job ran again in another process ${recoverySeconds.toFixed(1)} s later`,
    );
    expect(recoverySeconds).toBeLessThan(20);
    const completed = await waitFor('the heir to complete the job', 10_000, async () => {
      const current = await jobs.get(job.id);
      return current?.state === 'completed' ? current : undefined;
    });
    expect(completed.attempt).toBe(2);
    // The holder led the cluster (it started first) and, frozen, kept its session: judged lost,
    // that session was ended, and the heir leads now (rescuer, pruner, periodic jobs go on).
    const leadership = await waitFor('the heir to lead', 20_000, async () => {
      const rows = await sql<{ pid: number }>`
        SELECT i.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        JOIN instances i ON a.application_name = 'meridian-leader ' || i.id
        WHERE l.locktype = 'advisory' AND l.granted`.execute(database.db);
      return rows.rows.find((row) => row.pid === heir.pid);
    });
    expect(leadership).toEqual({ pid: heir.pid });

    // Resumed, the holder's first attempt wakes from its sleep, finds the effect written (its
    // run is recorded with effect false), returns, and its completion finds nothing it holds.
    holder.child.kill('SIGCONT');
    const late = await waitFor("the holder's attempt to end", 20_000, async () => {
      const run = await ranBy(holder.pid);
      return run?.effect === null ? undefined : run;
    });
    expect(late).toEqual({ attempt: 1, effect: false });
    // A wait on purpose: the holder's refused completion is a write that must not happen.
    await sleep(1_000);
    expect(await jobs.get(job.id)).toEqual(completed);
    const effects = await sql<{ pid: number }>`
      SELECT pid FROM effects WHERE job_id = ${job.id}`.execute(database.db);
    expect(effects.rows).toEqual([{ pid: heir.pid }]);
    await Promise.all([stopCleanly(holder), stopCleanly(heir)]);
  }, 120_000);
});
