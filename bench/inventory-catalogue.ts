// Inventory catalogue at scale: the two figures of the inventory issue, against one fresh Meridian.
//
// 1. Search p99 over 100,000 items < 50 ms. 100,000 items are written by one INSERT … SELECT
//    generate_series into one organisation (names and descriptions from word lists —
//    adjective × material × noun — so words repeat as in a real catalogue; SKUs `SKU-000123`;
//    8 categories; one location with levels for a fifth of the items, 1 % of them marked low),
//    then ANALYZE. Then `GET …/inventory/search` over HTTP, sequentially (c1) and by 10 requests
//    at a time (c10), each run BENCH_SEARCHES queries drawn in turn from six kinds: an exact SKU,
//    one name word, two words, a misspelt word, a word with a category filter, `low_stock=true`.
// 2. CSV import ≥ 10,000 rows/s. A 100,000-row items CSV (new SKUs), written to a temp file, is
//    streamed to `POST …/inventory/imports` and `GET …/imports/:id` polled until it ends: upload
//    time, total time, rows/s. Then a 100,000-row levels CSV (on_hand of existing items at the
//    location) the same way (BENCH_LEVELS=0 skips it).
//
// Run: `npm run bench:inventory-catalogue` (`--json` for the figures as JSON on stdout;
// BENCH_ITEMS, BENCH_IMPORT_ROWS, BENCH_SEARCHES for other sizes; BENCH_DATABASE_URL for a running
// PostgreSQL). Progress goes to stderr; it rewrites the inventory-catalogue section of
// docs/benchmarks.md.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pino from 'pino';
import { connectDatabase } from '../src/platform/db/database.ts';
import { percentile, recordSection } from './results.ts';
import {
  loadAverage,
  machine,
  meridianDatabaseUrl,
  revisionOf,
  signup,
  startMeridian,
  withBenchDir,
} from './servers.ts';

const itemCount = Number(process.env.BENCH_ITEMS ?? 100_000);
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const searches = Number(process.env.BENCH_SEARCHES ?? 300);
const withLevels = process.env.BENCH_LEVELS !== '0';
const asJson = process.argv.includes('--json');
const port = 3913;
const searchAimMs = 50;
const importAimRowsPerSecond = 10_000;
/** How long an import may run before the bench gives up on it (the run stays bounded). */
const importDeadlineMs = 90_000;

const adjectives = [
  'heavy light compact classic modern rustic premium basic slim sturdy folding portable',
  'waterproof insulated vintage ergonomic mini large double deluxe',
].flatMap((line) => line.split(' '));
const materials = [
  'steel oak bamboo copper leather cotton ceramic glass aluminium walnut brass linen',
  'wool granite silicone',
].flatMap((line) => line.split(' '));
const nouns = [
  'hammer kettle lantern backpack blanket bottle bucket chair desk drawer funnel grater',
  'hook jar ladder mirror mug pan pillow plate rack scissors shelf shovel spatula stool',
  'table teapot tray wrench',
].flatMap((line) => line.split(' '));
const uses = ['the kitchen', 'the garden', 'the workshop', 'camping', 'the office', 'travel'];
const categoryNames = 'Kitchen Garden Tools Outdoor Office Home Travel Bath'.split(' ');

