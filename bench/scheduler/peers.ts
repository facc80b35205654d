// The peers of bench/scheduler.ts as its parent process drives them: BullMQ job schedulers on
// Redis and pg-boss schedules on PostgreSQL, each created from this process with the library's
// own call, run by a worker in a child process (bench/scheduler/<peer>-worker.ts), and removed
// (Redis keys, database or embedded cluster) when the round ends.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PgBoss } from 'pg-boss';
import pino from 'pino';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { createDatabase, dropDatabase, redisUrl } from '../jobs/harness.ts';
import { query } from '../jobs/systems.ts';
import { postmasterPid } from '../servers.ts';
import type { PeerWorkerArgs, ScheduleData } from './call.ts';
import { dailyCron, dueAt, type Shape } from './workload.ts';

export const peerNames = ['bullmq', 'pg-boss'] as const;
export type PeerName = (typeof peerNames)[number];

/** One peer, set up for a round. */
export interface Peer {
  name: string;
  /** Its settings, for the table: what the worker runs with. */
  settings: (concurrency: number) => string;
  /** The server that holds its state, for the CPU split. */
  server: { name: string; pid: number | undefined };
  worker: string;
  url: string;
  prefix?: string;
  /** Creates the recurring schedule `id`, daily at `cron` (UTC), its job's data `data`. */
  create(id: string, cron: string, data: ScheduleData): Promise<void>;
  /** What the system holds once the round is over, e.g. "50000 completed". */
  describeState(): Promise<string>;
  /** Removes everything the round made. */
  close(): Promise<void>;
}

const queue = 'tick';
const quiet = pino({ level: 'warn' }, pino.destination(2));

export async function openBullmq(): Promise<Peer> {
  const prefix = `meridian-bench-scheduler-${process.pid}`;
  const where = new URL(redisUrl);
  const connection = { host: where.hostname, port: Number(where.port || 6379) };
  const schedulers = new Queue(queue, { connection, prefix });
  const redis = new Redis(connection);
  const info = await redis.info('server');
  const pid = Number(info.match(/process_id:(\d+)/)?.[1]) || undefined;
  return {
    name: 'BullMQ',
    settings: (concurrency) =>
      `\`Worker\` concurrency ${concurrency}, defaults otherwise; \`upsertJobScheduler(id, { pattern, tz: 'UTC' }, { data })\``,
    server: { name: 'redis (shared server)', pid },
    worker: path.join(import.meta.dirname, 'bullmq-worker.ts'),
    url: redisUrl,
    prefix,
    async create(id, cron, data) {
      await schedulers.upsertJobScheduler(id, { pattern: cron, tz: 'UTC' }, { name: queue, data });
    },
    async describeState() {
      const counts = await schedulers.getJobCounts(
        'completed',
        'failed',
        'active',
        'waiting',
        'delayed',
      );
      const schedulerCount = await schedulers.getJobSchedulersCount();
      const held = Object.entries(counts).filter(([, n]) => n > 0);
      return `${schedulerCount} job schedulers; jobs: ${held.map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}`;
    },
    async close() {
      await schedulers.close();
      // Every key of the run is under its own prefix: remove them all (jobs, schedulers, events).
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    },
  };
}

/**
 * pg-boss in a database of its own: on BENCH_DATABASE_URL's server, or on a fresh embedded
 * PostgreSQL under `dir` started as Meridian starts its own (same binaries, same settings).
 */
