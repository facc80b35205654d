import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inventoryTables, type LedgerRow, type LevelRow } from './tables.ts';

// The SQL of stock levels and their ledger. Every change of a quantity goes through
// `lockLevels` (the rows, locked in one fixed order) then `writeLevels` + `appendLedger` in the
// same transaction: see stock.ts for the rules between them.

/** A level to lock: an item at a location. */
export interface LevelKey {
  item_id: string;
  location_id: string;
}

/** A locked level, with what the rules need to know of its item. */
export interface LockedLevel extends LevelRow {
  sku: string;
  allow_backorder: boolean;
}

/** The sort every locker uses: by item, then location (the uuids' own order, as PostgreSQL's). */
export function compareLevelKeys(a: LevelKey, b: LevelKey): number {
  if (a.item_id !== b.item_id) return a.item_id < b.item_id ? -1 : 1;
  if (a.location_id === b.location_id) return 0;
  return a.location_id < b.location_id ? -1 : 1;
}

export const levelKeyOf = (key: LevelKey) => `${key.item_id}/${key.location_id}`;

/**
 * Locks the levels of `keys` (creating the missing ones, at zero) in item, then location order,
 * so that two transactions that touch the same levels lock them in the same order and cannot
 * deadlock (Saleor's lock-order deadlocks, PR #17123). Only levels whose item and location are
 * both of the organisation the key names are found: the others are simply not returned. Also
 * returns the keys of the levels it created, for `dropUnusedLevels`.
 */
export async function lockLevels(db: Db, keys: (LevelKey & { org_id: string })[]) {
  const sorted = distinctSorted(keys);
  const items = sorted.map((key) => key.item_id);
  const locations = sorted.map((key) => key.location_id);
  const orgs = sorted.map((key) => key.org_id);
  // A missing row is inserted in the same order; a concurrent insert of the same row waits for
  // ours and then does nothing.
  const created = await sql<LevelKey>`
    INSERT INTO inventory_levels (item_id, location_id, org_id)
    SELECT k.item_id, k.location_id, k.org_id
      FROM unnest(${items}::uuid[], ${locations}::uuid[], ${orgs}::uuid[])
           AS k (item_id, location_id, org_id)
      JOIN inventory_items i ON i.id = k.item_id AND i.org_id = k.org_id
      JOIN inventory_locations loc ON loc.id = k.location_id AND loc.org_id = k.org_id
     ORDER BY k.item_id, k.location_id
    ON CONFLICT DO NOTHING
    RETURNING item_id, location_id`.execute(db);
  const { rows } = await sql<LockedLevel>`
    SELECT l.*, i.sku, i.allow_backorder
      FROM inventory_levels l
      JOIN inventory_items i ON i.id = l.item_id
     WHERE (l.item_id, l.location_id, l.org_id) IN (
             SELECT * FROM unnest(${items}::uuid[], ${locations}::uuid[], ${orgs}::uuid[]))
     ORDER BY l.item_id, l.location_id
       FOR UPDATE OF l`.execute(db);
  return { levels: rows, created: created.rows };
}