const progress = (line: string) => process.stderr.write(`${line}\n`);
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;
const sku = (n: number) => `SKU-${String(n).padStart(6, '0')}`;
/** A word with two neighbouring letters swapped (not the first two): `hamemr`. */
const misspelt = (word: string) => {
  const i = 1 + Math.floor(Math.random() * (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
};
const textArray = (words: readonly string[]) =>
  sql`${sql.raw(`ARRAY[${words.map((w) => `'${w}'`).join(',')}]::text[]`)}`;

interface Stats {
  count: number;
  p50: number;
  p99: number;
  max: number;
  hits: number;
}

function stats(times: number[], hits: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    hits: hits.length ? Math.round(hits.reduce((a, b) => a + b, 0) / hits.length) : 0,
  };
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const revision = revisionOf();
  const began = performance.now();
  progress(`load average ${loadBefore}; starting Meridian`);
  const meridian = await startMeridian(dir, port, { LOG_LEVEL: 'warn' });
  const token = await signup(meridian.url);
  const headers = { authorization: `Bearer ${token}` };
  const org = await fetch(`${meridian.url}/v1/orgs`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Catalogue bench' }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const base = `${meridian.url}/v1/orgs/${org.id}/inventory`;
  const database = connectDatabase(await meridianDatabaseUrl(meridian), 2, pino({ level: 'warn' }));
  const { db } = database;

  // --- The catalogue, by SQL ---------------------------------------------------------------------
  const loadStart = performance.now();
  await sql`
    INSERT INTO inventory_categories (id, org_id, name)
    SELECT gen_random_uuid(), ${org.id}, name FROM unnest(${textArray(categoryNames)}) name`.execute(
    db,
  );
  const locationId = crypto.randomUUID();
  await sql`INSERT INTO inventory_locations (id, org_id, name)
            VALUES (${locationId}, ${org.id}, 'Main warehouse')`.execute(db);
  // Item n: adjective n % 20, material (n / 20) % 15, noun (n / 300) % 30 — every combination
  // ~11 times, each noun in ~3,300 names — and category n % 8.
  const [A, M, N, U] = [adjectives.length, materials.length, nouns.length, uses.length];
  await sql`
    WITH c AS (SELECT array_agg(id ORDER BY name) AS ids FROM inventory_categories
                WHERE org_id = ${org.id}),
         w AS (SELECT ${textArray(adjectives)} AS adj, ${textArray(materials)} AS mat,
                      ${textArray(nouns)} AS noun, ${textArray(uses)} AS use)
    INSERT INTO inventory_items (id, org_id, sku, name, description, category_id, price, unit_cost)
    SELECT gen_random_uuid(), ${org.id}, 'SKU-' || lpad(n::text, 6, '0'),
           initcap(w.adj[1 + n % ${A}]) || ' ' || w.mat[1 + (n / ${A}) % ${M}] || ' '
             || w.noun[1 + (n / ${A * M}) % ${N}],
           'A ' || w.adj[1 + n % ${A}] || ' ' || w.noun[1 + (n / ${A * M}) % ${N}] || ' made of '
             || w.mat[1 + (n / ${A}) % ${M}] || ', for ' || w.use[1 + n % ${U}]
             || '. Model ' || (n % 97) || ', batch ' || (n % 13) || '.',
           c.ids[1 + n % ${categoryNames.length}], 500 + n % 9500, 200 + n % 4000
      FROM generate_series(1, ${itemCount}) n, c, w`.execute(db);
  // Levels at the one location for a fifth of the items, 1 % of the items low (marked as an
  // alert would have marked them), chosen by a hash of n: not every fifth n, which would tie them
  // to one adjective and so to one stretch of the name order.
  await sql`
    INSERT INTO inventory_levels (item_id, location_id, org_id, on_hand, reorder_point,
                                  low_stock_since)
    SELECT id, ${locationId}, org_id,
           CASE WHEN h % 100 = 0 THEN 2 ELSE 20 + h % 200 END, 5,
           CASE WHEN h % 100 = 0 THEN now() END
      FROM (SELECT id, org_id, abs(hashint4(substr(sku, 5)::int)) AS h FROM inventory_items
             WHERE org_id = ${org.id}) i
     WHERE h % 5 = 0`.execute(db);
  await sql`ANALYZE`.execute(db);
  const loadMs = performance.now() - loadStart;
  progress(`loaded ${itemCount} items in ${(loadMs / 1000).toFixed(1)} s`);

  // --- Search ------------------------------------------------------------------------------------
  const { rows: categories } = await sql<{ id: string }>`
    SELECT id FROM inventory_categories WHERE org_id = ${org.id}`.execute(db);
  const kinds: Record<string, () => string> = {
    'exact SKU': () => `q=${sku(1 + Math.floor(Math.random() * itemCount))}`,
    'one word': () => `q=${pick(nouns)}`,
    'two words': () => `q=${encodeURIComponent(`${pick(materials)} ${pick(nouns)}`)}`,
    'misspelt word': () => `q=${misspelt(pick(nouns))}`,
    'word + category': () => `q=${pick(nouns)}&category_id=${pick(categories).id}`,
    'low_stock=true': () => 'low_stock=true',
  };
  const kindNames = Object.keys(kinds);
  const search = async (kind: string): Promise<[number, number]> => {
    const query = kinds[kind]?.() ?? '';
    const start = performance.now();
    const response = await fetch(`${base}/search?${query}`, { headers });
    const body = (await response.json()) as { items?: unknown[] };
    const ms = performance.now() - start;
    if (response.status !== 200) throw new Error(`search ${query}: ${JSON.stringify(body)}`);
    return [ms, body.items?.length ?? 0];
  };
  for (let i = 0; i < 30; i++) await search(kindNames[i % kindNames.length] as string); // warm-up

  const searchRuns: Record<string, Record<string, Stats>> = {};
  for (const concurrency of [1, 10]) {
    const times = Object.fromEntries(kindNames.map((kind) => [kind, [] as number[]]));
    const hits = Object.fromEntries(kindNames.map((kind) => [kind, [] as number[]]));
    let next = 0;
    const worker = async () => {
      while (next < searches) {
        const kind = kindNames[next++ % kindNames.length] as string;
        const [ms, count] = await search(kind);
        times[kind]?.push(ms);
        hits[kind]?.push(count);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - start) / 1000;
    const run: Record<string, Stats> = {};
    for (const kind of kindNames) run[kind] = stats(times[kind] ?? [], hits[kind] ?? []);
    run.all = stats(Object.values(times).flat(), Object.values(hits).flat());
    searchRuns[`c${concurrency}`] = run;
    progress(
      `search c${concurrency}: ${searches} queries in ${seconds.toFixed(1)} s, ` +
        `p50 ${run.all.p50.toFixed(1)} ms, p99 ${run.all.p99.toFixed(1)} ms`,
    );
  }

  // --- CSV imports -------------------------------------------------------------------------------
  const importFile = async (kind: 'items' | 'levels', file: string, rows: number) => {
    const bytes = (await stat(file)).size;
    const start = performance.now();
    const response = await fetch(`${base}/imports?kind=${kind}&error_policy=reject_failed_rows`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const accepted = (await response.json()) as { id: string };
    const uploadMs = performance.now() - start;
    if (response.status !== 202) throw new Error(`import ${kind}: ${JSON.stringify(accepted)}`);
    progress(
      `${kind} import: ${rows} rows (${(bytes / 1e6).toFixed(1)} MB) uploaded in ` +
        `${(uploadMs / 1000).toFixed(1)} s; processing`,
    );
    let state = { state: 'queued', processed: 0, counts: {} as Record<string, number> };
    let lastReport = 0;
    while (state.state === 'queued' || state.state === 'running') {
      if (performance.now() - start > importDeadlineMs) break;
      await sleep(200);
      state = await fetch(`${base}/imports/${accepted.id}`, { headers }).then(
        (r) => r.json() as Promise<typeof state>,
      );
      if (performance.now() - lastReport > 5000) {
        lastReport = performance.now();
        progress(`  ${state.state}: ${state.processed} of ${rows}`);
      }
    }
    const totalMs = performance.now() - start;
    const done = state.state === 'completed';
    const result = {
      rows,
      megabytes: bytes / 1e6,
      uploadMs,
      totalMs,
      state: state.state,
      processed: state.processed,
      counts: state.counts,
      rowsPerSecond: done ? rows / (totalMs / 1000) : state.processed / (totalMs / 1000),
    };
    progress(
      `${kind} import ${state.state} in ${(totalMs / 1000).toFixed(1)} s: ` +
        `${Math.round(result.rowsPerSecond)} rows/s, counts ${JSON.stringify(state.counts)}`,
    );
    return result;
  };

  const itemsCsv = path.join(dir, 'items.csv');
  {
    const out = createWriteStream(itemsCsv);
    out.write('sku,name,description,category_id,price,unit_cost\n');
    for (let i = 1; i <= importRows; i++) {
      const [adj, mat, noun] = [pick(adjectives), pick(materials), pick(nouns)];
      const line =
        `${sku(500_000 + i)},${adj} ${mat} ${noun},"A ${adj} ${noun} made of ${mat}, ` +
        `for ${pick(uses)}.",${pick(categories).id},${500 + (i % 9500)},${200 + (i % 4000)}\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  }
  const imports: Record<string, Awaited<ReturnType<typeof importFile>>> = {};
  imports.items = await importFile('items', itemsCsv, importRows);

  if (withLevels) {
    // On hand of existing items (the loaded ones, a fifth of them with a level already).
    const levelsCsv = path.join(dir, 'levels.csv');
    const out = createWriteStream(levelsCsv);
    out.write('sku,location_id,quantity\n');
    const levelRows = Math.min(importRows, itemCount);
    for (let i = 1; i <= levelRows; i++) {
      if (!out.write(`${sku(i)},${locationId},${100 + (i % 50)}\n`)) {
        await once(out, 'drain');
      }
    }
    out.end();
    await finished(out);
    imports.levels = await importFile('levels', levelsCsv, levelRows);
  }
  await database.close();
  const runSeconds = (performance.now() - began) / 1000;

  // --- The figures -------------------------------------------------------------------------------
  const c1 = searchRuns.c1 as Record<string, Stats>;
  const c10 = searchRuns.c10 as Record<string, Stats>;
  const searchMet = (c1.all?.p99 ?? Infinity) < searchAimMs;
  const searchMetC10 = (c10.all?.p99 ?? Infinity) < searchAimMs;
  const itemsMet =
    imports.items.state === 'completed' && imports.items.rowsPerSecond >= importAimRowsPerSecond;
  const f = (ms: number | undefined) => (ms ?? 0).toFixed(1);
  const searchTable = [
    '| query kind | hits (mean) | c1 p50 ms | c1 p99 ms | c10 p50 ms | c10 p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...[...kindNames, 'all'].map((kind) => {
      const [a, b] = [c1[kind], c10[kind]];
      const label = kind === 'all' ? '**all**' : kind;
      return `| ${label} | ${a?.hits} | ${f(a?.p50)} | ${f(a?.p99)} | ${f(b?.p50)} | ${f(b?.p99)} |`;
    }),
  ].join('\n');
  const importTable = [
    '| import | rows | MB | state | upload s | total s | rows/s |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
    ...Object.entries(imports).map(
      ([kind, r]) =>
        `| ${kind} | ${r.rows.toLocaleString('en')} | ${r.megabytes.toFixed(1)} | ${r.state} | ` +
        `${(r.uploadMs / 1000).toFixed(1)} | ${(r.totalMs / 1000).toFixed(1)} | ` +
        `${Math.round(r.rowsPerSecond).toLocaleString('en')} |`,
    ),
  ].join('\n');
  const loadAfter = loadAverage();
  const verdict = (met: boolean) => (met ? '**met**' : '**missed**');

  const section = `## Inventory catalogue: search and CSV import (\`bench/inventory-catalogue.ts\`)

${await machine()}; commit ${revision}; 1-minute load average ${loadBefore} at the start,
${loadAfter} at the end (the run took ${runSeconds.toFixed(0)} s).

${itemCount.toLocaleString('en')} items in one organisation, loaded in ${(loadMs / 1000).toFixed(1)} s
by one \`INSERT … SELECT generate_series\`: names \`<Adjective> <material> <noun>\` from 20 × 15 × 30
words (each noun in some ${Math.round(itemCount / N).toLocaleString('en')} names), descriptions from
the same words, SKUs \`SKU-000123\`, 8 categories, one location with levels for a fifth of the
items (1 % of the items marked low), then \`ANALYZE\`.

**Search** — aim: p99 < ${searchAimMs} ms over 100,000 items: ${verdict(searchMet)} sequentially
(p99 ${f(c1.all?.p99)} ms), ${verdict(searchMetC10)} at 10 concurrent requests (p99 ${f(c10.all?.p99)} ms).
\`GET …/inventory/search\` (limit 20) over HTTP on 127.0.0.1, timed from request to parsed JSON,
${searches} queries a run drawn in turn from the six kinds (after 30 warm-up queries): sequentially
(c1), then 10 at a time (c10). Kinds: an exact SKU; one noun (\`kettle\`, in ~3,300 names);
material and noun (\`oak kettle\`); a noun with two letters swapped (\`ketlte\`: no item has the
word, so the trigram arm runs); a noun and \`category_id\`; \`low_stock=true\` with no \`q\`.
Meridian, its PostgreSQL and this client share the machine, so at c10 on few cores the requests
queue for the CPU: the c10 p99 is mostly that queue.

${searchTable}

**CSV import** — aim: ≥ ${importAimRowsPerSecond.toLocaleString('en')} rows/s: ${verdict(itemsMet)}
(items, ${Math.round(imports.items.rowsPerSecond).toLocaleString('en')} rows/s). A file written to
a temp file, streamed as the body of \`POST …/inventory/imports\` (\`text/csv\`,
\`reject_failed_rows\`), then \`GET …/imports/:id\` every 200 ms until it ends: the upload is the
202 (the file parsed and staged), the total is until \`completed\`; rows/s = rows / total. Items:
new SKUs with name, description, category, price and cost. Levels: \`sku,location_id,quantity\`
setting on hand of the loaded items at the one location (a fifth of them with a level already).

${importTable}

Rerun with \`npm run bench:inventory-catalogue\` (\`--json\` for the figures as JSON); it rewrites
this section. On a shared machine the figures follow the load average above.`;
  await recordSection('inventory-catalogue', section);

  const figures = {
    loadAverage: { start: loadBefore, end: loadAfter },
    revision,
    items: itemCount,
    loadMs,
    search: searchRuns,
    imports,
    aims: { searchP99: { c1: searchMet, c10: searchMetC10 }, importRowsPerSecond: itemsMet },
  };
  if (asJson) console.log(JSON.stringify(figures, null, 2));
  else console.log(`${searchTable}\n\n${importTable}`);
}

await withBenchDir(main);