export async function openPgBoss(dir: string): Promise<Peer> {
  const databaseName = `bench_scheduler_pg_boss_${process.pid}`;
  const adminUrl = process.env.BENCH_DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  const dataDir = path.join(dir, 'pg-boss');
  if (!adminUrl) embedded = await startEmbeddedPostgres(dataDir, quiet);
  const url = adminUrl ? await createDatabase(adminUrl, databaseName) : (embedded?.url as string);
  const boss = new PgBoss({ connectionString: url, schedule: false, supervise: false });
  boss.on('error', (error) => console.error('pg-boss (creating schedules):', error.message));
  try {
    await boss.start();
    // As bench/jobs: notify, so new jobs wake the workers; a 30 s expiry, as Meridian's lease.
    await boss.createQueue(queue, { notify: true, expireInSeconds: 30 });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  return {
    name: 'pg-boss',
    settings: (concurrency) =>
      `\`cronMonitorIntervalSeconds: 1\`, \`cronWorkerIntervalSeconds: 1\` (their minimum); \`work\` with \`localConcurrency: ${concurrency}\`, \`batchSize: 50\`, polling 0.5 s, LISTEN/NOTIFY; \`schedule(name, cron, data, { tz: 'UTC', key })\``,
    server: {
      name: 'postgres',
      pid: embedded ? await postmasterPid(path.join(dataDir, 'postgres')) : undefined,
    },
    worker: path.join(import.meta.dirname, 'pg-boss-worker.ts'),
    url,
    async create(id, cron, data) {
      await boss.schedule(queue, cron, data, { tz: 'UTC', key: id });
    },
    async describeState() {
      const { rows } = await query(
        url,
        `SELECT name, state, count(*)::int AS count FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      const { rows: schedules } = await query(
        url,
        'SELECT count(*)::int AS n FROM pgboss.schedule',
      );
      const jobs = rows.map((r) => `${r.count} ${r.state} in ${r.name}`).join(', ');
      return `${schedules[0]?.n} schedules; jobs: ${jobs || 'none'}`;
    },
    async close() {
      await boss.stop({ graceful: false }).catch(() => undefined);
      if (adminUrl) await dropDatabase(adminUrl, databaseName).catch(() => undefined);
      await embedded?.stop();
    },
  };
}

/** A peer's worker process. */
export interface PeerWorker {
  child: ChildProcess;
  stop(): Promise<void>;
}

const workers = new Set<ChildProcess>();

/** Forks the peer's worker and waits until it reports ready (at most 60 s). */
export async function startPeerWorker(
  peer: Peer,
  concurrency: number,
  receiver: string,
): Promise<PeerWorker> {
  const args: PeerWorkerArgs = { url: peer.url, queue, concurrency, receiver, prefix: peer.prefix };
  const child = fork(peer.worker, [JSON.stringify(args)], {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  workers.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      workers.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${peer.name}: no worker within 60 s`)),
      60_000,
    );
    child.on('message', (message: { type?: string }) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${peer.name}: the worker exited before it was ready`));
    });
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, stop };
}

/** Kills every peer worker still running (a failed run must not leave them behind). */
export function killPeerWorkers(): void {
  for (const child of workers) child.kill('SIGKILL');
}

/** What creating a round's schedules took. */
export interface Creation {
  created: number;
  createdAfterDue: number;
  /** Seconds. */
  duration: number;
}

/**
 * Creates `amount` schedules due in the minute from `minute` (ids `<tag>-<i>`), `width` calls in
 * flight at once from this process (as autocannon's connections for Meridian), printing progress.
 */
export async function createSchedules(
  peer: Peer,
  amount: number,
  minute: number,
  shape: Shape,
  tag: string,
  width = 50,
): Promise<Creation> {
  const startedAt = Date.now();
  let next = 0;
  let created = 0;
  let createdAfterDue = 0;
  const progress = setInterval(() => {
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`  created ${created}/${amount} in ${seconds.toFixed(0)} s`);
  }, 5_000);
  const lane = async () => {
    while (next < amount) {
      const index = next++;
      const due = dueAt(minute, index, amount, shape);
      const schedule = `${tag}-${index}`;
      await peer.create(schedule, dailyCron(due), { schedule, due });
      created++;
      if (Date.now() > due) createdAfterDue++;
    }
  };
  try {
    await Promise.all(Array.from({ length: width }, lane));
  } finally {
    clearInterval(progress);
  }
  return { created, createdAfterDue, duration: (Date.now() - startedAt) / 1000 };
}
