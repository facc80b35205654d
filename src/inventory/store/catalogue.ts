import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import {
  type InventoryTables,
  type ItemRow,
  type LocationRow,
  inventoryTables as tables,
} from './tables.ts';

// The SQL of the catalogue: categories, locations and items, each an organisation's own (every
// query names the organisation, so another's id finds nothing). Lists are keyset pages by id.

/** The columns of an item its owner writes (create, update, bulk upsert). */
export type ItemFieldName =
  | 'sku'
  | 'name'
  | 'description'
  | 'category_id'
  | 'media'
  | 'unit_cost'
  | 'price'
  | 'currency'
  | 'attributes'
  | 'status'
  | 'allow_backorder';

/** What an item's owner writes (create and update): any of its fields. */
export type ItemFields = Partial<Pick<ItemRow, ItemFieldName>>;

function itemColumns(fields: ItemFields) {
  const { attributes, ...rest } = fields;
  return { ...rest, attributes: attributes === undefined ? undefined : JSON.stringify(attributes) };
}

export function insertItem(db: Db, item: { id: string; org_id: string } & ItemFields) {
  return tables(db)
    .insertInto('inventory_items')
    .values({ ...itemColumns(item), id: item.id, org_id: item.org_id } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The item's new fields, if it is at `version` (when given): undefined when not found or stale. */
export function updateItem(
  db: Db,
  orgId: string,
  itemId: string,
  fields: ItemFields,
  version?: number,
) {
  return tables(db)
    .updateTable('inventory_items')
    .set({ ...itemColumns(fields), version: sql`version + 1`, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .$if(version !== undefined, (q) => q.where('version', '=', version as number))
    .returningAll()
    .executeTakeFirst();
}

export function findItem(db: Db, orgId: string, itemId: string) {
  return tables(db)
    .selectFrom('inventory_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export interface ItemFilter {
  status?: ItemRow['status'];
  categoryId?: string;
  after?: string;
  limit: number;
}

export function listItems(db: Db, orgId: string, filter: ItemFilter) {
  return tables(db)
    .selectFrom('inventory_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status as never))
    .$if(filter.categoryId !== undefined, (q) =>
      q.where('category_id', '=', filter.categoryId as string),
    )
    .$if(filter.after !== undefined, (q) => q.where('id', '>', filter.after as string))
    .orderBy('id')
    .limit(filter.limit)
    .execute();
}

type Categories = InventoryTables['inventory_categories'];

export function insertCategory(
  db: Db,
  category: Pick<Categories, 'id' | 'org_id' | 'name' | 'parent_id'>,
) {
  return tables(db)
    .insertInto('inventory_categories')
    .values(category)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findCategory(db: Db, orgId: string, categoryId: string) {
  return tables(db)
    .selectFrom('inventory_categories')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', categoryId)
    .executeTakeFirst();
}

export function listCategories(db: Db, orgId: string, after: string | undefined, limit: number) {
  return tables(db)
    .selectFrom('inventory_categories')
    .selectAll()
    .where('org_id', '=', orgId)
    .$if(after !== undefined, (q) => q.where('id', '>', after as string))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export type LocationFields = Partial<
  Pick<LocationRow, 'name' | 'kind' | 'fulfilment_priority'> & { address: unknown }
>;

function locationColumns(fields: LocationFields) {
  const { address, ...rest } = fields;
  return { ...rest, address: address === undefined ? undefined : JSON.stringify(address) };
}

export function insertLocation(db: Db, location: { id: string; org_id: string } & LocationFields) {
  return tables(db)
    .insertInto('inventory_locations')
    .values(locationColumns(location) as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateLocation(db: Db, orgId: string, locationId: string, fields: LocationFields) {
  return tables(db)
    .updateTable('inventory_locations')
    .set({ ...locationColumns(fields), version: sql`version + 1` })
    .where('org_id', '=', orgId)
    .where('id', '=', locationId)
    .returningAll()
    .executeTakeFirst();
}

/** The organisation's locations, first to fulfil first. */
export function listLocations(db: Db, orgId: string) {
  return tables(db)
    .selectFrom('inventory_locations')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('fulfilment_priority')
    .orderBy('id')
    .execute();
}
