import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ItemFieldName } from './catalogue.ts';
import type { LevelKey } from './levels.ts';
import type { ItemRow } from './tables.ts';

// The set-based SQL of bulk writes: one statement per chunk of rows, whatever its size, arrays
// in and rows out (`unnest`), never a statement per row.

/** The columns of an item a bulk row writes, every one of them filled in (bulk-items.ts). */
export type ItemValues = Pick<ItemRow, 'id' | ItemFieldName>;

/**
 * Locks the organisation's items among `skus`, in SKU order (two bulk writes over the same SKUs
 * lock them in the same order, so they cannot deadlock), for the rows to be merged onto them.
 */
export async function lockItemsBySku(db: Db, orgId: string, skus: string[]): Promise<ItemRow[]> {
  if (skus.length === 0) return [];
  const { rows } = await sql<ItemRow>`
    SELECT * FROM inventory_items
     WHERE org_id = ${orgId} AND sku = ANY(${skus}::text[])
     ORDER BY sku
       FOR UPDATE`.execute(db);
  return rows;
}

/**
 * Inserts or updates `items` by (organisation, SKU) in one statement. An item whose columns are
 * all as given is not written (and not returned): `unchanged`. Of the rows returned, `xmax = 0`
 * tells an inserted row from an updated one (an update leaves its transaction id in `xmax`).
 */
export async function upsertItems(db: Db, orgId: string, items: ItemValues[]) {
  if (items.length === 0) return [];
  const column = <K extends keyof ItemValues>(name: K) => items.map((item) => item[name]);
  const json = (values: unknown[]) => values.map((value) => JSON.stringify(value));
  const { rows } = await sql<{ id: string; sku: string; created: boolean }>`
    INSERT INTO inventory_items AS i (id, org_id, sku, name, description, category_id, media,
                                      unit_cost, price, currency, attributes, status,
                                      allow_backorder)
    SELECT v.id, ${orgId}::uuid, v.sku, v.name, v.description, v.category_id,
           ARRAY(SELECT jsonb_array_elements_text(v.media)), v.unit_cost, v.price, v.currency,
           v.attributes, v.status, v.allow_backorder
      FROM unnest(${column('id')}::uuid[], ${column('sku')}::text[], ${column('name')}::text[],
                  ${column('description')}::text[], ${column('category_id')}::uuid[],
                  ${json(column('media'))}::jsonb[], ${column('unit_cost')}::bigint[],
                  ${column('price')}::bigint[], ${column('currency')}::text[],
                  ${json(column('attributes'))}::jsonb[], ${column('status')}::text[],
                  ${column('allow_backorder')}::boolean[])
           AS v (id, sku, name, description, category_id, media, unit_cost, price, currency,
                 attributes, status, allow_backorder)
    ON CONFLICT (org_id, sku) DO UPDATE
       SET name = excluded.name, description = excluded.description,
           category_id = excluded.category_id, media = excluded.media,
           unit_cost = excluded.unit_cost, price = excluded.price, currency = excluded.currency,
           attributes = excluded.attributes, status = excluded.status,
           allow_backorder = excluded.allow_backorder,
           version = i.version + 1, updated_at = now()
     WHERE (i.name, i.description, i.category_id, i.media, i.unit_cost, i.price, i.currency,
            i.attributes, i.status, i.allow_backorder)
           IS DISTINCT FROM
           (excluded.name, excluded.description, excluded.category_id, excluded.media,
            excluded.unit_cost, excluded.price, excluded.currency, excluded.attributes,
            excluded.status, excluded.allow_backorder)
    RETURNING i.id, i.sku, (i.xmax = 0) AS created`.execute(db);
  return rows;
}

/** The ids among `ids` that are categories of the organisation. */
export async function categoriesAmong(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM inventory_categories
     WHERE org_id = ${orgId} AND id = ANY(${ids}::uuid[])`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/** The organisation's items named by SKU or id: the id of each, by SKU and by id. */
export async function resolveItems(db: Db, orgId: string, skus: string[], ids: string[]) {
  const { rows } = await sql<{ id: string; sku: string }>`
    SELECT id, sku FROM inventory_items
     WHERE org_id = ${orgId} AND (sku = ANY(${skus}::text[]) OR id = ANY(${ids}::uuid[]))`.execute(
    db,
  );
  return {
    bySku: new Map(rows.map((row) => [row.sku, row.id])),
    ids: new Set(rows.map((row) => row.id)),
  };
}

/** The organisation's location ids. */
export async function locationIdsOf(db: Db, orgId: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM inventory_locations WHERE org_id = ${orgId}`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/** Which of `keys` have a level already (the others a set creates). */
export async function existingLevels(db: Db, keys: LevelKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await sql<{ key: string }>`
    SELECT item_id || '/' || location_id AS key FROM inventory_levels
     WHERE (item_id, location_id) IN (
             SELECT * FROM unnest(${keys.map((k) => k.item_id)}::uuid[],
                                  ${keys.map((k) => k.location_id)}::uuid[]))`.execute(db);
  return new Set(rows.map((row) => row.key));
}
