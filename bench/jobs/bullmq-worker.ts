// bullmq in one process: one Worker per queue with its `concurrency` option, everything else
// default (completed jobs kept, 30 s lock, stalled-job check every 30 s).
import { Worker } from 'bullmq';
import { createReporter, holdForever, stopOnRequest, workerArgs } from './protocol.ts';

const args = workerArgs();
const report = createReporter();
const url = new URL(args.url);
const connection = {
  host: url.hostname,
  port: Number(url.port || 6379),
  maxRetriesPerRequest: null,
};
const common = { connection, prefix: args.prefix, concurrency: args.concurrency };
const workers = [
  new Worker('noop', async () => report.ran(), common),
  new Worker<{ dueAt: number }>(
    'late',
    async (job) => {
      report.late(job.data.dueAt);
      report.ran();
    },
    common,
  ),
  new Worker(
    'hold',
    async (job) => {
      report.started(job.id ?? '?');
      await holdForever();
    },
    common,
  ),
];
for (const worker of workers) {
  worker.on('error', (error) => console.error('bullmq error:', error.message));
}
await Promise.all(workers.map((worker) => worker.waitUntilReady()));
stopOnRequest(async () => {
  await Promise.all(workers.map((worker) => worker.close(true)));
});
report.ready();
