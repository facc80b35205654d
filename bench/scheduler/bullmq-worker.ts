// BullMQ's side of bench/scheduler.ts, in its own process: one Worker on the queue of the job
// schedulers, its `concurrency` option, everything else default (completed jobs kept, 30 s lock,
// stalled-job check every 30 s). A scheduler's job carries its due time in its data (the template
// of `upsertJobScheduler`); the handler makes the webhook call Meridian makes. Taking a scheduler's
// job, the Worker first adds the job of its next occurrence (a day later), then runs the handler.
import { Worker } from 'bullmq';
import { stopOnRequest } from '../jobs/protocol.ts';
import { callReceiver, errorPrinter, peerWorkerArgs, type ScheduleData } from './call.ts';

const args = peerWorkerArgs();
const url = new URL(args.url);
const worker = new Worker<ScheduleData>(
  args.queue,
  (job) => callReceiver(args.receiver, job.data.due, job.data.schedule),
  {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: args.prefix,
    concurrency: args.concurrency,
  },
);
worker.on('error', errorPrinter('bullmq'));
await worker.waitUntilReady();
stopOnRequest(() => worker.close(true));
process.send?.({ type: 'ready' });
