// The parent's side of each system in bench/jobs.ts: install its schema in its own database,
// enqueue in batches, tell whether jobs are still waiting or running, empty it between runs.
import path from 'node:path';
import { Queue } from 'bullmq';
import { makeWorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import pino from 'pino';
import { connectDatabase } from '../../src/platform/db/database.ts';
import { createJobs } from '../../src/platform/jobs/queue.ts';
import { migrateAll } from '../../src/platform/runtime.ts';
import type { JobKind } from './protocol.ts';

/** One system under test, as the parent drives it. */
export interface System {
  name: string;
  /** The worker script and the arguments it gets besides its concurrency. */
  worker: string;
  url: string;
  variant?: string;
  prefix?: string;
  /** Enqueues jobs of one kind, in one batch; `dueAt` (epoch ms) for `late` jobs. */
  enqueue(kind: JobKind, count: number, dueAt?: (i: number) => number): Promise<void>;
  /** Whether any job is still waiting or running. */
  pending(): Promise<boolean>;
  /** Deletes every job, so the next run starts from an empty queue. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const here = import.meta.dirname;
const quiet = pino({ level: 'warn' }, pino.destination(2));

/** Runs `sql` on a short-lived connection (ANALYZE, TRUNCATE, checks). */
export async function query(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

export async function meridian(url: string): Promise<System> {
  const database = connectDatabase(url, 2, quiet);
  await migrateAll(database, [], quiet);
  const jobs = createJobs(database.db);
  const client = new pg.Client(url);
  await client.connect();
  return {
    name: 'meridian',
    worker: path.join(here, 'meridian-worker.ts'),
    url,
    async enqueue(kind, count, dueAt) {
      await jobs.enqueueMany(
        Array.from({ length: count }, (_, i) =>
          dueAt
            ? { kind, payload: { dueAt: dueAt(i) }, runAt: new Date(dueAt(i)) }
            : { kind, payload: {} },
        ),
      );
    },
    async pending() {
      const { rows } = await client.query(`SELECT
        EXISTS (SELECT 1 FROM jobs WHERE state = 'available')
        OR EXISTS (SELECT 1 FROM jobs WHERE state = 'running') AS pending`);
      return rows[0].pending;
    },
    async reset() {
      await client.query('TRUNCATE jobs');
    },
    async close() {
      await client.end();
      await database.close();
    },
  };
}

export async function graphileWorker(url: string, variant?: string): Promise<System> {
  const utils = await makeWorkerUtils({ connectionString: url });
  await utils.migrate();
  const client = new pg.Client(url);
  await client.connect();
  return {
    name: variant ? `graphile-worker (${variant})` : 'graphile-worker',
    worker: path.join(here, 'graphile-worker-worker.ts'),
    url,
    variant,
    async enqueue(kind, count, dueAt) {
      await utils.addJobs(
        Array.from({ length: count }, (_, i) =>
          dueAt
            ? { identifier: kind, payload: { dueAt: dueAt(i) }, runAt: new Date(dueAt(i)) }
            : { identifier: kind, payload: {} },
        ),
      );
    },
    async pending() {
      // Finished jobs are deleted: anything left is waiting or running.
      const { rows } = await client.query(
        'SELECT EXISTS (SELECT 1 FROM graphile_worker._private_jobs) AS pending',
      );
      return rows[0].pending;
    },
    async reset() {
      await client.query('DELETE FROM graphile_worker._private_jobs');
    },
    async close() {
      await client.end();
      await utils.release();
    },
  };
}

export async function pgBoss(url: string): Promise<System> {
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss (enqueuer):', error.message));
  await boss.start();
  // A 30 s expiry, as Meridian's lease: pg-boss retries a job active for longer (its default is
  // 15 minutes). notify: new jobs wake the workers through LISTEN/NOTIFY.
  for (const name of ['noop', 'late', 'hold']) {
    await boss.createQueue(name, { expireInSeconds: 30, notify: true });
  }
  const client = new pg.Client(url);
  await client.connect();
  return {
    name: 'pg-boss',
    worker: path.join(here, 'pg-boss-worker.ts'),
    url,
    async enqueue(kind, count, dueAt) {
      await boss.insert(
        kind,
        Array.from({ length: count }, (_, i) =>
          dueAt ? { data: { dueAt: dueAt(i) }, startAfter: new Date(dueAt(i)) } : { data: {} },
        ),
      );
    },
    async pending() {
      const { rows } = await client.query(`SELECT EXISTS (
        SELECT 1 FROM pgboss.job WHERE state IN ('created', 'retry', 'active')) AS pending`);
      return rows[0].pending;
    },
    async reset() {
      await client.query('DELETE FROM pgboss.job');
    },
    async close() {
      await client.end();
      await boss.stop({ graceful: false });
    },
  };
}

export async function bullmq(redisUrl: string): Promise<System> {
  const prefix = `meridian-bench-${process.pid}`;
  const where = new URL(redisUrl);
  const connection = { host: where.hostname, port: Number(where.port || 6379) };
  const queues = new Map(
    (['noop', 'late', 'hold'] as const).map((name) => [
      name,
      new Queue(name, { connection, prefix }),
    ]),
  );
  const all = [...queues.values()];
  return {
    name: 'bullmq',
    worker: path.join(here, 'bullmq-worker.ts'),
    url: redisUrl,
    prefix,
    async enqueue(kind, count, dueAt) {
      const now = Date.now();
      await queues.get(kind)?.addBulk(
        Array.from({ length: count }, (_, i) => ({
          name: kind,
          data: dueAt ? { dueAt: dueAt(i) } : {},
          // Due exactly at dueAt: bullmq's due time is timestamp + delay.
          opts: dueAt ? { timestamp: now, delay: dueAt(i) - now } : {},
        })),
      );
    },
    async pending() {
      for (const queue of all) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(counts).some((n) => n > 0)) return true;
      }
      return false;
    },
    async reset() {
      for (const queue of all) await queue.obliterate({ force: true });
    },
    async close() {
      for (const queue of all) {
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
    },
  };
}
