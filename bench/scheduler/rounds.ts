// One round of bench/scheduler.ts: one system (Meridian at one JOB_QUEUES setting, BullMQ or
// pg-boss) fresh, a warm-up of schedules due 12 hours ahead, then `tasks` daily schedules due in a
// minute M far enough ahead for their creation to end first, and their calls awaited at the
// receiver until all arrived or M + 60 s + the grace passed. The system is stopped and removed
// before the round returns, whatever happens.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  type AutocannonResult,
  autocannon,
  loadAverage,
  type Meridian,
  meridianDatabaseUrl,
  postmasterPid,
  signup,
  startMeridian,
  stop,
} from '../servers.ts';
import { type CpuSplit, describeCpu, type Group, measureCpu } from './cpu.ts';
import {
  createSchedules,
  openBullmq,
  openPgBoss,
  type PeerName,
  startPeerWorker,
} from './peers.ts';
import { type Arrivals, awaitArrivals, type Receiver, until } from './receiver.ts';
import { describeExecutions, type Executions } from './report.ts';
import type { Shape } from './workload.ts';

export interface RoundSettings {
  dir: string;
  receiver: Receiver;
  tasks: number;
  shape: Shape;
  warmupTasks: number;
  /** Creations in flight at once: autocannon's connections, or a peer's calls. */
  connections: number;
  graceMs: number;
}

/** A round's figures, whatever the system. */
export interface Measured {
  shape: Shape;
  system: string;
  /** What it ran with, for the tables. */
  settings: string;
  concurrency: number;
  loadAverage: string;
  warmupPerSecond: number;
  created: number;
  createdAfterDue: number;
  createdPerSecond: number;
  creationCpu: CpuSplit;
  minute: number;
  arrivals: Arrivals;
  runCpu: CpuSplit;
  /** The groups of `runCpu` that are the system's worker process and its database server. */
  cpuOf: { worker: string; database: string };
  /** What the system holds once the calls are in. */
  state: string;
  /** Meridian's rounds: its JOB_QUEUES, autocannon's latencies, its executions by state. */
  meridian?: { queues: string; createP50: number; createP99: number; executions: Executions[] };
}

const meridianPort = 3904;
const rateLimitPerMinute = 10_000_000;
/** The minute is never further ahead than this, however slow the warm-up was. */
const maxLeadMs = 10 * 60_000;

export const meridianEnv = {
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: `${rateLimitPerMinute}`,
  OUTBOUND_ALLOW_PRIVATE: 'true',
};

const nextMinute = (at: number) => Math.ceil(at / 60_000) * 60_000;
const time = (at: number) => new Date(at).toISOString().slice(11, 19);
const when = (minute: number, shape: Shape) =>
  shape === 'spread'
    ? `from ${time(minute)} to ${time(minute + 59_000)}`
    : `all at ${time(minute)}`;
/** The warm-up's schedules fall due 12 hours ahead: never in the run. */
const warmupMinute = () => nextMinute(Date.now() + 12 * 3_600_000);

