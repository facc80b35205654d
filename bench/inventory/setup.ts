// The inventory benchmark's shop, set up before anything is measured: an owner and an
// organisation with one location through the API, then `items` items with their levels (and one
// ledger row each, so the ledger still sums to the levels) inserted by SQL in a few statements.
// Also: a fresh database on BENCH_DATABASE_URL's server, and the table counters read around a run.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { signup } from '../servers.ts';

export interface Shop {
  token: string;
  orgId: string;
  locationId: string;
  /** A JSON array of the items' ids, in the order the loads walk them. */
  itemsFile: string;
}

async function post(url: string, token: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** An owner, an organisation, a location and `items` items with `stock` on hand each. */
export async function openShop(
  dir: string,
  meridianUrl: string,
  databaseUrl: string,
  items: number,
  stock: number,
): Promise<Shop> {
  const token = await signup(meridianUrl);
  const { id: orgId } = await post(`${meridianUrl}/v1/orgs`, token, { name: 'Bench shop' });
  const { id: locationId } = await post(
    `${meridianUrl}/v1/orgs/${orgId}/inventory/locations`,
    token,
    { name: 'Bench warehouse' },
  );
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO inventory_items (id, org_id, sku, name)
       SELECT gen_random_uuid(), $1, 'BENCH-' || g, 'Bench item ' || g
         FROM generate_series(1, $2) AS g
       RETURNING id`,
      [orgId, items],
    );
    await client.query(
      `INSERT INTO inventory_levels (item_id, location_id, org_id, on_hand)
       SELECT id, $2, $1, $3 FROM inventory_items WHERE org_id = $1`,
      [orgId, locationId, stock],
    );
    await client.query(
      `INSERT INTO inventory_ledger
         (org_id, item_id, location_id, state, delta, quantity_after, reason, operation_id)
       SELECT $1, id, $2, 'on_hand', $3, $3, 'restock', gen_random_uuid()
         FROM inventory_items WHERE org_id = $1`,
      [orgId, locationId, stock],
    );
    await client.query('VACUUM ANALYZE inventory_items, inventory_levels, inventory_ledger');
    const itemsFile = path.join(dir, 'items.json');
    await writeFile(itemsFile, JSON.stringify(rows.map((row) => row.id)));
    return { token, orgId, locationId, itemsFile };
  } finally {
    await client.end();
  }
}

/** A new database on the server of `serverUrl`; returns its URL and a function that drops it. */
export async function freshDatabase(
  serverUrl: string,
  bench = 'inventory',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `meridian_bench_${bench}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client(serverUrl);
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Committed transactions of the database and rows inserted/updated per table, so far. */
export interface Counters {
  commits: number;
  rows: Record<string, { inserted: number; updated: number }>;
}

export async function readCounters(databaseUrl: string): Promise<Counters> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    // The cumulative statistics reach the views up to a second after a backend's transaction.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const database = await client.query(
      'SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()',
    );
    const tables = await client.query(
      'SELECT relname, n_tup_ins, n_tup_upd FROM pg_stat_user_tables',
    );
    return {
      commits: Number(database.rows[0].xact_commit),
      rows: Object.fromEntries(
        tables.rows.map((row) => [
          row.relname,
          { inserted: Number(row.n_tup_ins), updated: Number(row.n_tup_upd) },
        ]),
      ),
    };
  } finally {
    await client.end();
  }
}

/** What one request cost the database between two readings: commits and rows, per table. */
export function perRequest(before: Counters, after: Counters, requests: number) {
  const per = (value: number) => Math.round((value / requests) * 100) / 100;
  const rows: Record<string, { inserted: number; updated: number }> = {};
  for (const [table, now] of Object.entries(after.rows)) {
    const then = before.rows[table] ?? { inserted: 0, updated: 0 };
    const inserted = per(now.inserted - then.inserted);
    const updated = per(now.updated - then.updated);
    if (inserted >= 0.01 || updated >= 0.01) rows[table] = { inserted, updated };
  }
  return { commits: per(after.commits - before.commits), rows };
}
