// Meridian's job engine with its defaults: LISTEN/NOTIFY and a sleep until the next due job (no
// polling), a 30 s lease, completions batched. One queue, `concurrency` jobs at once.
import pino from 'pino';
import { Registry } from 'prom-client';
import { connectDatabase } from '../../src/platform/db/database.ts';
import { createJobEngine } from '../../src/platform/jobs/engine.ts';
import { createHeartbeat } from '../../src/platform/observe/heartbeat.ts';
import { createReporter, holdForever, stopOnRequest, workerArgs } from './protocol.ts';

const args = workerArgs();
const report = createReporter();
const log = pino({ level: 'warn' }, pino.destination(2));
// The pool size and lease are Meridian's defaults (DATABASE_POOL_SIZE, JOB_LEASE_SECONDS).
const database = connectDatabase(args.url, 10, log);
// Registered and beating like `meridian serve` (HEARTBEAT_SECONDS' default): a worker that dies
// is judged by the other, as in production (the recovery row).
const heartbeatMs = 1_000;
const heartbeat = createHeartbeat(database.db, log, {
  role: 'worker',
  version: 'bench',
  intervalMs: heartbeatMs,
});
const engine = createJobEngine({
  db: database.db,
  databaseUrl: args.url,
  workerId: heartbeat.id,
  hostKey: heartbeat.hostKey,
  heartbeatMs,
  inContactFor: heartbeat.inContactFor,
  log,
  metrics: new Registry(),
  handlers: {
    noop: async () => report.ran(),
    late: async (job) => {
      report.late((job.payload as { dueAt: number }).dueAt);
      report.ran();
    },
    hold: async (job, { signal }) => {
      report.started(job.id);
      await holdForever(signal);
    },
  },
  queues: { default: args.concurrency },
  periodic: [],
  leaseMs: 30_000,
  drainMs: 1_000,
  retentionMs: 24 * 3_600_000,
});
heartbeat.afterEachBeat(engine.releaseGoneOnHost);
await heartbeat.start();
await engine.start();
stopOnRequest(async () => {
  await engine.stop();
  await heartbeat.stop();
  await database.close();
});
report.ready();
