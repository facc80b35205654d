// Inventory reports at scale (brief 001): 1,000,000 ledger rows over 365 days (500 items, 10
// categories, 4 locations: 2,000 levels) written by one INSERT … SELECT generate_series straight
// into a fresh Meridian's database; the snapshot catch-up timed, then one incremental run, the
// reconcile, and each report over 90 days (group_by=item, and the daily series by category too)
// over HTTP, BENCH_RUNS times one after another: p50/p99. Run: `npm run bench:inventory-reports` (BENCH_DATABASE_URL=postgres://... for a
// running PostgreSQL, BENCH_LEDGER_ROWS for another size). Prints the figures and rewrites the
// inventory-reports section of docs/benchmarks.md.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pino from 'pino';
import { reconcile } from '../src/inventory/reconcile.ts';
import { reports } from '../src/inventory/reports.ts';
import { refreshSnapshots } from '../src/inventory/snapshots.ts';
import { connectDatabase } from '../src/platform/db/database.ts';
import { percentile, recordSection } from './results.ts';
import {
  loadAverage,
  machine,
  meridianDatabaseUrl,
  signup,
  startMeridian,
  withBenchDir,
} from './servers.ts';

const ledgerRows = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 50);
const port = 3911;
const dayMs = 86_400_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const meridian = await startMeridian(dir, port, { LOG_LEVEL: 'warn' });
  const token = await signup(meridian.url);
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const org = await fetch(`${meridian.url}/v1/orgs`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name: 'Bench shop' }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const database = connectDatabase(await meridianDatabaseUrl(meridian), 2, pino({ level: 'warn' }));
  const { db } = database;
  const now = new Date();
  const start = new Date(now.getTime() - 365 * dayMs);

  const [, loadMs] = await timed(async () => {
    await sql`
      INSERT INTO inventory_categories (id, org_id, name)
      SELECT gen_random_uuid(), ${org.id}, 'Category ' || n FROM generate_series(1, 10) n`.execute(
      db,
    );
    await sql`
      INSERT INTO inventory_items (id, org_id, sku, name, category_id)
      SELECT gen_random_uuid(), ${org.id}, 'SKU-' || n, 'Item ' || n,
             (SELECT id FROM inventory_categories WHERE org_id = ${org.id}
               ORDER BY name OFFSET n % 10 LIMIT 1)
        FROM generate_series(1, 500) n`.execute(db);
    await sql`
      INSERT INTO inventory_locations (id, org_id, name)
      SELECT gen_random_uuid(), ${org.id}, 'Location ' || n FROM generate_series(1, 4) n`.execute(
      db,
    );
    // Row n: level n % 2000, its visit k = n / 2000, time spread evenly over the year; every
    // 10th visit of a level a receipt of 50 at a cost, the others sales of 1-3 (so on hand grows
    // and never goes below 0).
    await sql`
      WITH items AS (SELECT array_agg(id ORDER BY sku) AS ids FROM inventory_items
                      WHERE org_id = ${org.id}),
           locations AS (SELECT array_agg(id ORDER BY name) AS ids FROM inventory_locations
                          WHERE org_id = ${org.id})
      INSERT INTO inventory_ledger (org_id, item_id, location_id, state, delta, quantity_after,
                                    reason, unit_cost, operation_id, created_at)
      SELECT ${org.id}, items.ids[1 + n % 500], locations.ids[1 + (n % 2000) / 500], 'on_hand',
             CASE WHEN (n / 2000) % 10 = 0 THEN 50 ELSE -(1 + (n / 2000) % 3) END, 0,
             CASE WHEN (n / 2000) % 10 = 0 THEN 'received' ELSE 'sale' END,
             CASE WHEN (n / 2000) % 10 = 0 THEN 100 + n % 50 END,
             gen_random_uuid(),
             ${start}::timestamptz + (n::float8 / ${ledgerRows}) * interval '365 days'
        FROM generate_series(0, ${ledgerRows - 1}) n, items, locations`.execute(db);
    await sql`
      INSERT INTO inventory_levels (item_id, location_id, org_id, on_hand)
      SELECT item_id, location_id, org_id, sum(delta) FROM inventory_ledger
       GROUP BY item_id, location_id, org_id`.execute(db);
    await sql`ANALYZE`.execute(db);
  });
  console.log(`loaded ${ledgerRows} ledger rows in ${(loadMs / 1000).toFixed(1)} s`);

  const [closed, catchUpMs] = await timed(() => refreshSnapshots(db, new Date()));
  console.log(
    `snapshot catch-up: ${closed.closed} days closed in ${(catchUpMs / 1000).toFixed(1)} s`,
  );
  await sql`ANALYZE`.execute(db);
  const [, incrementalMs] = await timed(() => refreshSnapshots(db, new Date()));
  const [, reconcileMs] = await timed(() => reconcile(db));
  const [check] = await timed(() => reconcile(db));
  if (check.driftFound > 0) throw new Error(`reconcile found ${check.driftFound} drift rows`);
  console.log(
    `incremental snapshot run ${incrementalMs.toFixed(0)} ms, reconcile ${reconcileMs.toFixed(0)} ms`,
  );

  const from = new Date(now.getTime() - 89 * dayMs).toISOString().slice(0, 10);
  const rows: string[] = [];
  // Every report by item, and the daily series by category too: the same rows read, 50 times
  // fewer sent.
  const cases = [
    ...Object.keys(reports).map((name) => [name, 'item']),
    ['stock-on-hand', 'category'],
  ];
  for (const [name, groupBy] of cases) {
    const url = `${meridian.url}/v1/orgs/${org.id}/inventory/reports/${name}?from=${from}&group_by=${groupBy}`;
    const times: number[] = [];
    let lines = 0;
    for (let run = 0; run < runs + 3; run++) {
      const [body, ms] = await timed(async () => {
        const response = await fetch(url, { headers: auth });
        if (response.status !== 200) throw new Error(`${name}: ${await response.text()}`);
        return (await response.json()) as { rows: unknown[] };
      });
      if (run >= 3) times.push(ms); // the first three warm the caches and the JIT
      lines = body.rows.length;
    }
    times.sort((a, b) => a - b);
    const [p50, p99] = [percentile(times, 50), percentile(times, 99)];
    rows.push(`| ${name} | ${groupBy} | ${lines} | ${p50.toFixed(1)} | ${p99.toFixed(1)} |`);
    console.log(
      `${name} by ${groupBy}: ${lines} rows, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    );
  }
  await database.close();

  const table = [
    '| report (90 days) | group_by | rows | p50 ms | p99 ms |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  const section = `## Inventory reports (\`bench/inventory-reports.ts\`)

${await machine()}; 1-minute load average ${loadBefore} at the start.

${ledgerRows.toLocaleString('en')} ledger rows over 365 days (500 items in 10 categories, 4
locations: 2,000 levels) loaded in ${(loadMs / 1000).toFixed(1)} s by one \`INSERT … SELECT
generate_series\`. Snapshot catch-up of ${closed.closed} days: ${(catchUpMs / 1000).toFixed(1)} s
(one transaction a day); then an incremental run (today re-computed): ${incrementalMs.toFixed(0)} ms;
the reconcile of every level: ${reconcileMs.toFixed(0)} ms.

${table}

Each report ${runs} times one after another over HTTP on 127.0.0.1 (after 3 warm-up requests),
timed from request to parsed JSON. The daily series by item is bound by its size (45,000 rows, some
4 MB of JSON), not by the query; on a shared machine the p99 follows the load average above. Rerun with \`npm run bench:inventory-reports\`; it rewrites this section.`;
  await recordSection('inventory-reports', section);
}

await withBenchDir(main);
