// Inventory's throughput (docs/inventory.md) on one PostgreSQL, in one run: PostgreSQL's own
// ceiling for a locked stock change plus its ledger row (from a child process with `pg`), then
// stock adjustments and 3-line orders through Meridian's HTTP API (autocannon in a child process,
// a new Idempotency-Key per request), each at 10 and 50 connections, over 10,000 items and on 10
// hot ones; Medusa v2's figures beside them, quoted from its anchor. Run:
// `npm run bench:inventory` or `npx meridian bench inventory` (`--json` to print only the figures;
// BENCH_DATABASE_URL=postgres://... to use a running PostgreSQL, in a fresh database; BENCH_SECONDS
// for the length of each HTTP run, default 15). About 4 minutes. Progress on stderr; prints the
// table and rewrites the inventory section of docs/benchmarks.md. To see where an adjustment's
// time goes: BENCH_ONLY=adjustments (those runs only, nothing written) with BENCH_PROFILE_DIR=<dir>,
// then `node bench/cpuprofile.ts <dir>/<file>.cpuprofile --from adjustStock`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadOptions } from './inventory/load.ts';
import {
  type Figure,
  type Results,
  renderAims,
  renderCost,
  renderCpuTable,
  renderSection,
  renderTable,
} from './inventory/report.ts';
import { freshDatabase, openShop, perRequest, readCounters, type Shop } from './inventory/setup.ts';
import { recordSection } from './results.ts';
import { type Group, measureCpu, microsecondsEach } from './scheduler/cpu.ts';
import {
  databaseUrl,
  freshDatabaseLabel,
  loadAverage,
  machine,
  meridianDatabaseUrl,
  postmasterPid,
  revisionOf,
  autocannon as runAutocannon,
  start,
  startMeridian,
  stop,
  withBenchDir,
} from './servers.ts';

const json = process.argv.includes('--json');
/** `adjustments`: only the adjustment runs (to profile them), no table, no section. */
const only = process.env.BENCH_ONLY;
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const ceilingSeconds = 10;
const warmupSeconds = 2;
const items = 10_000;
const hotItems = 10;
const stock = 100_000_000;
const port = 3907;
const meridianEnv = {
  LOG_LEVEL: 'warn',
  // High enough never to refuse: the limiter runs on every request but no 429 skews ops/s.
  RATE_LIMIT_PER_MINUTE: '10000000',
};

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The processes whose CPU each run reads: Meridian's, and its embedded PostgreSQL's. */
let cpuGroups: Record<string, Group> = {};

/** Runs `load`, and adds the CPU each operation cost Meridian and PostgreSQL (µs). */
async function withCpu<F extends { ops: number }>(load: () => Promise<F>) {
  const cpu = measureCpu(() => cpuGroups);
  const figure = await load();
  const split = cpu.end();
  const each = (group: string) => Math.round(microsecondsEach(split, group, figure.ops));
  // A backend that exited during the run (the ceiling's connections) counts in its postmaster's.
  const postgres = each('postgres') + each('postgres, exited');
  const cpuMicroseconds = { meridian: each('meridian'), postgres, load: each('load') };
  return { ...figure, cpuMicroseconds };
}

const describe = (name: string, figure: Figure) =>
  progress(
    `  ${name}: ${Math.round(figure.opsPerSecond)} ops/s, p50 ${figure.p50.toFixed(1)} ms, ` +
      `p99 ${figure.p99.toFixed(1)} ms; CPU per op: Meridian ${figure.cpuMicroseconds.meridian} µs, ` +
      `PostgreSQL ${figure.cpuMicroseconds.postgres} µs, load generator ${figure.cpuMicroseconds.load} µs (load ${loadAverage()})`,
  );

/** PostgreSQL's ceiling over the first `levels` levels, from a child process. */
async function ceiling(
  dir: string,
  database: string,
  shop: Shop,
  levels: number,
  connections: number,
  oneStatement = false,
): Promise<Figure> {
  const logFile = path.join(dir, `ceiling-${levels}-c${connections}-${oneStatement}.log`);
  const options = {
    databaseUrl: database,
    orgId: shop.orgId,
    locationId: shop.locationId,
    itemsFile: shop.itemsFile,
    items: levels,
    connections,
    seconds: ceilingSeconds,
    warmupSeconds,
    oneStatement,
  };
  const figure = await withCpu(async () => {
    const child = start(['bench/inventory/ceiling.ts', JSON.stringify(options)], {}, logFile);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    const output = await readFile(logFile, 'utf8');
    if (code !== 0) throw new Error(`ceiling exited with ${code}:\n${output}`);
    return JSON.parse(output) as Omit<Figure, 'cpuMicroseconds'>;
  });
  describe(
    `ceiling${oneStatement ? ' (one statement)' : ''}, ${levels} levels, c${connections}`,
    figure,
  );
  return figure;
}

