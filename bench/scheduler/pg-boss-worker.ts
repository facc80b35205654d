// pg-boss's side of bench/scheduler.ts, in its own process: the instance that runs the schedules
// (`schedule: true`, its default) and works their queue. Its cron pass runs every
// `cronMonitorIntervalSeconds` and files each schedule whose occurrence fell in the last 60 s as a
// job of its internal `__pgboss__send-it` queue; a worker of that queue, fetching 50 jobs every
// `cronWorkerIntervalSeconds`, sends each as a job of the schedule's queue. Both intervals are set
// to their minimum, 1 s, the soonest it can start a schedule's job. The schedule's queue is worked
// as bench/jobs does for throughput: `localConcurrency` workers, batches of 50 (each batch's calls
// one after another, so `localConcurrency` calls at once), polling every 0.5 s, LISTEN/NOTIFY on.
import { PgBoss } from 'pg-boss';
import { stopOnRequest } from '../jobs/protocol.ts';
import { callReceiver, errorPrinter, peerWorkerArgs, type ScheduleData } from './call.ts';

const args = peerWorkerArgs();
const boss = new PgBoss({
  connectionString: args.url,
  useListenNotify: true,
  cronMonitorIntervalSeconds: 1,
  cronWorkerIntervalSeconds: 1,
});
boss.on('error', errorPrinter('pg-boss'));
await boss.start();
await boss.work<ScheduleData>(
  args.queue,
  {
    localConcurrency: args.concurrency,
    batchSize: 50,
    pollingIntervalSeconds: 0.5,
    notifyPollingIntervalSeconds: 0.5,
    burstWhenBatchFull: true,
  },
  async (jobs) => {
    for (const job of jobs) await callReceiver(args.receiver, job.data.due, job.data.schedule);
  },
);
stopOnRequest(() => boss.stop({ graceful: false, timeout: 1_000 }));
process.send?.({ type: 'ready' });
