// graphile-worker in one process. Default variant: its `concurrency` option, everything else
// default (2 s poll for future jobs, LISTEN for new ones, one fetch and one completion statement
// per job). Variant `local-queue`: the configuration of its performance page (a local queue of
// 500 jobs fetched at once, completions and failures batched with a 0 ms delay).
import { Logger, run } from 'graphile-worker';
import { createReporter, holdForever, stopOnRequest, workerArgs } from './protocol.ts';

const args = workerArgs();
const report = createReporter();
const batched = args.variant === 'local-queue';
// Warnings and errors only: its default logger writes a line per job, which no one would run.
const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning')
    console.error(`graphile-worker ${level}: ${message}`);
});
const runner = await run({
  connectionString: args.url,
  concurrency: args.concurrency,
  // Its advice: 10 or concurrency + 2, whichever is larger.
  maxPoolSize: Math.max(10, args.concurrency + 2),
  noHandleSignals: true,
  logger,
  taskList: {
    noop: async () => report.ran(),
    late: async (payload) => {
      report.late((payload as { dueAt: number }).dueAt);
      report.ran();
    },
    hold: async (_payload, helpers) => {
      report.started(helpers.job.id);
      await holdForever(helpers.abortSignal);
    },
  },
  ...(batched
    ? {
        preset: {
          worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 },
        },
      }
    : {}),
});
stopOnRequest(() => runner.stop());
report.ready();