/** One HTTP load by autocannon in its own process; refuses a run with a non-2xx answer. */
async function http(
  url: string,
  shop: Shop,
  kind: LoadOptions['kind'],
  levels: number,
  connections: number,
  duration = seconds,
): Promise<Figure> {
  const options: LoadOptions = {
    url,
    ...shop,
    items: levels,
    kind,
    connections,
    seconds: duration,
  };
  const name = `${kind}s, ${levels} items, c${connections}`;
  const figure = await withCpu(async () => {
    const run = await runAutocannon(name, ['bench/inventory/load.ts', JSON.stringify(options)]);
    const ops = run.result.requests.total;
    return { ops, opsPerSecond: ops / run.result.duration, p50: run.p50, p99: run.p99 };
  });
  if (duration === seconds) describe(name, figure);
  return figure;
}

/** The adjustment runs (after a warm-up), and what the c10 run cost the database. */
async function adjust(url: string, shop: Shop, database: string) {
  progress(`HTTP (autocannon in its own process, sharing the cores), ${seconds} s each:`);
  await http(url, shop, 'adjustment', items, 10, 3);
  const before = await readCounters(database);
  const c10 = await http(url, shop, 'adjustment', items, 10);
  const adjustmentCost = perRequest(before, await readCounters(database), c10.ops);
  progress(`  ${renderCost({ adjustmentCost } as Results)}`);
  return {
    adjustments: { c10, c50: await http(url, shop, 'adjustment', items, 50) },
    adjustmentCost,
  };
}

async function measure(dir: string, database: string, url: string): Promise<Results | undefined> {
  progress(`setting up ${items} items…`);
  const shop = await openShop(dir, url, database, items, stock);
  if (only === 'adjustments') {
    await adjust(url, shop, database);
    return undefined;
  }
  progress('PostgreSQL ceiling (child process, pg):');
  const ceilingSpread = {
    c10: await ceiling(dir, database, shop, items, 10),
    c50: await ceiling(dir, database, shop, items, 50),
  };
  const ceilingHot = {
    c10: await ceiling(dir, database, shop, hotItems, 10),
    c50: await ceiling(dir, database, shop, hotItems, 50),
  };
  const ceilingOneStatement = {
    c10: await ceiling(dir, database, shop, items, 10, true),
    c50: await ceiling(dir, database, shop, items, 50, true),
  };
  const { adjustments, adjustmentCost } = await adjust(url, shop, database);
  await http(url, shop, 'order', items, 10, 3);
  const ordersSpread = {
    c10: await http(url, shop, 'order', items, 10),
    c50: await http(url, shop, 'order', items, 50),
  };
  const ordersHot = {
    c10: await http(url, shop, 'order', hotItems, 10),
    c50: await http(url, shop, 'order', hotItems, 50),
  };
  return {
    ceilingSpread,
    ceilingHot,
    ceilingOneStatement,
    adjustments,
    ordersSpread,
    ordersHot,
    adjustmentCost,
  };
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const revision = revisionOf();
  const fresh = databaseUrl ? await freshDatabase(databaseUrl) : undefined;
  let results: Results | undefined;
  try {
    progress('starting Meridian…');
    const meridian = await startMeridian(dir, port, {
      ...meridianEnv,
      ...(fresh ? { DATABASE_URL: fresh.url } : {}),
    });
    const database = fresh?.url ?? (await meridianDatabaseUrl(meridian));
    const postmaster = fresh ? undefined : await postmasterPid(meridian.clusterDir);
    cpuGroups = {
      meridian: { roots: [meridian.child.pid ?? 0], alone: true },
      // The ceiling's process or autocannon's, run to its end by this one.
      load: { roots: [process.pid], reaped: true },
      ...(postmaster
        ? {
            postgres: { roots: [postmaster] },
            'postgres, exited': { roots: [postmaster], reaped: true },
          }
        : {}),
    };
    try {
      results = await measure(dir, database, meridian.url);
    } finally {
      await stop(meridian.child);
    }
  } finally {
    await fresh?.drop();
  }
  if (!results) return;
  if (json) {
    process.stdout.write(`${JSON.stringify({ loadBefore, revision, ...results })}\n`);
  } else {
    console.log(`\n${renderTable(results)}\n\n${renderAims(results).join('\n')}\n`);
    console.log(`${renderCpuTable(results)}\n`);
    console.log(
      'Autocannon and the ceiling process compete with Meridian and PostgreSQL for the cores.',
    );
  }
  await recordSection(
    'inventory',
    renderSection(results, {
      machine: await machine(),
      revision,
      loadBefore,
      database: freshDatabaseLabel,
      seconds,
      ceilingSeconds,
      warmupSeconds,
      env: meridianEnv,
    }),
  );
}

await withBenchDir(main);
