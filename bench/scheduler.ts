// The scheduler's figures (issue 5, and the peers issue): 50,000 recurring schedules due in one
// minute, in Meridian (tasks over HTTP, `POST /v1/tasks`: requests/s, p50/p99) and, beside it, as
// BullMQ job schedulers (`upsertJobScheduler`) and pg-boss schedules (`schedule`): for each, start
// lateness p50/p99/max and executions/s, every execution the same POST to a webhook receiver in
// this process, whose path carries the due time (lateness = arrival − due, no store read).
// Rounds, one at a time, each with a fresh system, in the order of BENCH_ROUNDS (default
// "default:200 bullmq pg-boss", Meridian at its default): a peer's name, or else a JOB_QUEUES setting for
// Meridian; the peers at BENCH_PEER_CONCURRENCY (default 50), in a child process; all of them for
// each shape of BENCH_SHAPES (default "spread"; bench/scheduler/workload.ts). Run:
// `npm run bench:scheduler` (`--tasks N` or BENCH_TASKS for another count, BENCH_GRACE_MINUTES
// for the wait after the minute, BENCH_DATABASE_URL=postgres://... to skip the embedded
// PostgreSQL). Prints progress and the figures, and rewrites the scheduler section of
// docs/benchmarks.md after every round.
import { parseArgs } from 'node:util';
import { ensureRedis, packageVersion } from './jobs/harness.ts';
import { recordSection } from './results.ts';
import { killPeerWorkers, type PeerName, peerNames } from './scheduler/peers.ts';
import { startReceiver } from './scheduler/receiver.ts';
import {
  type Context,
  renderComparison,
  renderMeridianTable,
  renderRatios,
  renderSection,
  renderVerdicts,
} from './scheduler/report.ts';
import {
  type Measured,
  meridianEnv,
  meridianRound,
  peerRound,
  type RoundSettings,
} from './scheduler/rounds.ts';
import { isShape } from './scheduler/workload.ts';
import { databaseUrl, loadAverage, machine, revisionOf, root, withBenchDir } from './servers.ts';

const { values: flags } = parseArgs({ options: { tasks: { type: 'string' } } });
const tasks = Number(flags.tasks ?? process.env.BENCH_TASKS ?? 50_000);
const words = (value: string) => value.split(/\s+/).filter(Boolean);
const order = words(process.env.BENCH_ROUNDS ?? `default:200 ${peerNames.join(' ')}`);
const isPeer = (entry: string): entry is PeerName =>
  (peerNames as readonly string[]).includes(entry);
const peerConcurrency = Number(process.env.BENCH_PEER_CONCURRENCY ?? 50);
const shapes = words(process.env.BENCH_SHAPES ?? 'spread');
/** After the end of the minute, calls are awaited this long at most. */
const graceMs = Number(process.env.BENCH_GRACE_MINUTES ?? 3) * 60_000;
/** Creations in flight at once (autocannon's connections for Meridian). */
const connections = 50;
/** Created first, due 12 hours ahead (never run here): warm the system up and give a rate. */
const warmupTasks = 2_000;

for (const entry of order) {
  if (!isPeer(entry) && !entry.includes(':')) {
    throw new Error(
      `BENCH_ROUNDS: ${entry} is neither a peer (${peerNames.join(', ')}) nor JOB_QUEUES`,
    );
  }
}
for (const shape of shapes) {
  if (!isShape(shape)) throw new Error(`BENCH_SHAPES: ${shape} is not spread or instant`);
}
if (!(tasks > 0) || !(graceMs > 0) || !(peerConcurrency > 0)) {
  throw new Error('--tasks, BENCH_GRACE_MINUTES and BENCH_PEER_CONCURRENCY must be positive');
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const revision = revisionOf();
  const redis = order.includes('bullmq') ? await ensureRedis(console.log) : {};
  if ('note' in redis && redis.note) throw new Error(redis.note);
  const versions = await Promise.all(
    ['bullmq', 'pg-boss'].map(async (name) => `${name} ${await packageVersion(root, name)}`),
  );
  const context: Context = {
    machine: await machine(),
    versions: `${versions.join(', ')}, Redis ${redis.version ?? 'not used'}`,
    revision,
    loadBefore,
    tasks,
    connections,
    warmupTasks,
    rateLimitPerMinute: meridianEnv.RATE_LIMIT_PER_MINUTE,
    poolSize: process.env.DATABASE_POOL_SIZE ?? '10 (default)',
    database: databaseUrl ? 'the PostgreSQL of BENCH_DATABASE_URL' : 'its embedded PostgreSQL',
    peerDatabase: databaseUrl
      ? 'the PostgreSQL of BENCH_DATABASE_URL'
      : 'a fresh embedded PostgreSQL started as Meridian starts its own (same binaries and settings)',
    graceMs,
  };
  const receiver = startReceiver(3905);
  await receiver.listen();
  const rounds: Measured[] = [];
  // Written after every round, so a run cut short still leaves the rounds it finished.
  const record = async (round: Measured) => {
    rounds.push(round);
    await recordSection('scheduler', renderSection(rounds, context));
  };
  try {
    for (const shape of shapes) {
      if (!isShape(shape)) continue;
      const settings: RoundSettings = {
        dir,
        receiver,
        tasks,
        shape,
        warmupTasks,
        connections,
        graceMs,
      };
      for (const entry of order) {
        await record(
          isPeer(entry)
            ? await peerRound(settings, entry, peerConcurrency)
            : await meridianRound(settings, entry),
        );
      }
    }
  } finally {
    killPeerWorkers();
    await receiver.close();
    redis.stop?.();
  }
  console.log(`\n${renderComparison(rounds, graceMs)}\n`);
  const ratios = renderRatios(rounds, graceMs);
  if (ratios) console.log(`${ratios}\n`);
  for (const verdict of renderVerdicts(rounds, graceMs)) console.log(verdict);
  const meridianTable = renderMeridianTable(rounds, graceMs);
  if (meridianTable) console.log(`\n${meridianTable}\n`);
}

await withBenchDir(main);
