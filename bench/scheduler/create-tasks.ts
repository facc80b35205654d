// Creates `amount` recurring tasks through `POST /v1/tasks` with autocannon's API: task i daily at
// its due time in the minute from `minute` (bench/scheduler/workload.ts: the cron expression with
// seconds that BullMQ and pg-boss get too, starting at the minute), its webhook
// `<receiver>/due/<due ms>`, so the receiver computes its lateness from the path. Prints
// autocannon's JSON result (plus `created`, `createdAfterDue` and `statuses`) on stdout, progress
// on stderr. Run by bench/scheduler.ts: `node bench/scheduler/create-tasks.ts '<json options>'`.
import { createRequire } from 'node:module';
import { dailyCron, dueAt, type Shape } from './workload.ts';

interface Options {
  url: string;
  token: string;
  amount: number;
  connections: number;
  /** Epoch ms of the minute the tasks fall due in. */
  minute: number;
  shape: Shape;
  receiver: string;
}

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface Context {
  due?: number;
}

interface Instance {
  on(event: 'response', listener: () => void): void;
  on(event: 'done', listener: (result: unknown) => void): void;
  stop(): void;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  amount: number;
  timeout: number;
  headers: Record<string, string>;
  requests: {
    method: string;
    path: string;
    setupRequest(request: Request, context: Context): Request;
    onResponse(status: number, body: string, context: Context): void;
  }[];
}) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const { minute, receiver, amount, shape } = options;

let next = 0;
let created = 0;
let createdAfterDue = 0;
let firstFailure: string | undefined;
const statuses: Record<string, number> = {};

const instance = autocannon({
  url: options.url,
  connections: options.connections,
  amount,
  timeout: 30,
  headers: {
    authorization: `Bearer ${options.token}`,
    'content-type': 'application/json',
  },
  requests: [
    {
      method: 'POST',
      path: '/v1/tasks',
      setupRequest(request, context) {
        const index = next++ % amount;
        const due = dueAt(minute, index, amount, shape);
        context.due = due;
        const task = {
          name: `bench ${index}`,
          schedule: {
            frequency: 'cron',
            cron: dailyCron(due),
            start: new Date(minute).toISOString(),
            timezone: 'UTC',
          },
          action: { type: 'webhook', url: `${receiver}/due/${due}`, method: 'POST' },
        };
        return { ...request, body: JSON.stringify(task) };
      },
      onResponse(status, body, context) {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 201) {
          created++;
          if (Date.now() > (context.due ?? 0)) createdAfterDue++;
        } else {
          firstFailure ??= `${status} ${body.slice(0, 500)}`;
        }
      },
    },
  ],
});

let answered = 0;
instance.on('response', () => {
  answered++;
});
const startedAt = Date.now();
const progress = setInterval(() => {
  const seconds = (Date.now() - startedAt) / 1000;
  process.stderr.write(
    `  created ${created}/${amount} in ${seconds.toFixed(0)} s (${Math.round(answered / seconds)}/s)\n`,
  );
}, 5_000);
process.on('SIGTERM', () => instance.stop());

instance.on('done', (result) => {
  clearInterval(progress);
  if (firstFailure) process.stderr.write(`  first failed answer: ${firstFailure}\n`);
  process.stdout.write(
    JSON.stringify({ ...(result as object), created, createdAfterDue, statuses }),
  );
});
