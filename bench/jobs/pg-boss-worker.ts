// pg-boss in one process, in the throughput configuration its documentation describes: several
// workers on the queue (`localConcurrency`, one per unit of concurrency), each fetching batches
// of 50, polling every 0.5 s (its minimum) and fetching again at once while batches come back
// full (`burstWhenBatchFull`); LISTEN/NOTIFY on, so new jobs wake the workers.
import { PgBoss } from 'pg-boss';
import { createReporter, holdForever, stopOnRequest, workerArgs } from './protocol.ts';

const args = workerArgs();
const report = createReporter();
const boss = new PgBoss({ connectionString: args.url, useListenNotify: true });
boss.on('error', (error) => console.error('pg-boss error:', error.message));
await boss.start();
const options = {
  localConcurrency: args.concurrency,
  batchSize: 50,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 0.5,
  burstWhenBatchFull: true,
};
await boss.work('noop', options, async () => report.ran());
await boss.work<{ dueAt: number }>('late', options, async (jobs) => {
  for (const job of jobs) report.late(job.data.dueAt);
  report.ran();
});
await boss.work('hold', { ...options, batchSize: 1 }, async (jobs) => {
  for (const job of jobs) report.started(job.id);
  await holdForever();
});
stopOnRequest(() => boss.stop({ graceful: false, timeout: 1_000 }));
report.ready();
