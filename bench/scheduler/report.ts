// The scheduler section of docs/benchmarks.md from the figures of bench/scheduler.ts's rounds.
import { type CpuSplit, describeCpu } from './cpu.ts';

/** Issue 5's aims. */
export const aim = { createdPerSecond: 3_000, createP99Ms: 30, lateP99Ms: 1_000 };

/** The minute's executions in the database, by state and attempts. */
export interface Executions {
  state: string;
  attempts: number;
  count: number;
  /** Of them, whose job was claimed more often than the execution began (a claim lost). */
  reclaimed: number;
  error: string | null;
}

/** One round's figures: one JOB_QUEUES setting. */
export interface Row {
  queues: string;
  loadAverage: string;
  warmupPerSecond: number;
  created: number;
  createdAfterDue: number;
  createdPerSecond: number;
  createP50: number;
  createP99: number;
  creationCpu: CpuSplit;
  arrived: number;
  duplicates: number;
  missing: number;
  /** Arrival − due, ms. */
  lateP50: number;
  lateP99: number;
  lateMax: number;
  /** When the last call arrived, after the end of the minute (s). */
  completion: number;
  callsPerSecond: number;
  runCpu: CpuSplit;
  executions: Executions[];
}

export interface Context {
  /** The "Run <date> on ..." line. */
  machine: string;
  /** The commit measured (and whether src/ had changes on top). */
  revision: string;
  loadBefore: string;
  tasks: number;
  connections: number;
  warmupTasks: number;
  rateLimitPerMinute: number;
  poolSize: string;
  database: string;
  arrivalGraceMs: number;
}

export function describeExecutions(executions: Executions[]): string {
  return executions
    .map(
      (e) =>
        `${e.count} ${e.state} after ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}` +
        (e.reclaimed ? ` (${e.reclaimed} of them claimed once more than they began)` : '') +
        (e.error ? ` (e.g. "${e.error.slice(0, 80)}")` : ''),
    )
    .join(', ');
}

const count = (value: number) => Math.round(value).toLocaleString('en');

/** "454/s against ≥ 3,000/s: missed, 0.15× the aim". */
function atLeast(value: number, target: number, unit: string): string {
  const verdict = value >= target ? 'met' : 'missed';
  return `${count(value)}${unit} against ≥ ${count(target)}${unit}: ${verdict}, ${(value / target).toFixed(2)}× the aim`;
}

/** "199 ms against < 30 ms: missed, 6.6× the limit". */
function under(value: number, limit: number, unit: string): string {
  const verdict = value < limit ? 'met' : 'missed';
  return `${count(value)}${unit} against < ${count(limit)}${unit}: ${verdict}, ${(value / limit).toPrecision(2)}× the limit`;
}

export function renderTable(rows: Row[]): string {
  return [
    '| JOB_QUEUES | tasks created | created/s | create p50 ms | p99 ms | lateness p50 ms | p99 ms | max ms | last call after the minute s | calls/s | missing |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| \`${r.queues}\` | ${r.created} | ${Math.round(r.createdPerSecond)} | ${r.createP50} | ` +
        `${r.createP99} | ${r.lateP50} | ${r.lateP99} | ${r.lateMax} | ${r.completion.toFixed(1)} | ` +
        `${Math.round(r.callsPerSecond)} | ${r.missing} |`,
    ),
  ].join('\n');
}

function details(r: Row, context: Context): string {
  const late = r.createdAfterDue
    ? ` ${r.createdAfterDue} tasks were created after their due time.`
    : '';
  const missing = r.missing
    ? ` (${r.missing} never did within ${context.arrivalGraceMs / 60_000} min)`
    : '';
  const twice = r.duplicates ? `${r.duplicates} twice` : 'none twice';
  return `- \`JOB_QUEUES=${r.queues}\` (load average ${r.loadAverage} at its start; warm-up ${count(r.warmupPerSecond)} tasks/s):
  - Creation: ${atLeast(r.createdPerSecond, aim.createdPerSecond, '/s')}; p99 ${under(r.createP99, aim.createP99Ms, ' ms')}.${late}
    CPU over its ${r.creationCpu.seconds.toFixed(0)} s: ${describeCpu(r.creationCpu)}.
  - Lateness: p99 ${under(r.lateP99, aim.lateP99Ms, ' ms')}. ${r.arrived} calls arrived${missing}, ${twice}; in the database: ${describeExecutions(r.executions)}.
    CPU from the minute's start to the last call (${r.runCpu.seconds.toFixed(0)} s): ${describeCpu(r.runCpu)}.`;
}

export function renderSection(rows: Row[], context: Context): string {
  const { tasks } = context;
  return `## Scheduler (\`bench/scheduler.ts\`)

${context.machine}; commit ${context.revision}; 1-minute load average
${context.loadBefore} at the start (other engineers' tests share the machine). Meridian, PostgreSQL,
autocannon and the webhook receiver share the 2 cores.

${renderTable(rows)}

${rows.map((row) => details(row, context)).join('\n')}

What is measured, in one run per \`JOB_QUEUES\` setting, each with a fresh Meridian and database:

- **Creation**: ${count(tasks)} \`POST /v1/tasks\` (bearer token; a \`once\` task with a \`POST\`
  webhook to the local receiver, defaults otherwise) by autocannon's API at ${context.connections}
  connections in a second process (\`bench/scheduler/create-tasks.ts\`), after a warm-up of
  ${count(context.warmupTasks)} tasks due the next day. created/s is the tasks created over the
  whole run's duration; p50 and p99 are autocannon's. Aim: ≥ ${count(aim.createdPerSecond)}/s
  with p99 under ${aim.createP99Ms} ms.
- **Lateness**: the same tasks fall due across one minute M (task i at M + i × 60 s /
  ${count(tasks)}), M the first minute boundary after the creation should have ended; the
  webhook URL carries the due time, and the receiver (an HTTP server in the bench process
  answering 200) takes each call's arrival − due: the time the job waited to be claimed, its
  first transaction (schedule the next occurrence, mark it running) and the HTTP call's
  connect. "last call after the minute" is when the last call arrived, after M + 60 s; calls/s
  is the calls over the time from the first to the last. Aim: p99 under
  ${count(aim.lateP99Ms)} ms.
- Meridian: \`meridian serve\` (API and worker in one process) with \`LOG_LEVEL=warn\`,
  \`OUTBOUND_ALLOW_PRIVATE=true\` (the receiver is on loopback),
  \`RATE_LIMIT_PER_MINUTE=${context.rateLimitPerMinute}\`, \`DATABASE_POOL_SIZE\` ${context.poolSize},
  ${context.database}; the webhook client keeps at most 16 connections per origin.
- CPU is summed from /proc over each phase, in cores: Meridian's node process, PostgreSQL (the
  postmaster and its backends), the autocannon process (once it has exited), this process, and
  the rest of the machine's busy time.

Rerun with \`npm run bench:scheduler\` (\`BENCH_JOB_QUEUES="default:10 default:50"\` for the
settings, \`BENCH_TASKS\` for the count, \`BENCH_DATABASE_URL=postgres://...\` to use a running
PostgreSQL); it rewrites this section.`;
}
