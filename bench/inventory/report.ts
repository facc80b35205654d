// The inventory benchmark's tables and its section of docs/benchmarks.md, with the Medusa v2
// anchor quoted from /work/shared/anchors/inventory-medusa.md (measured 2026-12-01 on this kind of
// machine, not re-run here).

/** ops/s and latencies (ms) of one measurement. */
export interface Figure {
  ops: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time per operation of Meridian's process and of PostgreSQL's (NaN: not ours to read). */
  cpuMicroseconds: { meridian: number; postgres: number; load: number };
}

export interface ByConcurrency {
  c10: Figure;
  c50: Figure;
}

export interface Results {
  ceilingSpread: ByConcurrency;
  ceilingHot: ByConcurrency;
  /** The ceiling's change as one statement (a CTE): one round trip instead of four. */
  ceilingOneStatement: ByConcurrency;
  adjustments: ByConcurrency;
  ordersSpread: ByConcurrency;
  ordersHot: ByConcurrency;
  /** Per adjustment, during the c10 run: commits and rows written per table. */
  adjustmentCost: { commits: number; rows: Record<string, { inserted: number; updated: number }> };
}

type Anchor = [c10: number, c10p99: number, c50: number, c50p99: number, what: string];

/** Medusa v2.21.2's inventory module, one Node process, PostgreSQL 15 (the anchor file). */
const medusa: Record<Exclude<keyof Results, 'adjustmentCost'>, Anchor | undefined> = {
  ceilingSpread: [3482, 6, 3074, 33, 'the same ceiling, 1,000 rows'],
  ceilingHot: [2708, 10, 1997, 151, 'the same ceiling, 10 hot rows'],
  ceilingOneStatement: undefined,
  adjustments: [222, 98, 182, 469, '`adjustInventory(+1)`, 1,000 items'],
  ordersSpread: [181, 117, 159, 520, '`createReservationItems(1)`, 1,000 items'],
  ordersHot: [203, 99, 171, 913, '`createReservationItems(1)`, 10 hot items'],
};

const rows: [keyof typeof medusa, string][] = [
  ['ceilingSpread', 'PostgreSQL ceiling: `UPDATE … RETURNING` + ledger `INSERT`, 10,000 levels'],
  ['ceilingHot', 'PostgreSQL ceiling, 10 hot levels'],
  [
    'ceilingOneStatement',
    'the same change as one statement (`WITH … UPDATE` + `INSERT`), 10,000 levels',
  ],
  ['adjustments', '`POST …/adjustments` ±1, Idempotency-Key, 10,000 items'],
  ['ordersSpread', '`POST …/orders`, 3 lines of 1, 10,000 items'],
  ['ordersHot', '`POST …/orders`, 3 lines of 1, 10 hot items'],
];

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');

/** Meridian's figures with the ratio to the ceiling on the same levels, and Medusa's beside. */
export function renderTable(results: Results): string {
  const lines = rows.map(([key, name]) => {
    const { c10, c50 } = results[key];
    const ceiling = key.endsWith('Hot') ? results.ceilingHot : results.ceilingSpread;
    const anchor = medusa[key];
    const peer = anchor
      ? `| ${n(anchor[0])} (${anchor[1]}) | ${n(anchor[2])} (${anchor[3]}) ` +
        `| ${ratio(c10.opsPerSecond, anchor[0])} | ${ratio(c50.opsPerSecond, anchor[2])} |`
      : '| – | – | – | – |';
    return (
      `| ${name} | ${n(c10.opsPerSecond)} | ${ms(c10.p50)} | ${ms(c10.p99)} ` +
      `| ${n(c50.opsPerSecond)} | ${ms(c50.p50)} | ${ms(c50.p99)} ` +
      `| ${ratio(c10.opsPerSecond, ceiling.c10.opsPerSecond)} ` +
      `| ${ratio(c50.opsPerSecond, ceiling.c50.opsPerSecond)} ${peer}`
    );
  });
  return [
    '| workload | c10 ops/s | p50 ms | p99 ms | c50 ops/s | p50 ms | p99 ms | ÷ ceiling c10 | c50 | Medusa c10 ops/s (p99 ms) | Medusa c50 | ÷ Medusa c10 | c50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...lines,
  ].join('\n');
}

