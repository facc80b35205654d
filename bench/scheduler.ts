// The scheduler's figures (issue 5): task creation over HTTP from a second process (`POST
// /v1/tasks`: requests/s, p50/p99), and 50,000 once tasks due in the same minute against a local
// webhook receiver (start lateness p50/p99/max, completion). The same 50,000 creations give both:
// their due times are spread evenly over one minute M, a minute boundary far enough ahead for the
// creation to end first, and its webhook URL carries its due time, so this process (the receiver) computes
// lateness = arrival − due without reading the database.
// Each JOB_QUEUES setting of BENCH_JOB_QUEUES (default "default:10 default:50") is a round with
// a fresh Meridian and cluster. Run: `npm run bench:scheduler` (BENCH_TASKS=N for another count,
// BENCH_DATABASE_URL=postgres://... to skip the embedded PostgreSQL). Prints progress and the
// figures, and rewrites the scheduler section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { recordSection } from './results.ts';
import { type CpuSplit, describeCpu, type Group, measureCpu } from './scheduler/cpu.ts';
import {
  describeExecutions,
  type Executions,
  type Row,
  renderSection,
  renderTable,
} from './scheduler/report.ts';
import {
  type AutocannonResult,
  autocannon,
  databaseUrl,
  loadAverage,
  type Meridian,
  machine,
  meridianDatabaseUrl,
  postmasterPid,
  signup,
  startMeridian,
  stop,
  withBenchDir,
} from './servers.ts';

const tasks = Number(process.env.BENCH_TASKS ?? 50_000);
const configurations = (process.env.BENCH_JOB_QUEUES ?? 'default:10 default:50').split(/\s+/);
const connections = 50;
/** Created first, due a day ahead (never run here): warms the server up and gives a rate. */
const warmupTasks = 2_000;
const meridianPort = 3904;
const receiverPort = 3905;
const rateLimitPerMinute = 10_000_000;
/** After the end of the minute, arrivals are awaited this long at most. */
const arrivalGraceMs = 5 * 60_000;
/** The minute is never further ahead than this, however slow the warm-up was. */
const maxLeadMs = 10 * 60_000;

interface Round {
  queues: string;
  loadAverage: string;
  warmupPerSecond: number;
  creation: AutocannonResult & { created: number; createdAfterDue: number };
  createdPerSecond: number;
  creationCpu: CpuSplit;
  minute: number;
  arrivals: Arrivals;
  runCpu: CpuSplit;
  executions: Executions[];
}

