// The delivery benchmark (issue 14): certificate deliveries a second — a leaf issued, pushed,
// checked and acknowledged by the node, the outcome recorded — until every node of a fleet is
// acknowledged, with the CPU each costs Meridian, PostgreSQL and the node simulator (its own
// process, bench/delivery/simulator-process.ts); beside it, the machine's raw ECDSA P-256
// signing rate, the module's own leaf rate (one core) and bare Fastify's request rate, as
// ratios; and what PostgreSQL spent its time on (pg_stat_activity sampled). Meridian runs as
// `meridian serve` (its embedded PostgreSQL, or a fresh database on BENCH_DATABASE_URL). Run:
// `npm run bench:delivery` or `npx meridian bench delivery` (`--json` for the figures only).
// BENCH_NODES (default 100,000, the fleet),
// BENCH_SERVICES (1) sharing them, BENCH_TIMEOUT_SECONDS (600) for the deliveries,
// BENCH_SECONDS (5) per rate beside. Progress on stderr; prints the table and rewrites the
// "Delivery" section of docs/benchmarks.md. A smoke run: BENCH_NODES=5000 BENCH_SECONDS=2.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '../src/platform/db/embedded.ts';
import type { SimulatorSummary } from '../test/node-simulator.ts';
import { measureCrypto } from './delivery/crypto.ts';
import {
  acknowledgedNodes,
  createOrganisation,
  createServices,
  insertNodes,
  releaseNodes,
} from './delivery/fleet.ts';
import { type DeliveryResults, renderSection, renderTable } from './delivery/report.ts';
import { sampleStatements } from './delivery/statements.ts';
import { freshDatabase } from './inventory/setup.ts';
import { recordSection } from './results.ts';
import { describeCpu, measureCpu, microsecondsEach } from './scheduler/cpu.ts';
import {
  databaseUrl,
  freshDatabaseLabel,
  loadAverage,
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
import { bareFastify, progress } from './social/measures.ts';

const json = process.argv.includes('--json');
const nodes = Number(process.env.BENCH_NODES ?? 100_000);
const services = Number(process.env.BENCH_SERVICES ?? 1);
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** The most a service allows in flight. */
const concurrency = 64;
// Free ports, not fixed ones: another process on the machine must not answer for ours.
const [port, simulatorPort, barePort] = [await freePort(), await freePort(), await freePort()];

async function summaryOf(simulatorUrl: string): Promise<SimulatorSummary> {
  return (await (await fetch(`${simulatorUrl}/summary`)).json()) as SimulatorSummary;
}

/** Delivers to the fleet until every node is acknowledged (or the timeout); the figures. */
async function deliverFleet(dir: string) {
  const meridian = await startMeridian(dir, port, {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    OUTBOUND_ALLOW_PRIVATE: 'true',
    DELIVERY_KEY_SECRET: randomBytes(32).toString('base64'),
    ...(fresh ? { DATABASE_URL: fresh.url } : {}),
  });
  const simulatorLog = path.join(dir, 'simulator.log');
  let simulator: ReturnType<typeof start> | undefined;
  try {
    const database = fresh?.url ?? (await meridianDatabaseUrl(meridian));
    const org = await createOrganisation(meridian.url);
    const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
    simulator = start(
      [
        'bench/delivery/simulator-process.ts',
        JSON.stringify({ port: simulatorPort, authority: { meridianUrl: meridian.url, ...org } }),
      ],
      {},
      simulatorLog,
    );
    await waitUntilUp(`${simulatorUrl}/summary`, simulator, simulatorLog);
    const serviceIds = await createServices(
      meridian.url,
      org,
      services,
      concurrency,
      `${simulatorUrl}/nodes/{node}`,
    );
    progress(`inserting ${nodes.toLocaleString('en')} nodes in ${services} service(s) by SQL…`);
    await insertNodes(database, serviceIds, nodes);
    const postmaster = fresh ? undefined : await postmasterPid(meridian.clusterDir);
    const groups = {
      meridian: { roots: [meridian.child.pid ?? 0], alone: true },
      simulator: { roots: [simulator.pid ?? 0], alone: true },
      ...(postmaster ? { postgres: { roots: [postmaster] } } : {}),
    };
    const client = new pg.Client(database);
    await client.connect();
    const sampler = await sampleStatements(database);
    const cpu = measureCpu(() => groups);
    progress('delivering…');
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    await releaseNodes(database, serviceIds);
    const marks: { tenth?: number; ninetieth?: number } = {};
    let recorded = 0;
    let printed = 0;
    while (elapsed() < timeoutSeconds) {
      await sleep(500);
      const summary = await summaryOf(simulatorUrl);
      const acked = summary.nodesAcknowledged;
      if (acked >= nodes * 0.1) marks.tenth ??= elapsed();
      if (acked >= nodes * 0.9) marks.ninetieth ??= elapsed();
      if (acked >= nodes) {
        recorded = await acknowledgedNodes(client, serviceIds);
        if (recorded >= nodes) break;
      }
      if (elapsed() - printed >= 10) {
        printed = elapsed();
        progress(
          `  ${elapsed().toFixed(0)} s: ${acked} nodes acknowledged (${summary.pushes} pushes, ${summary.refused} refused, ${summary.failed} failed)`,
        );
      }
    }
    const seconds = elapsed();
    const split = cpu.end();
    const statements = await sampler.stop();
    recorded = await acknowledgedNodes(client, serviceIds);
    await client.end();
    const summary = await summaryOf(simulatorUrl);
    progress(`  ${recorded} recorded in ${seconds.toFixed(1)} s; ${describeCpu(split)}`);
    const each = (group: string) => microsecondsEach(split, group, summary.acknowledged);
    return {
      recorded,
      seconds,
      perSecond: recorded / seconds,
      steadyPerSecond:
        marks.tenth !== undefined && marks.ninetieth !== undefined
          ? (0.8 * nodes) / (marks.ninetieth - marks.tenth)
          : Number.NaN,
      simulator: summary,
      cpu: {
        meridian: each('meridian'),
        postgres: postmaster ? each('postgres') : Number.NaN,
        simulator: each('simulator'),
        machineCores: split.machineCores,
      },
      statements: statements.slice(0, 8),
    };
  } finally {
    if (simulator) await stop(simulator);
    await stop(meridian.child);
  }
}

let fresh: Awaited<ReturnType<typeof freshDatabase>> | undefined;

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const revision = revisionOf();
  fresh = databaseUrl ? await freshDatabase(databaseUrl, 'delivery') : undefined;
  let results: DeliveryResults;
  try {
    const deliveries = await deliverFleet(dir);
    progress(`signing on one core, ${seconds} s each…`);
    const crypto = await measureCrypto(seconds);
    progress(
      `  ${Math.round(crypto.signatures)} signatures/s, ${Math.round(crypto.keyPairs)} key pairs/s, ${Math.round(crypto.leaves)} leaves/s`,
    );
    progress('bare Fastify:');
    const bare = await bareFastify(dir, barePort, seconds);
    results = { nodes, services, concurrency, deliveries, crypto, bare };
  } finally {
    await fresh?.drop();
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ loadBefore, revision, ...results })}\n`);
  } else {
    console.log(`\n${renderTable(results)}\n`);
  }
  await recordSection(
    'delivery',
    renderSection(results, {
      machine: await machine(),
      revision,
      loadBefore,
      database: freshDatabaseLabel,
      seconds,
    }),
  );
}

await withBenchDir(main);