/** Deletes levels this transaction created and no operation used: a refusal leaves no trace. */
export async function dropUnusedLevels(db: Db, keys: LevelKey[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`
    DELETE FROM inventory_levels
     WHERE (item_id, location_id) IN (
             SELECT * FROM unnest(${keys.map((k) => k.item_id)}::uuid[],
                                  ${keys.map((k) => k.location_id)}::uuid[]))`.execute(db);
}

function distinctSorted<K extends LevelKey>(keys: K[]): K[] {
  const byKey = new Map(keys.map((key) => [levelKeyOf(key), key]));
  return [...byKey.values()].sort(compareLevelKeys);
}

/** Writes the new quantities of levels this transaction holds locked. */
export async function writeLevels(db: Db, levels: LevelRow[], now: Date): Promise<void> {
  if (levels.length === 0) return;
  const column = <K extends keyof LevelRow>(name: K) => levels.map((level) => level[name]);
  await sql`
    UPDATE inventory_levels AS l
       SET on_hand = v.on_hand, reserved = v.reserved, incoming = v.incoming,
           damaged = v.damaged, low_stock_since = v.low_stock_since, version = v.version,
           updated_at = ${now}
      FROM unnest(${column('item_id')}::uuid[], ${column('location_id')}::uuid[],
                  ${column('on_hand')}::bigint[], ${column('reserved')}::bigint[],
                  ${column('incoming')}::bigint[], ${column('damaged')}::bigint[],
                  ${column('low_stock_since')}::timestamptz[], ${column('version')}::int[])
           AS v (item_id, location_id, on_hand, reserved, incoming, damaged, low_stock_since,
                 version)
     WHERE l.item_id = v.item_id AND l.location_id = v.location_id`.execute(db);
}

/** One ledger row to append (the rows of one operation share its `operation_id`). */
export type LedgerEntry = Omit<LedgerRow, 'id' | 'created_at'>;

/** Appends `entries`, stamped `at`; the ledger is never updated. */
export async function appendLedger(db: Db, entries: LedgerEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  const column = <K extends keyof LedgerEntry>(name: K) => entries.map((entry) => entry[name]);
  await sql`
    INSERT INTO inventory_ledger (org_id, item_id, location_id, state, delta, quantity_after,
                                  reason, reference, unit_cost, actor_id, operation_id, created_at)
    SELECT v.*, ${at}::timestamptz
      FROM unnest(${column('org_id')}::uuid[], ${column('item_id')}::uuid[],
                  ${column('location_id')}::uuid[], ${column('state')}::text[],
                  ${column('delta')}::bigint[], ${column('quantity_after')}::bigint[],
                  ${column('reason')}::text[], ${column('reference')}::text[],
                  ${column('unit_cost')}::bigint[], ${column('actor_id')}::uuid[],
                  ${column('operation_id')}::uuid[]) AS v`.execute(db);
}

/** The levels of an item (every location that ever held it), by location priority. */
export function levelsOfItem(db: Db, orgId: string, itemId: string) {
  return inventoryTables(db)
    .selectFrom('inventory_levels as l')
    .innerJoin('inventory_locations as loc', 'loc.id', 'l.location_id')
    .selectAll('l')
    .select(['loc.name as location_name', 'loc.fulfilment_priority'])
    .where('l.org_id', '=', orgId)
    .where('l.item_id', '=', itemId)
    .orderBy('loc.fulfilment_priority')
    .orderBy('loc.id')
    .execute();
}

/** Sets the thresholds of a level (creating it at zero): no quantity changes, so no ledger row. */
export async function setThresholds(
  db: Db,
  orgId: string,
  key: LevelKey,
  thresholds: { safety_stock?: number; reorder_point?: number },
) {
  return inventoryTables(db)
    .insertInto('inventory_levels')
    .values({ ...key, org_id: orgId, ...thresholds })
    .onConflict((conflict) =>
      conflict.columns(['item_id', 'location_id']).doUpdateSet({
        ...thresholds,
        version: sql`inventory_levels.version + 1`,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A level's ledger, newest first, in keyset pages by id. */
export function ledgerOfItem(
  db: Db,
  orgId: string,
  filter: { itemId: string; locationId?: string; before?: number; limit: number },
) {
  let query = inventoryTables(db)
    .selectFrom('inventory_ledger')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('item_id', '=', filter.itemId);
  if (filter.locationId) query = query.where('location_id', '=', filter.locationId);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Per item, its quantities summed over every location (the brief's one-number view). */
export async function totalsOfItems(db: Db, orgId: string, itemIds: string[]) {
  const { rows } = await sql<{
    item_id: string;
    on_hand: number;
    reserved: number;
    available: number;
    incoming: number;
  }>`
    SELECT item_id, sum(on_hand)::bigint AS on_hand, sum(reserved)::bigint AS reserved,
           sum(on_hand - reserved - safety_stock)::bigint AS available,
           sum(incoming)::bigint AS incoming
      FROM inventory_levels
     WHERE org_id = ${orgId} AND item_id = ANY(${itemIds}::uuid[])
     GROUP BY item_id`.execute(db);
  return new Map(rows.map((row) => [row.item_id, row]));
}
