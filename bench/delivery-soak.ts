// The delivery soak (issue 14): a fleet of certificates of 10 minutes delivered for 30 minutes by
// two Meridians on one database, 10 % of the nodes flapping and one Meridian SIGKILLed a third of
// the way in (started again a minute later). The aim: no node ever runs an expired certificate.
// Measured: per renewal, the time left on the certificate it replaced (steady and flapping nodes
// apart), expired nodes as the nodes saw them (the simulator's records) and as Meridian did
// (the database sampled), and how renewals spread over the seconds. Run:
// `npm run bench:delivery-soak` (`--json` for the figures only). BENCH_NODES (20,000),
// BENCH_LIFETIME_MINUTES (10), BENCH_SOAK_MINUTES (30), BENCH_FLAPPING (0.1, the share of nodes
// flapping), BENCH_FLAP_SECONDS (down this long, then up as long; default a tenth of the
// lifetime), BENCH_RESTART_SECONDS (60, from the kill to the restart), BENCH_DATABASE_URL.
// Progress on stderr every 30 s; prints the tables and rewrites the "Delivery soak" section of
// docs/benchmarks.md. A smoke run: BENCH_NODES=500 BENCH_LIFETIME_MINUTES=2 BENCH_SOAK_MINUTES=3.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '../src/platform/db/embedded.ts';
import type { NodeRecord, SimulatorSummary } from '../test/node-simulator.ts';
import {
  createOrganisation,
  createServices,
  type Fleet,
  insertNodes,
  releaseNodes,
} from './delivery/fleet.ts';
import type { SimulatorProcessOptions } from './delivery/simulator-process.ts';
import { soakFigures } from './delivery/soak-figures.ts';
import { renderSection, renderTable, type SoakResults } from './delivery/soak-report.ts';
import { type FleetSample, fleetWatch, sampleFleet } from './delivery/soak-watch.ts';
import { freshDatabase } from './inventory/setup.ts';
import { recordSection } from './results.ts';
import { describeCpu, measureCpu } from './scheduler/cpu.ts';
import {
  databaseUrl,
  freshDatabaseLabel,
  loadAverage,
  type Meridian,
  machine,
  meridianDatabaseUrl,
  postmasterPid,
  revisionOf,
  start,
  startMeridian,
  stop,
  waitUntilUp,
  withBenchDir,
} from './servers.ts';
import { progress } from './social/measures.ts';

const json = process.argv.includes('--json');
const nodes = Number(process.env.BENCH_NODES ?? 20_000);
const lifetimeMinutes = Number(process.env.BENCH_LIFETIME_MINUTES ?? 10);
const soakMinutes = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const flappingFraction = Number(process.env.BENCH_FLAPPING ?? 0.1);
/**
 * A tenth of the lifetime (a minute at 10 minutes), as long as the danger span: a node down when
 * its renewal falls due is up again, for as long, long before its danger point; one still not
 * renewed there may be down for most of that span, but never all of it.
 */
const flapSeconds = Number(process.env.BENCH_FLAP_SECONDS ?? lifetimeMinutes * 6);
const restartSeconds = Number(process.env.BENCH_RESTART_SECONDS ?? 60);
/** The most a service allows in flight. */
const concurrency = 64;
const sampleSeconds = 5;
const progressSeconds = 30;
// Free ports, not fixed ones: another benchmark on the machine must not answer for ours.
const [firstPort, secondPort, simulatorPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
];

let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined;

/** What both Meridians are started with: one database, one server secret. */
function meridianEnv(secret: string): Record<string, string> {
  return {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    OUTBOUND_ALLOW_PRIVATE: 'true',
    DELIVERY_KEY_SECRET: secret,
    ...(fresh ? { DATABASE_URL: fresh.url } : {}),
  };
}

/** The second Meridian, a worker on the first's database, with its log in a directory of its own. */
async function startSecond(dir: string, env: Record<string, string>): Promise<Meridian> {
  await mkdir(dir, { recursive: true });
  return startMeridian(dir, secondPort, env);
}

/** The simulator with the fleet's flapping share, its CA read from the first Meridian. */
async function startSimulator(dir: string, meridianUrl: string, org: Omit<Fleet, 'serviceIds'>) {
  const logFile = path.join(dir, 'simulator.log');
  const options: SimulatorProcessOptions = {
    port: simulatorPort,
    authority: { meridianUrl, orgId: org.orgId, token: org.token },
    behaviours: [
      {
        fraction: flappingFraction,
        behaviour: { downMs: flapSeconds * 1000, upMs: flapSeconds * 1000 },
        salt: 'flapping',
      },
    ],
  };
  const child = start(
    ['bench/delivery/simulator-process.ts', JSON.stringify(options)],
    {},
    logFile,
  );
  const url = `http://127.0.0.1:${simulatorPort}`;
  await waitUntilUp(`${url}/summary`, child, logFile);
  return { child, url };
}

const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

function describeSample(elapsed: number, sample: FleetSample, summary: SimulatorSummary): string {
  const renewals = summary.acknowledged - summary.nodesAcknowledged;
  return (
    `  ${elapsed.toFixed(0)} s: ${sample.holding} holding a certificate, ${sample.expired} expired, ` +
    `${sample.danger} in danger, ${sample.inFlight} in flight, ${sample.waiting} waiting ` +
    `(longest ${sample.longestWait.toFixed(1)} s); ${renewals} renewals, ${summary.failed} failed pushes`
  );
}

