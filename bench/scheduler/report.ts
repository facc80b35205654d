// The scheduler section of docs/benchmarks.md from the rounds of bench/scheduler.ts: the
// comparison of Meridian, BullMQ and pg-boss (lateness and executions/s), their ratios, and
// Meridian's own figures (creation over HTTP, executions in its database).
import { type CpuSplit, describeCpu, microsecondsEach } from './cpu.ts';
import { latenessOf } from './receiver.ts';
import type { Measured } from './rounds.ts';
import { describeShape, type Shape } from './workload.ts';

/** Issue 5's aims, and the peers issue's: Meridian's p99 below both peers'. */
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

export interface Context {
  /** The "Run <date> on ..." line. */
  machine: string;
  /** The commit measured (and whether src/ had changes on top). */
  revision: string;
  loadBefore: string;
  tasks: number;
  connections: number;
  warmupTasks: number;
  poolSize: string;
  database: string;
  /** Where pg-boss's database is. */
  peerDatabase: string;
  graceMs: number;
  /** "bullmq 6.7.0, pg-boss 12.38.0, Redis 7.0.15". */
  versions: string;
  rateLimitPerMinute: string;
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
const missing = (m: Measured) => m.created - m.arrivals.count;

/** A lateness in ms; a schedule that never ran counts as more than the bound it was awaited. */
function ms(value: number, graceMs: number): string {
  if (value === Number.POSITIVE_INFINITY) return `> ${count(graceMs)}`;
  return Number.isNaN(value) ? '–' : `${value}`;
}

/** "Meridian `default:10`", "BullMQ c50". */
function label(m: Measured): string {
  return m.meridian ? `Meridian \`${m.meridian.queues}\`` : `${m.system} c${m.concurrency}`;
}

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

/** CPU µs per execution of one group over the run: "412", or "–" when not measured. */
function cpuEach(m: Measured, group: string): string {
  const us = microsecondsEach(m.runCpu, group, m.arrivals.count);
  return Number.isNaN(us) || us === 0 ? '–' : count(us);
}

/** Every system's lateness, executions/s and CPU per execution, one row per round. */
export function renderComparison(rounds: Measured[], graceMs: number): string {
  return [
    '| shape | system | schedules | created/s | lateness p50 ms | p99 ms | max ms | executions/s | last call after the minute s | missing | worker CPU µs/exec | database CPU µs/exec |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rounds.map((m) => {
      const l = latenessOf(m.arrivals, m.created, m.minute);
      return (
        `| ${m.shape} | ${label(m)} | ${m.created} | ${Math.round(m.createdPerSecond)} | ` +
        `${ms(l.p50, graceMs)} | ${ms(l.p99, graceMs)} | ${ms(l.max, graceMs)} | ` +
        `${Math.round(l.perSecond)} | ${l.completion.toFixed(1)} | ${missing(m)} | ` +
        `${cpuEach(m, m.cpuOf.worker)} | ${cpuEach(m, m.cpuOf.database)} |`
      );
    }),
  ].join('\n');
}

/** A ratio in two significant digits, whole from 100 up. */
const times = (r: number) => (r >= 100 ? `${Math.round(r)}` : r.toPrecision(2));

/**
 * Meridian ÷ peer, lateness (below 1: Meridian sooner) and executions/s (above 1: faster). A side
 * that left schedules unrun within the grace has a lateness of at least the grace: the ratio is
 * then a bound.
 */
function ratio(ours: number, theirs: number, graceMs: number): string {
  if (Number.isNaN(ours) || Number.isNaN(theirs) || theirs === 0) return '–';
  const [oursOpen, theirsOpen] = [ours, theirs].map((v) => v === Number.POSITIVE_INFINITY);
  if (oursOpen && theirsOpen) return '–';
  if (theirsOpen) return `< ${times(ours / graceMs)}`;
  if (oursOpen) return `> ${times(graceMs / theirs)}`;
  return times(ours / theirs);
}

/** Each Meridian round against each peer round of the same shape. */
export function renderRatios(rounds: Measured[], graceMs: number): string {
  const lines: string[] = [];
  for (const ours of rounds.filter((m) => m.meridian)) {
    const a = latenessOf(ours.arrivals, ours.created, ours.minute);
    for (const peer of rounds.filter((m) => !m.meridian && m.shape === ours.shape)) {
      const b = latenessOf(peer.arrivals, peer.created, peer.minute);
      lines.push(
        `| ${ours.shape} | ${label(ours)} ÷ ${label(peer)} | ${ratio(a.p50, b.p50, graceMs)} | ` +
          `${ratio(a.p99, b.p99, graceMs)} | ${ratio(a.max, b.max, graceMs)} | ` +
          `${ratio(a.perSecond, b.perSecond, graceMs)} |`,
      );
    }
  }
  if (lines.length === 0) return '';
  return [
    '| shape | Meridian ÷ peer | lateness p50 | p99 | max | executions/s |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...lines,
  ].join('\n');
}