/** CPU time per operation of Meridian's process and PostgreSQL's, read from /proc. */
export function renderCpuTable(results: Results): string {
  const us = (value: number) => (Number.isNaN(value) ? '–' : n(value));
  const lines = rows.map(([key, name]) => {
    const { c10, c50 } = results[key];
    const cells = [c10, c50].flatMap(({ cpuMicroseconds: cpu }) => [
      us(cpu.meridian),
      us(cpu.postgres),
      us(cpu.load),
    ]);
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [
    '| CPU per operation, µs | Meridian c10 | PostgreSQL c10 | load generator c10 | Meridian c50 | PostgreSQL c50 | load generator c50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...lines,
  ].join('\n');
}

/** The aims of the inventory brief, each met or missed. */
export function renderAims(results: Results): string[] {
  const { adjustments, ordersSpread, ordersHot } = results;
  const verdict = (met: boolean) => (met ? 'met' : 'missed');
  const best = (figures: ByConcurrency) =>
    figures.c10.opsPerSecond >= figures.c50.opsPerSecond ? figures.c10 : figures.c50;
  const adjust = best(adjustments);
  const spread = best(ordersSpread);
  const hot = best(ordersHot);
  return [
    `- Adjustments ≥ 3,000/s with p99 < 30 ms: ${verdict(adjust.opsPerSecond >= 3000 && adjust.p99 < 30)} ` +
      `(best ${n(adjust.opsPerSecond)}/s, p99 ${ms(adjust.p99)} ms).`,
    `- 3-line orders ≥ 1,000/s over 10,000 items: ${verdict(spread.opsPerSecond >= 1000)} ` +
      `(best ${n(spread.opsPerSecond)}/s).`,
    `- Orders on 10 hot items ≥ 0.5× spread: ${verdict(hot.opsPerSecond >= 0.5 * spread.opsPerSecond)} ` +
      `(${ratio(hot.opsPerSecond, spread.opsPerSecond)}×, best of each).`,
  ];
}

/** Commits and rows written per adjustment, as a sentence. */
export function renderCost(results: Results): string {
  const { commits, rows } = results.adjustmentCost;
  const tables = Object.entries(rows)
    .map(([table, { inserted, updated }]) => {
      const parts = [inserted ? `${inserted} inserted` : '', updated ? `${updated} updated` : ''];
      return `\`${table}\` ${parts.filter(Boolean).join(', ')}`;
    })
    .join('; ');
  return `${commits} commits per adjustment; rows per adjustment: ${tables}`;
}

export interface Context {
  machine: string;
  revision: string;
  loadBefore: string;
  database: string;
  seconds: number;
  ceilingSeconds: number;
  warmupSeconds: number;
  env: Record<string, string>;
}

export function renderSection(results: Results, context: Context): string {
  const env = Object.entries(context.env)
    .map(([name, value]) => `\`${name}=${value}\``)
    .join(', ');
  return `## Inventory (\`bench/inventory.ts\`)

${context.machine}; Meridian at ${context.revision}; 1-minute load average ${context.loadBefore} at the
start. Meridian, PostgreSQL, the ceiling's process and autocannon share the cores (the load
generator takes a good part of them): compare the ratios, not the absolute figures.

${renderTable(results)}

${renderAims(results).join('\n')}

${renderCpuTable(results)}

CPU per operation: the CPU time (from /proc) of Meridian's process (idle during the ceiling
rows), of every PostgreSQL process, and of the load generator (the ceiling's process, or
autocannon's) over the run, divided by the operations; steadier than ops/s on a shared machine.
PostgreSQL's is blank on BENCH_DATABASE_URL (not our processes).

What is measured, all on ${context.database}, one after the other:

- **ceiling**: a child Node process with \`pg\` and c10 or c50 connections, each a tight loop of
  BEGIN, \`UPDATE inventory_levels SET on_hand = on_hand + 1 … RETURNING on_hand\` on the next
  level, one \`inventory_ledger\` INSERT, COMMIT (four round trips); ${context.ceilingSeconds} s after a
  ${context.warmupSeconds} s warm-up. What a stock change costs PostgreSQL alone. The "one
  statement" row sends the same change as one autocommitted statement (the UPDATE in a CTE feeding
  the ledger INSERT): what collapsing round trips is worth; its ceiling ratio is against the
  four-round-trip ceiling.
- **adjustments**: \`POST /v1/orgs/:orgId/inventory/adjustments\` as the owner, delta +1 or −1
  (each level goes up on one pass and down on the next), reason \`correction\`, a new
  \`Idempotency-Key\` on every request; ${context.seconds} s each by autocannon in its own process. The
  ceiling columns divide by the ceiling on the same levels. Measured cost on the database (c10
  run): ${renderCost(results)}.
- **orders**: \`POST …/orders\` with 3 lines of 1 unit each, no location (allocated by
  fulfilment priority), a new \`Idempotency-Key\` each; every order reserves 3 levels. Hot: the same
  over only 10 items, so concurrent orders wait on each other's row locks.
- Setup, not measured: one organisation, one location, 10,000 items, their levels (100,000,000 on
  hand) and one ledger row each, inserted by SQL; a warm-up of each HTTP load first.
- Meridian: \`meridian serve\` with its defaults (pool of 10 connections) except ${env}.
- Medusa: quoted from its anchor (Medusa v2.21.2's inventory module called in one Node process,
  MikroORM, PostgreSQL 15, measured 2026-12-01 on this kind of machine, not re-run here). Its
  ceiling rows are the same SQL on 1,000 rows; its adjustments are \`adjustInventory(+1)\` (no row
  lock, no ledger row, no HTTP); its orders are \`createReservationItems\` of **one** item, where a
  Meridian order reserves three. The "÷ Medusa" columns compare across runs: indicative only.

Rerun with \`npx meridian bench inventory\` or \`npm run bench:inventory\` (\`--json\` for the
figures as JSON; \`BENCH_DATABASE_URL=postgres://...\` to use a running PostgreSQL, in a fresh
database dropped at the end); it rewrites this section.`;
}