/** The minute M: far enough ahead for `tasks` creations at the warm-up's rate, and some. */
function chooseMinute(tasks: number, warmupPerSecond: number): number {
  const lead = Math.min(maxLeadMs, (tasks / warmupPerSecond) * 1_250 + 15_000);
  return nextMinute(Date.now() + lead);
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

type Creation = AutocannonResult & { created: number; createdAfterDue: number };

/** Creates `amount` tasks due in the minute from `minute`, from a second process. */
function createTasks(
  meridian: Meridian,
  token: string,
  settings: RoundSettings,
  amount: number,
  minute: number,
  shape: Shape,
) {
  const options = {
    url: meridian.url,
    token,
    amount,
    connections: settings.connections,
    minute,
    shape,
    receiver: settings.receiver.url,
  };
  // Bounded: a run that outlives the minute measures nothing useful.
  const timeoutMs = Math.max(120_000, minute + 60_000 - Date.now());
  return autocannon<Creation>(
    'POST /v1/tasks',
    ['bench/scheduler/create-tasks.ts', JSON.stringify(options)],
    timeoutMs,
  );
}

/** Meridian at JOB_QUEUES=`queues`: `meridian serve` on a fresh data directory. */
export async function meridianRound(settings: RoundSettings, queues: string): Promise<Measured> {
  const { dir, tasks, shape } = settings;
  console.log(`\nMeridian, JOB_QUEUES=${queues}, ${shape}: starting`);
  const load = loadAverage();
  await rm(path.join(dir, 'data'), { recursive: true, force: true });
  const meridian = await startMeridian(dir, meridianPort, { ...meridianEnv, JOB_QUEUES: queues });
  try {
    const token = await signup(meridian.url);
    const postgres = await postmasterPid(meridian.clusterDir);
    const groups = (): Record<string, Group> => ({
      'meridian (node)': { roots: [meridian.child.pid ?? 0] },
      postgres: { roots: postgres ? [postgres] : [] },
      autocannon: { roots: [process.pid], reaped: true },
      'receiver (this process)': { roots: [process.pid], alone: true },
    });

    console.log(`warm-up: ${settings.warmupTasks} tasks due in 12 hours`);
    const warmup = await createTasks(
      meridian,
      token,
      settings,
      settings.warmupTasks,
      warmupMinute(),
      'spread',
    );
    const warmupPerSecond = warmup.result.created / warmup.result.duration;
    const minute = chooseMinute(tasks, warmupPerSecond);
    console.log(
      `warm-up: ${Math.round(warmupPerSecond)}/s; creating ${tasks} tasks due ` +
        `${when(minute, shape)} (now ${time(Date.now())})`,
    );

    const arrivals = settings.receiver.expect(minute);
    const creationCpu = measureCpu(groups);
    const { result: creation } = await createTasks(meridian, token, settings, tasks, minute, shape);
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

    await until(minute);
    const runCpu = measureCpu(groups);
    await awaitArrivals(arrivals, creation.created, minute + 60_000 + settings.graceMs);
    settings.receiver.seal();
    const runSplit = runCpu.end();
    console.log(`CPU from the minute's start to the last call: ${describeCpu(runSplit)}`);
    const executions = await executionsOf(meridian, minute);
    const state = describeExecutions(executions);
    console.log(`executions in the database: ${state}`);
    return {
      shape,
      system: 'Meridian',
      settings: `\`JOB_QUEUES=${queues}\``,
      concurrency: Number(queues.split(':')[1]) || 0,
      loadAverage: load,
      warmupPerSecond,
      created: creation.created,
      createdAfterDue: creation.createdAfterDue,
      createdPerSecond,
      creationCpu: creationSplit,
      minute,
      arrivals,
      runCpu: runSplit,
      cpuOf: { worker: 'meridian (node)', database: 'postgres' },
      state,
      meridian: {
        queues,
        createP50: creation.latency.p50,
        createP99: creation.latency.p99,
        executions,
      },
    };
  } finally {
    await stop(meridian.child);
  }
}

/** A peer, fresh: its schedules created from this process, its worker in a child process. */
export async function peerRound(
  settings: RoundSettings,
  name: PeerName,
  concurrency: number,
): Promise<Measured> {
  const { dir, tasks, shape, receiver } = settings;
  console.log(`\n${name}, concurrency ${concurrency}, ${shape}: setting up`);
  const load = loadAverage();
  const peer = name === 'bullmq' ? await openBullmq() : await openPgBoss(dir);
  let worker: Awaited<ReturnType<typeof startPeerWorker>> | undefined;
  try {
    const cpuOf = { worker: `${peer.name} worker (node)`, database: peer.server.name };
    const groups = (): Record<string, Group> => ({
      [cpuOf.worker]: { roots: worker?.child.pid ? [worker.child.pid] : [] },
      [cpuOf.database]: { roots: peer.server.pid ? [peer.server.pid] : [] },
      'creation and receiver (this process)': { roots: [process.pid], alone: true },
    });

    console.log(`warm-up: ${settings.warmupTasks} schedules due in 12 hours`);
    const warmup = await createSchedules(
      peer,
      settings.warmupTasks,
      warmupMinute(),
      'spread',
      'warmup',
      settings.connections,
    );
    const warmupPerSecond = warmup.created / warmup.duration;
    const minute = chooseMinute(tasks, warmupPerSecond);
    console.log(
      `warm-up: ${Math.round(warmupPerSecond)}/s; creating ${tasks} schedules due ` +
        `${when(minute, shape)} (now ${time(Date.now())})`,
    );

    const arrivals = receiver.expect(minute);
    const creationCpu = measureCpu(groups);
    const creation = await createSchedules(
      peer,
      tasks,
      minute,
      shape,
      'bench',
      settings.connections,
    );
    const creationSplit = creationCpu.end();
    const createdPerSecond = creation.created / creation.duration;
    console.log(
      `created ${creation.created} in ${creation.duration.toFixed(1)} s: ` +
        `${Math.round(createdPerSecond)}/s; ${describeCpu(creationSplit)}`,
    );
    if (creation.createdAfterDue > 0) {
      console.log(`${creation.createdAfterDue} schedules were created after their due time`);
    }
    // Started once the schedules exist: pg-boss's cron pass reads every schedule each second,
    // and would otherwise take the cores from the creation.
    worker = await startPeerWorker(peer, concurrency, receiver.url);
    console.log(`${peer.name} worker started (now ${time(Date.now())})`);

    await until(minute);
    const runCpu = measureCpu(groups);
    await awaitArrivals(arrivals, creation.created, minute + 60_000 + settings.graceMs);
    settings.receiver.seal();
    const runSplit = runCpu.end();
    console.log(`CPU from the minute's start to the last call: ${describeCpu(runSplit)}`);
    const state = await peer.describeState();
    console.log(`in ${peer.name}: ${state}`);
    return {
      shape,
      system: peer.name,
      settings: peer.settings(concurrency),
      concurrency,
      loadAverage: load,
      warmupPerSecond,
      created: creation.created,
      createdAfterDue: creation.createdAfterDue,
      createdPerSecond,
      creationCpu: creationSplit,
      minute,
      arrivals,
      runCpu: runSplit,
      cpuOf,
      state,
    };
  } finally {
    await worker?.stop();
    await peer.close();
  }
}
