// PostgreSQL's own ceiling for a stock change, from a process of its own with `pg` and no HTTP: on
// each of `connections` connections, a tight loop of one transaction per change — BEGIN, the
// single-row `UPDATE inventory_levels … RETURNING`, one ledger `INSERT`, COMMIT — each time on the
// next level of `itemsFile` (all of them, or only the first `items`). Prints
// `{ ops, opsPerSecond, p50, p99 }` (ms) on stdout. Run by bench/inventory.ts:
// `node bench/inventory/ceiling.ts '<json options>'`. With `oneStatement`, the same change as one
// statement: what collapsing the round trips is worth.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { percentile } from './load-shapes.ts';

interface Options {
  databaseUrl: string;
  orgId: string;
  locationId: string;
  itemsFile: string;
  /** The first `items` items of the file take the load. */
  items: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The same change as one statement (a CTE, autocommit): one round trip instead of four. */
  oneStatement?: boolean;
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const itemIds = (JSON.parse(await readFile(options.itemsFile, 'utf8')) as string[]).slice(
  0,
  options.items,
);

const update = `
  UPDATE inventory_levels SET on_hand = on_hand + 1, version = version + 1, updated_at = now()
   WHERE item_id = $1 AND location_id = $2
  RETURNING on_hand`;
const insertLedger = `
  INSERT INTO inventory_ledger
    (org_id, item_id, location_id, state, delta, quantity_after, reason, operation_id)
  VALUES ($1, $2, $3, 'on_hand', 1, $4, 'restock', gen_random_uuid())`;

const updateAndInsert = `
  WITH level AS (
    UPDATE inventory_levels SET on_hand = on_hand + 1, version = version + 1, updated_at = now()
     WHERE item_id = $2 AND location_id = $3
    RETURNING on_hand)
  INSERT INTO inventory_ledger
    (org_id, item_id, location_id, state, delta, quantity_after, reason, operation_id)
  SELECT $1, $2, $3, 'on_hand', 1, on_hand, 'restock', gen_random_uuid() FROM level`;

let next = 0;
let measuring = false;
let stopping = false;
const latencies: number[] = [];

async function loop(client: pg.Client): Promise<void> {
  while (!stopping) {
    const itemId = itemIds[next++ % itemIds.length];
    const started = performance.now();
    if (options.oneStatement) {
      await client.query(updateAndInsert, [options.orgId, itemId, options.locationId]);
      if (measuring) latencies.push(performance.now() - started);
      continue;
    }
    await client.query('BEGIN');
    const { rows } = await client.query(update, [itemId, options.locationId]);
    await client.query(insertLedger, [options.orgId, itemId, options.locationId, rows[0].on_hand]);
    await client.query('COMMIT');
    if (measuring) latencies.push(performance.now() - started);
  }
}

const clients = await Promise.all(
  Array.from({ length: options.connections }, async () => {
    const client = new pg.Client(options.databaseUrl);
    await client.connect();
    return client;
  }),
);
const loops = clients.map(loop);
await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
measuring = true;
const startedAt = performance.now();
await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
measuring = false;
const seconds = (performance.now() - startedAt) / 1000;
stopping = true;
await Promise.all(loops);
await Promise.all(clients.map((client) => client.end()));

latencies.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    ops: latencies.length,
    opsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  }),
);