/** Whether each Meridian round's p99 is below every peer's of its shape. */
export function renderVerdicts(rounds: Measured[], graceMs: number): string[] {
  return rounds
    .filter((m) => m.meridian)
    .flatMap((ours) => {
      const peers = rounds.filter((m) => !m.meridian && m.shape === ours.shape);
      if (peers.length === 0) return [];
      const p99 = latenessOf(ours.arrivals, ours.created, ours.minute).p99;
      const theirs = peers.map((peer) => {
        const their = latenessOf(peer.arrivals, peer.created, peer.minute).p99;
        return { peer, their, below: p99 < their };
      });
      const met = theirs.every((t) => t.below);
      const against = theirs.map((t) => `${label(t.peer)} ${ms(t.their, graceMs)} ms`).join(', ');
      return [
        `${label(ours)}, ${ours.shape}: p99 ${ms(p99, graceMs)} ms against ${against}: ${met ? 'below both, aim met' : 'aim missed'}`,
      ];
    });
}

/** Meridian's own figures, as the earlier runs of this section gave them. */
export function renderMeridianTable(rounds: Measured[], graceMs: number): string {
  if (!rounds.some((m) => m.meridian)) return '';
  return [
    '| shape | JOB_QUEUES | tasks created | created/s | create p50 ms | p99 ms | lateness p50 ms | p99 ms | max ms | last call after the minute s | calls/s | missing |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rounds.flatMap((m) => {
      if (!m.meridian) return [];
      const l = latenessOf(m.arrivals, m.created, m.minute);
      return [
        `| ${m.shape} | \`${m.meridian.queues}\` | ${m.created} | ${Math.round(m.createdPerSecond)} | ` +
          `${m.meridian.createP50} | ${m.meridian.createP99} | ${ms(l.p50, graceMs)} | ` +
          `${ms(l.p99, graceMs)} | ${ms(l.max, graceMs)} | ${l.completion.toFixed(1)} | ` +
          `${Math.round(l.perSecond)} | ${missing(m)} |`,
      ];
    }),
  ].join('\n');
}

function cpuLine(what: string, split: CpuSplit): string {
  return `CPU ${what} (${split.seconds.toFixed(0)} s): ${describeCpu(split)}.`;
}

function details(m: Measured, context: Context): string {
  const late = m.createdAfterDue ? ` ${m.createdAfterDue} were created after their due time.` : '';
  const lost = missing(m)
    ? ` (${missing(m)} never did within ${context.graceMs / 60_000} min of the minute's end)`
    : '';
  const twice = m.arrivals.duplicates ? `${m.arrivals.duplicates} twice` : 'none twice';
  const l = latenessOf(m.arrivals, m.created, m.minute);
  const creation = m.meridian
    ? `${atLeast(m.createdPerSecond, aim.createdPerSecond, '/s')}; p99 ${under(m.meridian.createP99, aim.createP99Ms, ' ms')}`
    : `${count(m.createdPerSecond)}/s`;
  const lateness =
    m.meridian && Number.isFinite(l.p99) ? `p99 ${under(l.p99, aim.lateP99Ms, ' ms')}. ` : '';
  return `- ${label(m)}, ${m.shape} (load average ${m.loadAverage} at its start; warm-up ${count(m.warmupPerSecond)} schedules/s): ${m.settings}.
  - Creation: ${creation}.${late} ${cpuLine('over the creation', m.creationCpu)}
  - Lateness: ${lateness}${m.arrivals.count} calls arrived${lost}, ${twice}; in ${m.meridian ? 'the database' : m.system}: ${m.state}.
    ${cpuLine("from the minute's start to the last call", m.runCpu)}`;
}