/** Two Meridians on one database, the simulator, the service and its nodes (not due yet). */
async function startFleet(dir: string) {
  const env = meridianEnv(randomBytes(32).toString('base64'));
  const first = await startMeridian(dir, firstPort, env);
  const database = fresh?.url ?? (await meridianDatabaseUrl(first));
  const secondEnv = { ...env, DATABASE_URL: database };
  const second = await startSecond(path.join(dir, 'second'), secondEnv);
  const org = await createOrganisation(first.url);
  const simulator = await startSimulator(dir, first.url, org);
  const serviceIds = await createServices(
    first.url,
    org,
    1,
    concurrency,
    `${simulator.url}/nodes/{node}`,
    lifetimeMinutes,
  );
  progress(`inserting ${nodes.toLocaleString('en')} nodes by SQL…`);
  await insertNodes(database, serviceIds, nodes);
  return { first, second, secondEnv, simulator, database, serviceIds };
}

type SoakFleet = Awaited<ReturnType<typeof startFleet>>;

/**
 * The second Meridian's fate: SIGKILLed once `killAt` seconds have passed, started again
 * `restartSeconds` later (as a supervisor would), each when `step` is called past its time.
 */
function killSchedule(dir: string, fleet: SoakFleet, killAt: number) {
  const times: { killedAfter?: number; restartedAfter?: number } = {};
  return {
    times,
    async step(elapsed: () => number) {
      if (times.killedAfter === undefined && elapsed() >= killAt) {
        const exited = new Promise((resolve) => fleet.second.child.once('exit', resolve));
        fleet.second.child.kill('SIGKILL');
        await exited; // its port free for its successor
        times.killedAfter = elapsed();
        progress(`  ${elapsed().toFixed(0)} s: the second Meridian killed (SIGKILL)`);
      } else if (
        times.killedAfter !== undefined &&
        times.restartedAfter === undefined &&
        elapsed() >= times.killedAfter + restartSeconds
      ) {
        fleet.second = await startSecond(path.join(dir, 'second-restarted'), fleet.secondEnv);
        times.restartedAfter = elapsed();
        progress(`  ${elapsed().toFixed(0)} s: the second Meridian started again`);
      }
    },
  };
}

/** Runs the soak; the figures. */
async function soak(dir: string): Promise<SoakResults> {
  const fleet = await startFleet(dir);
  const { first, simulator, database, serviceIds } = fleet;
  const postmaster = fresh ? undefined : await postmasterPid(first.clusterDir);
  const cpu = measureCpu(() => ({
    'meridian 1': { roots: [first.child.pid ?? 0], alone: true },
    // Read at the start and the end: the restarted process, from its start.
    'meridian 2': { roots: [fleet.second.child.pid ?? 0], alone: true },
    simulator: { roots: [simulator.child.pid ?? 0], alone: true },
    ...(postmaster ? { postgres: { roots: [postmaster] } } : {}),
  }));
  const client = new pg.Client(database);
  await client.connect();
  const watch = fleetWatch();
  const killAt = (soakMinutes * 60) / 3;
  const kill = killSchedule(dir, fleet, killAt);
  progress(
    `soaking for ${soakMinutes} min: certificates of ${lifetimeMinutes} min, ${flappingFraction * 100} % of the nodes flapping (${flapSeconds} s down, ${flapSeconds} s up), the second Meridian killed after ${killAt.toFixed(0)} s and started again ${restartSeconds} s later…`,
  );
  const releasedAt = Date.now();
  const elapsed = () => (Date.now() - releasedAt) / 1000;
  await releaseNodes(database, serviceIds);
  let printed = 0;
  try {
    while (elapsed() < soakMinutes * 60) {
      const sample = await sampleFleet(client, serviceIds, watch);
      await kill.step(elapsed);
      if (elapsed() - printed >= progressSeconds) {
        printed = elapsed();
        const summary = await getJson<SimulatorSummary>(`${simulator.url}/summary`);
        progress(describeSample(elapsed(), sample, summary));
      }
      await sleep(Math.max(0, Math.min(sampleSeconds, soakMinutes * 60 - elapsed())) * 1000);
    }
    const endedAt = Date.now();
    const split = cpu.end();
    progress(`  ended; ${describeCpu(split)}; reading the simulator's records…`);
    const records = await getJson<NodeRecord[]>(`${simulator.url}/nodes`);
    return {
      nodes,
      lifetimeMinutes,
      soakMinutes,
      concurrency,
      flapping: { fraction: flappingFraction, periodSeconds: flapSeconds },
      ...kill.times,
      restartSeconds,
      sampleSeconds,
      nodesView: soakFigures(records, releasedAt, endedAt),
      meridianView: { ...watch, expiredNodes: watch.expiredNodes.size },
      cpu: { machineCores: split.machineCores, groups: split.groups },
    };
  } finally {
    await client.end();
    await stop(simulator.child);
    await stop(fleet.second.child);
    await stop(first.child);
  }
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const revision = revisionOf();
  fresh = databaseUrl ? await freshDatabase(databaseUrl, 'delivery_soak') : undefined;
  let results: SoakResults;
  try {
    results = await soak(dir);
  } finally {
    await fresh?.drop();
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ loadBefore, revision, ...results })}\n`);
  } else {
    console.log(`\n${renderTable(results)}\n`);
  }
  await recordSection(
    'delivery-soak',
    renderSection(results, {
      machine: await machine(),
      revision,
      loadBefore,
      database: freshDatabaseLabel,
    }),
  );
}

await withBenchDir(main);
