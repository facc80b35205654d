import { uuidv7 } from 'uuidv7';
import type { Db } from '../platform/db/database.ts';
import { compileBodyValidator } from '../platform/http/validation.ts';
import { type BulkRow, type BulkRun, checkRow, claimKey, failedRow, isResult } from './bulk.ts';
import type { RowResult } from './bulk-schemas.ts';
import { ItemInput } from './schemas.ts';
import { categoriesAmong, type ItemValues, lockItemsBySku, upsertItems } from './store/bulk.ts';
import type { ItemRow } from './store/tables.ts';

// Bulk upsert of items by SKU (`POST …/items/bulk` and item imports). Each row is what
// `POST …/items` takes, checked by the same schema; a new SKU is created with the defaults of
// that route, a known one updated with the fields the row gives (the others keep their value).
// Merged in node onto the locked items, then written by one statement per chunk.

const validateItem = compileBodyValidator<ItemInput>(ItemInput);

/** A new item: the row's fields over the defaults of `POST …/items` (the columns' defaults). */
function newItem(row: ItemInput): ItemValues {
  return {
    id: uuidv7(),
    sku: row.sku,
    name: row.name,
    description: '',
    category_id: null,
    media: [],
    unit_cost: null,
    price: null,
    currency: 'USD',
    attributes: {},
    status: 'active',
    allow_backorder: false,
  };
}

/** Upserts one chunk of item rows in `tx`; one result per row, in order. */
export async function upsertItemChunk(run: BulkRun, tx: Db, rows: BulkRow[]): Promise<RowResult[]> {
  const { orgId } = run.actor;
  const checked = rows.map((row) => {
    const item = checkRow(validateItem, row);
    if (isResult(item)) return item;
    return claimKey(run, `sku:${item.sku}`, row.row, `SKU ${item.sku}`) ?? item;
  });
  const valid = checked.filter((item): item is ItemInput => !isResult(item));
  const categoryIds = [...new Set(valid.flatMap((item) => item.category_id ?? []))];
  const [categories, existing] = await Promise.all([
    categoriesAmong(
      tx,
      orgId,
      categoryIds.map((id) => id.toLowerCase()),
    ),
    lockItemsBySku(
      tx,
      orgId,
      valid.map((item) => item.sku),
    ),
  ]);
  const bySku = new Map(existing.map((item) => [item.sku, item]));
  const merged = checked.map((item, index) => {
    if (isResult(item)) return item;
    const category = item.category_id?.toLowerCase();
    if (category && !categories.has(category)) {
      const row = (rows[index] as BulkRow).row;
      return failedRow(row, 'unprocessable', `category_id: no category ${item.category_id}`);
    }
    return mergeItem(bySku.get(item.sku), { ...item, category_id: category ?? item.category_id });
  });
  const written = await upsertItems(
    tx,
    orgId,
    merged.filter((item): item is ItemValues => !isResult(item)),
  );
  const outcome = new Map(written.map((item) => [item.sku, item]));
  const results = merged.map((item, index): RowResult => {
    if (isResult(item)) return item;
    const row = (rows[index] as BulkRow).row;
    const done = outcome.get(item.sku);
    if (!done) return { row, status: 'unchanged', id: item.id };
    return { row, status: done.created ? 'created' : 'updated', id: done.id };
  });
  announceItems(run, results);
  return results;
}

/** The item's columns after the row: the row's fields over the item's, or the defaults. */
function mergeItem(current: ItemRow | undefined, row: ItemInput): ItemValues {
  const given = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
  return { ...(current ? valuesOf(current) : newItem(row)), ...given } as ItemValues;
}

function valuesOf(item: ItemRow): ItemValues {
  const { id, sku, name, description, category_id, media, unit_cost, price } = item;
  const { currency, attributes, status, allow_backorder } = item;
  const values = { id, sku, name, description, category_id, media, unit_cost, price };
  return { ...values, currency, attributes, status, allow_backorder };
}

/** One event per chunk, naming the items it created and updated (not each item whole). */
function announceItems(run: BulkRun, results: RowResult[]) {
  const created = results.filter((r) => r.status === 'created').map((r) => r.id as string);
  const updated = results.filter((r) => r.status === 'updated').map((r) => r.id as string);
  if (created.length + updated.length === 0) return;
  run.events.push({
    topic: `inventory:${run.actor.orgId}`,
    type: 'inventory.items_upserted',
    data: { created, updated },
  });
}