export function renderSection(rounds: Measured[], context: Context): string {
  const { tasks, graceMs } = context;
  const shapes = [...new Set(rounds.map((m) => m.shape))] as Shape[];
  const verdicts = renderVerdicts(rounds, graceMs);
  const ratios = renderRatios(rounds, graceMs);
  return `## Scheduler (\`bench/scheduler.ts\`)

${context.machine}; ${context.versions}; commit ${context.revision}; 1-minute load average
${context.loadBefore} at the start. The machine was shared: other engineers' tests ran on the same
2 cores, so compare the ratios of one run, not absolute figures across runs. Each system, PostgreSQL
or Redis, and this benchmark (creating schedules, receiving the calls) share the cores.

${count(tasks)} recurring schedules due in one minute, in each system in turn, ${shapes.map((shape) => `**${shape}**: ${describeShape(shape, tasks)}`).join('; ')}.

${renderComparison(rounds, graceMs)}
${ratios ? `\n${ratios}\n\nBelow 1 for lateness, Meridian starts sooner; above 1 for executions/s, it runs more per second. "> N" ms: some schedules never ran within the ${graceMs / 60_000} min awaited after the minute, so the figure is at least that (and a ratio is at most what it shows).\n` : ''}${verdicts.length ? `\n${verdicts.map((v) => `- ${v}`).join('\n')}\n` : ''}
What is measured, the same for every system:

- **Schedules**: daily cron expressions with seconds, \`<s> <m> <h> * * *\` in UTC, one per
  schedule, so each has one occurrence in the minute M and the next a day later. Whole seconds
  because that is what every system can name: pg-boss reads 6-field cron (seconds first) through
  cron-parser, and cron has no finer unit. Meridian: a \`cron\` task starting at M
  (\`POST /v1/tasks\`, a \`POST\` webhook to the receiver); BullMQ:
  \`upsertJobScheduler(id, { pattern, tz: 'UTC' }, { data })\`; pg-boss:
  \`schedule('tick', cron, data, { tz: 'UTC', key: id })\` (unique per queue and key). First
  ${count(context.warmupTasks)} schedules due 12 hours later (never run here) warm the system up
  and give a rate; M is the first minute boundary after the ${count(tasks)} creations should have
  ended. Meridian's are created over HTTP by autocannon at ${context.connections} connections in
  a second process; the peers' from this process by their library, ${context.connections} calls
  in flight.
- **Execution**: every system's execution is the same HTTP call, a \`POST\` to a receiver in
  this process (\`/due/<due ms>\`, answering 200) with at most 16 keep-alive connections:
  Meridian's webhook action (signed), the peers' handler (\`bench/scheduler/call.ts\`).
- **Lateness**: arrival at the receiver − due time, for every schedule of the minute, taken at the
  same point on the same clock for all; a schedule not run within ${graceMs / 60_000} min after
  the minute's end counts as later than that. executions/s: the calls over the time from the
  first to the last (in the spread shape, a system that keeps up runs them as they fall due:
  about ${count(tasks / 60)}/s); "last call after the minute": when the last arrived, after M + 60 s.
  A call made twice for one schedule counts once, and is reported.
- **Systems**, each fresh, one at a time, its worker in a process of its own (a peer's started
  once its schedules are created, before the minute):
  - Meridian: \`meridian serve\` (API and worker in one process) at each \`JOB_QUEUES\` setting,
    \`LOG_LEVEL=warn\`, \`OUTBOUND_ALLOW_PRIVATE=true\` (the receiver is on loopback),
    \`RATE_LIMIT_PER_MINUTE=${context.rateLimitPerMinute}\`, \`DATABASE_POOL_SIZE\` ${context.poolSize},
    ${context.database}. \`default:N\` runs N jobs at once, as the peers' concurrency N.
  - BullMQ on the machine's Redis (its keys under a prefix of the run, removed at the end). A
    Worker taking a scheduler's job first adds the job of the next occurrence, then runs it.
  - pg-boss in a database of its own on ${context.peerDatabase}. Its cron pass runs every
    \`cronMonitorIntervalSeconds\` and files each schedule whose occurrence fell in the last 60 s
    as a job of its internal \`__pgboss__send-it\` queue; one worker of that queue, 50 jobs per
    fetch every \`cronWorkerIntervalSeconds\`, sends each as a job of the schedule's queue. Both
    are set to 1 s, their minimum (the defaults, 30 s and 5 s, start later still): that forwarding,
    about 50 schedules a second per instance, is what bounds its executions/s, not its workers.
- CPU is summed from /proc over each phase, in cores. CPU per execution: a group's CPU time from
  the minute's start to the last call, over the calls that arrived: the worker (Meridian's node
  process, serving the API and running the jobs; a peer's worker process) and the database
  (PostgreSQL's processes; Redis for BullMQ) apart. With \`BENCH_DATABASE_URL\`, PostgreSQL is
  not one of the bench's processes and reads "–".

${renderMeridianTable(rounds, graceMs) || 'No Meridian round in this run.'}

${rounds.map((m) => details(m, context)).join('\n')}

Rerun with \`npm run bench:scheduler\` (\`--tasks N\` or \`BENCH_TASKS\` for the count,
\`BENCH_ROUNDS="default:200 bullmq pg-boss"\` for the rounds in their order, a peer or
else Meridian's \`JOB_QUEUES\`, \`BENCH_PEER_CONCURRENCY=50\` for the peers, \`BENCH_SHAPES="spread instant"\` for the shapes,
\`BENCH_GRACE_MINUTES\` for the wait after the minute, \`BENCH_DATABASE_URL=postgres://...\` to use a
running PostgreSQL); it rewrites this section.`;
}
