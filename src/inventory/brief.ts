import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { requireKeeper } from './access.ts';
import * as catalogue from './catalogue.ts';
import * as orders from './orders.ts';
import { setStock } from './stock-operations.ts';
import { findItem, listLocations } from './store/catalogue.ts';
import { totalsOfItems } from './store/levels.ts';
import type { ItemRow } from './store/tables.ts';
import type { Inventory } from './writers.ts';

// The rules behind brief 001's API (brief-routes.ts): which organisation a call acts on, and
// what its "update" and "fulfil" of an item mean in terms of the clean API. docs/inventory.md,
// "The brief's API", says the same for clients.

/** Items as the brief shows them: the item and its quantities summed over locations. */
export async function withTotals(core: Core, orgId: string, items: ItemRow[]) {
  const totals = await totalsOfItems(
    core.database.db,
    orgId,
    items.map((item) => item.id),
  );
  const none = { on_hand: 0, reserved: 0, available: 0, incoming: 0 };
  return items.map((item) => {
    const { item_id: _id, ...quantities } = totals.get(item.id) ?? { item_id: item.id, ...none };
    return { ...catalogue.itemJson(item), quantities };
  });
}

export interface BriefItemChange {
  item_name?: string | null;
  item_content?: string | null;
  item_media?: string | string[] | null;
  sku?: string;
  quantity?: number;
  location_id?: string;
}

/**
 * "Create or update the inventory of a specific item": the item with this id is changed (name,
 * content = description, media), or created when there is none (its SKU given, or its id);
 * `quantity` sets what is on hand at `location_id` (default: the first location to fulfil).
 * Returns the item, and whether this call created it.
 */
export async function updateBriefItem(
  inventory: Inventory,
  actor: { orgId: string; userId: string },
  itemId: string,
  change: BriefItemChange,
) {
  const { core } = inventory;
  await requireKeeper(core, actor.orgId, actor.userId);
  const fields = {
    ...(change.item_name ? { name: change.item_name } : {}),
    ...(typeof change.item_content === 'string' ? { description: change.item_content } : {}),
    ...(change.item_media !== undefined ? { media: mediaList(change.item_media) } : {}),
    ...(change.sku ? { sku: change.sku } : {}),
  };
  const existing = await findItem(core.database.db, actor.orgId, itemId);
  let item: ItemRow;
  if (existing) {
    item = Object.keys(fields).length
      ? await catalogue.updateItem(core, actor.orgId, itemId, fields, undefined)
      : existing;
  } else {
    if (!change.item_name) {
      throw new Problem('unprocessable', `No item ${itemId} yet: item_name is needed to create it`);
    }
    item = await catalogue.createItem(
      core,
      actor.orgId,
      { sku: itemId, ...fields, name: change.item_name },
      itemId,
    );
  }
  if (change.quantity !== undefined) {
    const locationId = change.location_id ?? (await firstLocation(core, actor.orgId));
    await setStock(inventory, actor, {
      item_id: item.id,
      location_id: locationId,
      quantity: change.quantity,
      reason: 'correction',
    });
  }
  return { item, created: !existing };
}

function mediaList(media: string | string[] | null): string[] {
  if (media === null) return [];
  return typeof media === 'string' ? [media] : media;
}

async function firstLocation(core: Core, orgId: string): Promise<string> {
  const [first] = await listLocations(core.database.db, orgId);
  if (!first) {
    throw new Problem('unprocessable', 'The organisation has no location to hold stock yet');
  }
  return first.id;
}

/**
 * "Fulfil an item": ship `quantity` units of it now — an order of one line, reserved and shipped
 * at once (ledger reason `sale`). When it cannot ship (a backordered item with too little on
 * hand), the order is cancelled and the refusal stands: nothing is left half done.
 */
export async function fulfilItemNow(
  inventory: Inventory,
  actor: { orgId: string; userId: string },
  itemId: string,
  input: { quantity?: number; location_id?: string; carrier?: string; tracking_number?: string },
) {
  const line = { item_id: itemId, quantity: input.quantity ?? 1, location_id: input.location_id };
  const { core } = inventory;
  const order = await inventory.createOrder(actor, { lines: [line], reference: 'brief:fulfil' });
  try {
    const shipment = { carrier: input.carrier, tracking_number: input.tracking_number };
    return (await orders.shipOrder(core, actor, order.id, shipment)).order;
  } catch (error) {
    await orders.cancelOrder(core, actor, order.id);
    throw error;
  }
}
