import { uuidv7 } from 'uuidv7';
import { type Db, isUniqueViolation, transaction } from '../platform/db/database.ts';
import { type ExpectedVersion, versionMismatch } from '../platform/http/concurrency.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import type { ItemInput, ItemPatch, LocationInput } from './schemas.ts';
import * as store from './store/catalogue.ts';
import type { ItemRow } from './store/tables.ts';

// The rules of the catalogue: an organisation's items (unique SKU), categories and locations.
// Every change of an item is announced on `inventory:<org>` in its transaction.

export function itemJson(item: ItemRow) {
  const { org_id: _org, ...visible } = item;
  return visible;
}

export async function requireItem(db: Db, orgId: string, itemId: string): Promise<ItemRow> {
  const item = await store.findItem(db, orgId, itemId);
  if (!item) throw new Problem('not-found', `No item ${itemId}`);
  return item;
}

export async function createItem(
  core: Core,
  orgId: string,
  input: ItemInput,
  id: string = uuidv7(),
): Promise<ItemRow> {
  await checkCategory(core.database.db, orgId, input.category_id);
  await checkMedia(core, input.media);
  return transaction(core.database.db, async (tx) => {
    const item = await skuChecked(input.sku, () =>
      store.insertItem(tx, { ...input, id, org_id: orgId }),
    );
    await announceItem(core, tx, item, 'inventory.item_created');
    return item;
  });
}

export async function updateItem(
  core: Core,
  orgId: string,
  itemId: string,
  patch: Omit<ItemPatch, 'version'>,
  expected: ExpectedVersion | undefined,
): Promise<ItemRow> {
  const { db } = core.database;
  await checkCategory(db, orgId, patch.category_id);
  await checkMedia(core, patch.media);
  return transaction(db, async (tx) => {
    const item = await skuChecked(patch.sku, () =>
      store.updateItem(tx, orgId, itemId, patch, expected?.version),
    );
    if (!item) {
      const current = await requireItem(tx, orgId, itemId);
      throw versionMismatch(expected as ExpectedVersion, current.version);
    }
    await announceItem(core, tx, item, 'inventory.item_updated');
    return item;
  });
}

async function announceItem(core: Core, tx: Db, item: ItemRow, type: string) {
  await core.events.publish(tx, {
    topic: `inventory:${item.org_id}`,
    type,
    data: { item: itemJson(item) },
  });
}

/** A duplicate SKU is a 409 naming it, whichever write found it. */
async function skuChecked<T>(sku: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'inventory_items_sku')) {
      throw new Problem('sku-taken', `The organisation already has an item with SKU ${sku}`, {
        sku,
      });
    }
    // A client-chosen id (the brief's update-or-create) that some item already has.
    if (isUniqueViolation(error, 'inventory_items_pkey')) {
      throw new Problem('conflict', 'This item id is taken: choose another');
    }
    throw error;
  }
}

async function checkCategory(db: Db, orgId: string, categoryId: string | null | undefined) {
  if (!categoryId) return;
  if (!(await store.findCategory(db, orgId, categoryId))) {
    throw new Problem('unprocessable', `category_id: no category ${categoryId}`, {
      errors: [{ field: '/category_id', message: 'no such category' }],
    });
  }
}

/**
 * An item's media are uploads (`POST /v1/blobs`, kept by their URL, behind whatever CDN fronts
 * it) or images elsewhere on the web (https). An upload URL must name an upload that exists.
 */
export async function checkMedia(core: Core, media: string[] | undefined): Promise<void> {
  for (const [index, url] of (media ?? []).entries()) {
    const hash = core.blobs.hashOf(url);
    const refused = hash
      ? !(await core.blobs.exists(hash)) && 'no upload has this URL (upload it to POST /v1/blobs)'
      : !/^https:\/\/[^\s/]+\/\S*$/.test(url) && 'not an upload URL nor an https URL';
    if (refused) {
      throw new Problem('unprocessable', `media/${index}: ${refused}`, {
        errors: [{ field: `/media/${index}`, message: refused }],
      });
    }
  }
}

export async function createCategory(
  db: Db,
  orgId: string,
  input: { name: string; parent_id?: string | null },
) {
  await checkCategory(db, orgId, input.parent_id);
  try {
    return await store.insertCategory(db, {
      id: uuidv7(),
      org_id: orgId,
      name: input.name,
      parent_id: input.parent_id ?? null,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new Problem('conflict', `The organisation already has a category named ${input.name}`);
  }
}

export async function createLocation(db: Db, orgId: string, input: LocationInput) {
  return locationNameChecked(input.name, () =>
    store.insertLocation(db, { ...input, id: uuidv7(), org_id: orgId }),
  );
}

export async function updateLocation(
  db: Db,
  orgId: string,
  locationId: string,
  patch: Partial<LocationInput>,
) {
  const location = await locationNameChecked(patch.name, () =>
    store.updateLocation(db, orgId, locationId, patch),
  );
  if (!location) throw new Problem('not-found', `No location ${locationId}`);
  return location;
}

async function locationNameChecked<T>(name: string | undefined, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new Problem('conflict', `The organisation already has a location named ${name}`);
  }
}

export function locationJson(location: Awaited<ReturnType<typeof store.insertLocation>>) {
  const { org_id: _org, ...visible } = location;
  return visible;
}
