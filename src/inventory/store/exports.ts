import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ItemRow, LevelRow } from './tables.ts';

// The batches of an export: keyset pages on the primary key, each a short query of its own, so
// a long download holds no transaction, no cursor and no more than one batch in memory.

/** The organisation's items after `after` (by id). */
export async function itemBatch(db: Db, orgId: string, after: string | null, limit: number) {
  const { rows } = await sql<ItemRow>`
    SELECT * FROM inventory_items
     WHERE org_id = ${orgId} ${after === null ? sql`` : sql`AND id > ${after}::uuid`}
     ORDER BY id LIMIT ${limit}`.execute(db);
  return rows;
}

/** A level with its item's SKU and its location's name. */
export type ExportedLevel = LevelRow & { sku: string; location_name: string };

/** The organisation's levels after `after` (by item, then location). */
export async function levelBatch(
  db: Db,
  orgId: string,
  after: { item_id: string; location_id: string } | null,
  limit: number,
) {
  const { rows } = await sql<ExportedLevel>`
    SELECT l.*, i.sku, loc.name AS location_name
      FROM inventory_levels l
      JOIN inventory_items i ON i.id = l.item_id
      JOIN inventory_locations loc ON loc.id = l.location_id
     WHERE l.org_id = ${orgId}
       ${after === null ? sql`` : sql`AND (l.item_id, l.location_id) > (${after.item_id}::uuid, ${after.location_id}::uuid)`}
     ORDER BY l.item_id, l.location_id LIMIT ${limit}`.execute(db);
  return rows;
}