async function executionsOf(meridian: Meridian, minute: number): Promise<Executions[]> {
  const client = new pg.Client(await meridianDatabaseUrl(meridian));
  await client.connect();
  try {
    const { rows } = await client.query<Executions>(
      `SELECT e.state, e.attempts, count(*)::int AS count,
              count(*) FILTER (WHERE j.attempt > e.attempts)::int AS reclaimed,
              min(e.last_error) AS error
         FROM scheduler_executions e LEFT JOIN jobs j ON j.id = e.job_id
        WHERE e.scheduled_for >= $1 AND e.scheduled_for < $2
        GROUP BY e.state, e.attempts ORDER BY e.state, e.attempts`,
      [new Date(minute), new Date(minute + 60_000)],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** What the receiver saw of the minute's calls. */
interface Arrivals {
  count: number;
  /** Arrival − due, ms, one per call in the minute. */
  lateness: number[];
  duplicates: number;
  first: number;
  last: number;
}

/** The webhook receiver: answers 200, and records each call of the minute it is told about. */
function startReceiver() {
  let minute = 0;
  let arrivals: Arrivals = { count: 0, lateness: [], duplicates: 0, first: 0, last: 0 };
  let seen = new Set<string>();
  const server = http.createServer((request, response) => {
    const now = Date.now();
    const due = Number(request.url?.match(/^\/due\/(\d+)$/)?.[1]);
    if (due >= minute && due < minute + 60_000) {
      const key = String(request.headers['idempotency-key']);
      if (seen.has(key)) arrivals.duplicates++;
      else {
        seen.add(key);
        arrivals.count++;
        arrivals.lateness.push(now - due);
        arrivals.first ||= now;
        arrivals.last = now;
      }
    }
    request.resume();
    request.on('end', () => response.end());
  });
  return {
    listen: () =>
      new Promise<void>((resolve) => server.listen(receiverPort, '127.0.0.1', () => resolve())),
    /** Starts recording the calls due in the minute from `start`; returns what it records. */
    expect(start: number): Arrivals {
      minute = start;
      seen = new Set();
      arrivals = { count: 0, lateness: [], duplicates: 0, first: 0, last: 0 };
      return arrivals;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

type Receiver = ReturnType<typeof startReceiver>;

const nextMinute = (at: number) => Math.ceil(at / 60_000) * 60_000;
const time = (at: number) => new Date(at).toISOString().slice(11, 19);

/** Creates `amount` tasks due in the minute from `minute`, from a second process. */
function createTasks(meridian: Meridian, token: string, amount: number, minute: number) {
  const options = {
    url: meridian.url,
    token,
    amount,
    connections,
    minute,
    receiver: `http://127.0.0.1:${receiverPort}`,
  };
  // Bounded: a run that outlives the minute measures nothing useful.
  const timeoutMs = Math.max(120_000, minute + 60_000 - Date.now());
  return autocannon<Round['creation']>(
    'POST /v1/tasks',
    ['bench/scheduler/create-tasks.ts', JSON.stringify(options)],
    timeoutMs,
  );
}

async function round(dir: string, queues: string, receiver: Receiver): Promise<Round> {
  console.log(`\nJOB_QUEUES=${queues}: starting Meridian`);
  const load = loadAverage();
  await rm(path.join(dir, 'data'), { recursive: true, force: true });
  const meridian = await startMeridian(dir, meridianPort, {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: `${rateLimitPerMinute}`,
    OUTBOUND_ALLOW_PRIVATE: 'true',
    JOB_QUEUES: queues,
  });
  try {
    const token = await signup(meridian.url);
    const postgres = await postmasterPid(meridian.clusterDir);
    const groups = (): Record<string, Group> => ({
      'meridian (node)': { roots: [meridian.child.pid ?? 0] },
      postgres: { roots: postgres ? [postgres] : [] },
      autocannon: { roots: [process.pid], reaped: true },
      'receiver (this process)': { roots: [process.pid], alone: true },
    });

    console.log(`warm-up: ${warmupTasks} tasks due tomorrow`);
    const warmup = await createTasks(
      meridian,
      token,
      warmupTasks,
      nextMinute(Date.now() + 86_400_000),
    );
    const warmupPerSecond = warmup.result.created / warmup.result.duration;
    const lead = Math.min(maxLeadMs, (tasks / warmupPerSecond) * 1_250 + 15_000);
    const minute = nextMinute(Date.now() + lead);
    console.log(
      `warm-up: ${Math.round(warmupPerSecond)}/s; creating ${tasks} tasks due from ` +
        `${time(minute)} to ${time(minute + 59_999)} (now ${time(Date.now())})`,
    );

    const arrivals = receiver.expect(minute);
    const creationCpu = measureCpu(groups);
    const { result: creation } = await createTasks(meridian, token, tasks, minute);
    const creationSplit = creationCpu.end();
    const createdPerSecond = creation.created / creation.duration;
    console.log(
      `created ${creation.created} in ${creation.duration.toFixed(1)} s: ` +
        `${Math.round(createdPerSecond)}/s, p50 ${creation.latency.p50} ms, ` +
        `p99 ${creation.latency.p99} ms; ${describeCpu(creationSplit)}`,
    );
    if (creation.createdAfterDue > 0) {
      console.log(`${creation.createdAfterDue} tasks were created after their due time`);
    }

    // Waits for the minute, then for the calls: until all arrived, or the grace is over.
    while (Date.now() < minute) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, minute - Date.now())));
    }
    const runCpu = measureCpu(groups);
    const deadline = minute + 60_000 + arrivalGraceMs;
    while (arrivals.count < creation.created && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (Math.round((Date.now() - minute) / 1_000) % 5 === 0) {
        const latest = arrivals.lateness.at(-1);
        console.log(
          `  ${time(Date.now())}: ${arrivals.count}/${creation.created} calls arrived` +
            (latest === undefined ? '' : `, the latest ${latest} ms after its due time`),
        );
      }
    }
    const runSplit = runCpu.end();
    console.log(`CPU from the minute's start to the last call: ${describeCpu(runSplit)}`);
    if (arrivals.count < creation.created) {
      console.log(`gave up waiting: ${arrivals.count} of ${creation.created} calls arrived`);
    }
    const executions = await executionsOf(meridian, minute);
    console.log(`executions in the database: ${describeExecutions(executions)}`);
    return {
      executions,
      queues,
      loadAverage: load,
      warmupPerSecond,
      creation,
      createdPerSecond,
      creationCpu: creationSplit,
      minute,
      arrivals,
      runCpu: runSplit,
    };
  } finally {
    await stop(meridian.child);
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function figures(rounds: Round[]): Row[] {
  return rounds.map((r) => {
    const sorted = [...r.arrivals.lateness].sort((a, b) => a - b);
    const { created } = r.creation;
    return {
      queues: r.queues,
      loadAverage: r.loadAverage,
      warmupPerSecond: r.warmupPerSecond,
      created,
      createdAfterDue: r.creation.createdAfterDue,
      createdPerSecond: r.createdPerSecond,
      createP50: r.creation.latency.p50,
      createP99: r.creation.latency.p99,
      creationCpu: r.creationCpu,
      arrived: r.arrivals.count,
      duplicates: r.arrivals.duplicates,
      missing: created - r.arrivals.count,
      lateP50: percentile(sorted, 50),
      lateP99: percentile(sorted, 99),
      lateMax: sorted.at(-1) ?? Number.NaN,
      completion: r.arrivals.last ? (r.arrivals.last - (r.minute + 60_000)) / 1_000 : Number.NaN,
      callsPerSecond:
        r.arrivals.count / Math.max(0.001, (r.arrivals.last - r.arrivals.first) / 1_000),
      runCpu: r.runCpu,
      executions: r.executions,
    };
  });
}

/** The commit Meridian runs from, and whether src/ had changes on top when the run began. */
function revisionOf(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'src') !== '';
    return `\`${git('rev-parse', '--short', 'HEAD')}\`${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown';
  }
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const revision = revisionOf();
  const receiver = startReceiver();
  await receiver.listen();
  const rounds: Round[] = [];
  try {
    for (const queues of configurations) rounds.push(await round(dir, queues, receiver));
  } finally {
    await receiver.close();
  }
  const rows = figures(rounds);
  console.log(`\n${renderTable(rows)}\n`);
  const section = renderSection(rows, {
    machine: await machine(),
    revision,
    loadBefore,
    tasks,
    connections,
    warmupTasks,
    rateLimitPerMinute,
    poolSize: process.env.DATABASE_POOL_SIZE ?? '10 (default)',
    database: databaseUrl ? 'the PostgreSQL of BENCH_DATABASE_URL' : 'its embedded PostgreSQL',
    arrivalGraceMs,
  });
  await recordSection('scheduler', section);
}

await withBenchDir(main);
