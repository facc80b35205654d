import { transaction } from '../platform/db/database.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import type {
  AdjustmentInput,
  MoveInput,
  ReceiptInput,
  SetQuantityInput,
  TransferInput,
} from './schemas.ts';
import { changeStock, type LockedLevels, quantityAt, type StockChange } from './stock.ts';
import { type LevelKey, lockLevels, setThresholds } from './store/levels.ts';
import type { LedgerReason, StockState } from './store/tables.ts';
import type { Inventory } from './writers.ts';

// The stock operations of the API (docs/inventory.md, "Stock"), each one transaction through
// `changeStock`. The caller has checked the role (access.ts); these check that the item and
// locations are the organisation's (else 404) and state the changes.

/** Who acts, for which organisation. */
export interface Actor {
  orgId: string;
  userId: string | null;
}

/** Adds `delta` to one quantity (default `on_hand`; never `reserved`, which orders own). */
export function adjustStock(inventory: Inventory, actor: Actor, input: AdjustmentInput) {
  refuseReserved(input.state);
  const key = { item_id: input.item_id, location_id: input.location_id };
  return operate(inventory, actor, [key], () => [
    {
      ...key,
      state: input.state ?? 'on_hand',
      delta: input.delta,
      reason: input.reason,
      reference: input.reference,
    },
  ]);
}

/**
 * Sets one quantity (default `on_hand`) to `quantity`; with `change_from_quantity`, only if it is
 * still that (compare-and-set, as Shopify's `changeFromQuantity`): else a 409 naming the current.
 */
export function setStock(inventory: Inventory, actor: Actor, input: SetQuantityInput) {
  refuseReserved(input.state);
  const key = { item_id: input.item_id, location_id: input.location_id };
  const state = input.state ?? 'on_hand';
  return operate(inventory, actor, [key], (levels) => {
    const current = quantityAt(levels, key, state);
    const stale = staleQuantity(key, state, current, input.change_from_quantity);
    if (stale) throw stale;
    const reason: LedgerReason = input.reason ?? 'correction';
    return [{ ...key, state, delta: input.quantity - current, reason, reference: input.reference }];
  });
}

/**
 * The compare-and-set of a set: when `expected` is given and the quantity is not it, the 409
 * naming the current quantity.
 */
export function staleQuantity(
  key: LevelKey,
  state: StockState,
  current: number,
  expected: number | null | undefined,
): Problem | undefined {
  if (expected === undefined || expected === null || expected === current) return undefined;
  return new Problem(
    'quantity-stale',
    `${state} is ${current}, not ${expected} as change_from_quantity says: read it again`,
    { item_id: key.item_id, location_id: key.location_id, state, current_quantity: current },
  );
}

/** Moves units between two states of one level (on hand to damaged, incoming to on hand, …). */
export function moveStock(inventory: Inventory, actor: Actor, input: MoveInput) {
  if (input.from === input.to) {
    throw new Problem('unprocessable', 'from and to are the same state: nothing would move');
  }
  refuseReserved(input.from);
  refuseReserved(input.to);
  const key = { item_id: input.item_id, location_id: input.location_id };
  const reason = input.reason ?? (input.to === 'damaged' ? 'damaged' : 'correction');
  const ref = input.reference;
  return operate(inventory, actor, [key], () => [
    { ...key, state: input.from, delta: -input.quantity, reason, reference: ref },
    { ...key, state: input.to, delta: input.quantity, reason, reference: ref },
  ]);
}

/**
 * `reserved` is the open quantity of a level's reservations, and only orders change it: an
 * adjustment, set or move of it would leave units reserved by no order (or an order holding units
 * the level no longer counts), breaking the invariant `reserved` = open reservations — found by
 * the property test (invariants.property.test.ts), which adjusted `reserved` by +1.
 */
function refuseReserved(state: StockState | undefined): void {
  if (state === 'reserved') {
    throw new Problem('unprocessable', 'reserved stock changes only through orders');
  }
}

/** Moves on-hand units from one location to another. */
export function transferStock(inventory: Inventory, actor: Actor, input: TransferInput) {
  if (input.from_location_id === input.to_location_id) {
    throw new Problem('unprocessable', 'from_location_id and to_location_id are the same');
  }
  const from = { item_id: input.item_id, location_id: input.from_location_id };
  const to = { item_id: input.item_id, location_id: input.to_location_id };
  const base = { state: 'on_hand', reason: 'transfer', reference: input.reference } as const;
  return operate(inventory, actor, [from, to], () => [
    { ...from, ...base, delta: -input.quantity },
    { ...to, ...base, delta: input.quantity },
  ]);
}

/**
 * Receives units into on hand, taking them off `incoming` as far as it holds them; a unit cost
 * feeds the valuation (weighted average cost).
 */
export function receiveStock(inventory: Inventory, actor: Actor, input: ReceiptInput) {
  const key = { item_id: input.item_id, location_id: input.location_id };
  const base = { ...key, reason: 'received', reference: input.reference } as const;
  return operate(inventory, actor, [key], (levels) => {
    const expected = Math.min(quantityAt(levels, key, 'incoming'), input.quantity);
    return [
      { ...base, state: 'incoming', delta: -expected },
      { ...base, state: 'on_hand', delta: input.quantity, unit_cost: input.unit_cost ?? null },
    ];
  });
}

/** Sets a level's safety stock and reorder point; available and the low-stock mark follow. */
export async function setLevelThresholds(
  core: Core,
  actor: Actor,
  key: LevelKey,
  thresholds: { safety_stock?: number; reorder_point?: number },
) {
  return transaction(core.database.db, async (tx) => {
    // Locked first, so the thresholds and the low-stock mark change with no stock change between;
    // the lock finds (and creates) only a level of the organisation's item and location.
    const { levels } = await lockLevels(tx, [{ ...key, org_id: actor.orgId }]);
    if (levels.length === 0) {
      throw new Problem(
        'not-found',
        `No item ${key.item_id} at location ${key.location_id} in this organisation`,
      );
    }
    await setThresholds(tx, actor.orgId, key, thresholds);
    // Re-read with its new thresholds: available moves, and the low-stock alert fires or re-arms.
    return changeStock(core, tx, { ...actorOf(actor), lock: [key], plan: () => [], touch: true });
  });
}

/** Runs a stock operation on levels of the organisation's items and locations. */
async function operate(
  inventory: Inventory,
  actor: Actor,
  lock: LevelKey[],
  plan: (levels: LockedLevels) => StockChange[],
) {
  return inventory.writeStock({ ...actorOf(actor), lock, plan });
}

const actorOf = (actor: Actor) => ({ orgId: actor.orgId, actorId: actor.userId });
