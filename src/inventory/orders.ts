import { uuidv7 } from 'uuidv7';
import { type Db, transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { Snooze } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { allocate, type LineRequest } from './allocation.ts';
import { bulkResult, type RowResult, rowResult } from './row-results.ts';
import { changeStock, type StockChange } from './stock.ts';
import { type Actor, requireLevels } from './stock-operations.ts';
import { findItems, listLocations } from './store/catalogue.ts';
import type { LevelKey } from './store/levels.ts';
import * as store from './store/orders.ts';
import type { OrderRow, OrderState, ReservationRow } from './store/tables.ts';

// The rules of orders: one function per transition (docs/inventory.md, "Orders"), each one
// transaction that locks the order, then its levels (stock.ts), and writes the order, the
// reservations, the ledger and the events together.
//
//   reserved ──ship some──▶ partially_fulfilled ──ship the rest──▶ fulfilled
//   reserved ──ship all──▶ fulfilled
//   reserved | partially_fulfilled ──cancel──▶ cancelled
//   reserved ──hold runs out──▶ expired

/** Releases an order's reservation when its checkout hold runs out (`hold_until`). */
export const expireOrderJob = defineJob<{ orgId: string; orderId: string }>(
  'inventory.expire-order',
  { maxAttempts: 10 },
);

export interface OrderInput {
  lines: { item_id: string; quantity: number; location_id?: string }[];
  customer?: unknown;
  shipping_address?: unknown;
  reference?: string;
  hold_until?: string;
}

const open: OrderState[] = ['reserved', 'partially_fulfilled'];

/** Creates an order and reserves its lines at once, all or nothing (allocation.ts). */
export async function createOrder(core: Core, actor: Actor, input: OrderInput) {
  const { db } = core.database;
  const lines: LineRequest[] = input.lines.map((line, index) => ({ ...line, line_no: index + 1 }));
  const holdUntil = input.hold_until ? new Date(input.hold_until) : null;
  if (holdUntil && holdUntil <= core.clock.now()) {
    throw new Problem('unprocessable', 'hold_until is in the past: the hold would end at once');
  }
  const items = await orderableItems(db, actor.orgId, lines);
  const named = lines.flatMap(({ item_id, location_id }) =>
    location_id ? [{ item_id, location_id }] : [],
  );
  await requireLevels(db, actor.orgId, named);
  const [candidateRows, locations] = await Promise.all([
    store.levelsForAllocation(db, actor.orgId, [...items.keys()]),
    listLocations(db, actor.orgId),
  ]);
  const candidates = new Map<string, LevelKey[]>();
  for (const row of candidateRows) {
    candidates.set(row.item_id, [...(candidates.get(row.item_id) ?? []), row]);
  }
  const firstLocationId = locations[0]?.id;
  const backorder = new Set([...items.values()].filter((i) => i.allow_backorder).map((i) => i.id));
  // A backordered item with no level yet is reserved at the first location: lock that level too.
  const backorderKeys = [...backorder]
    .filter((itemId) => !candidates.has(itemId) && firstLocationId)
    .map((itemId) => ({ item_id: itemId, location_id: firstLocationId as string }));

  const orderId = uuidv7();
  return transaction(db, async (tx) => {
    let reservations: ReservationRow[] = [];
    await changeStock(core, tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      lock: [...named, ...candidateRows, ...backorderKeys],
      plan(levels) {
        const allocations = allocate(lines, {
          levels,
          candidates,
          backorder,
          firstLocationId,
          sku: (itemId) => items.get(itemId)?.sku ?? itemId,
        });
        reservations = allocations.map((a) => ({ ...a, order_id: orderId, open: a.quantity }));
        return allocations.map((a) =>
          stockChange(a, 'reserved', a.quantity, 'reservation', orderId),
        );
      },
    });
    const order = await store.insertOrder(
      tx,
      {
        id: orderId,
        org_id: actor.orgId,
        customer: input.customer,
        shipping_address: input.shipping_address,
        reference: input.reference ?? null,
        hold_until: holdUntil,
        created_by: actor.userId,
      },
      lines.map(({ line_no, item_id, quantity }) => ({
        order_id: orderId,
        line_no,
        item_id,
        quantity,
      })),
      reservations,
    );
    if (holdUntil) {
      await core.jobs.enqueue(
        expireOrderJob.spec({ orgId: actor.orgId, orderId }, { runAt: holdUntil }),
        { tx },
      );
    }
    return announceOrder(core, tx, order);
  });
}

/** The organisation's active items of `lines`, by id; 404 for another's, 422 for archived. */
async function orderableItems(db: Db, orgId: string, lines: LineRequest[]) {
  const ids = [...new Set(lines.map((line) => line.item_id))];
  const items = new Map((await findItems(db, orgId, ids)).map((item) => [item.id, item]));
  for (const id of ids) {
    const item = items.get(id);
    if (!item) throw new Problem('not-found', `No item ${id}`);
    if (item.status === 'archived') {
      throw new Problem('unprocessable', `${item.sku} is archived: it cannot be ordered`);
    }
  }
  return items;
}

export interface ShipmentInput {
  /** The units to ship, per line; every open unit when left out. */
  lines?: { line_no: number; quantity: number }[];
  carrier?: string;
  tracking_number?: string;
}

/**
 * Ships units of an open order (a shipment with its carrier and tracking number): they leave
 * `reserved` and `on_hand` together. Partial shipments keep the rest reserved.
 */
export function shipOrder(core: Core, actor: Actor, orderId: string, input: ShipmentInput) {
  return transaction(core.database.db, async (tx) => {
    await requireOpenOrder(tx, actor.orgId, orderId, 'ship');
    const { lines, reservations } = await store.orderDetails(tx, [orderId]);
    const wanted = (
      input.lines ?? lines.map((l) => ({ line_no: l.line_no, quantity: l.quantity - l.fulfilled }))
    ).filter((want) => want.quantity > 0);
    const taken = takeFromReservations(reservations, wanted);
    if (taken.length === 0) throw new Problem('unprocessable', 'nothing to ship: no open units');
    await changeStock(core, tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      lock: taken,
      plan: () =>
        taken.flatMap((t) => [
          stockChange(t, 'reserved', -t.quantity, 'sale', orderId),
          stockChange(t, 'on_hand', -t.quantity, 'sale', orderId),
        ]),
    });
    await store.closeReservations(tx, taken);
    const shipped = sumByLine(taken);
    await store.countLineUnits(tx, orderId, 'fulfilled', shipped);
    const shipment = await store.insertShipment(tx, {
      id: uuidv7(),
      order_id: orderId,
      carrier: input.carrier ?? null,
      tracking_number: input.tracking_number ?? null,
      lines: taken.map(({ line_no, location_id, quantity }) => ({
        line_no,
        location_id,
        quantity,
      })),
      created_by: actor.userId,
    });
    const shippedNow = new Map(shipped.map((s) => [s.line_no, s.quantity]));
    const done = lines.every((l) => l.fulfilled + (shippedNow.get(l.line_no) ?? 0) === l.quantity);
    const next = await store.changeOrderState(
      tx,
      orderId,
      open,
      done ? 'fulfilled' : 'partially_fulfilled',
    );
    return { order: await announceOrder(core, tx, next as OrderRow), shipment };
  });
}

/** Cancels an open order: whatever it still holds is released. */
export function cancelOrder(core: Core, actor: Actor, orderId: string) {
  return transaction(core.database.db, async (tx) => {
    await requireOpenOrder(tx, actor.orgId, orderId, 'cancel');
    return releaseOrder(core, tx, actor, orderId, open, 'cancelled');
  });
}

/**
 * Releases an order whose checkout hold ran out, if it is still only reserved (once anything
 * shipped, the hold is over). Run by its job; the guarded transition makes it happen once. A job
 * that runs before the hold ends (another process's clock) snoozes until then.
 */
export function expireOrder(core: Core, payload: { orgId: string; orderId: string }) {
  return transaction(core.database.db, async (tx) => {
    const order = await store.lockOrder(tx, payload.orgId, payload.orderId);
    if (order?.state !== 'reserved' || !order.hold_until) return undefined;
    const early = order.hold_until.getTime() - core.clock.now().getTime();
    if (early > 0) throw new Snooze(early);
    const actor = { orgId: payload.orgId, userId: null };
    return releaseOrder(core, tx, actor, order.id, ['reserved'], 'expired');
  });
}

async function releaseOrder(
  core: Core,
  tx: Db,
  actor: Actor,
  orderId: string,
  from: OrderState[],
  to: OrderState,
) {
  const { reservations } = await store.orderDetails(tx, [orderId]);
  const held = reservations.filter((r) => r.open > 0).map((r) => ({ ...r, quantity: r.open }));
  if (held.length > 0) {
    await changeStock(core, tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      lock: held,
      plan: () => held.map((r) => stockChange(r, 'reserved', -r.quantity, 'release', orderId)),
    });
    await store.closeReservations(tx, held);
  }
  const order = await store.changeOrderState(tx, orderId, from, to);
  return announceOrder(core, tx, order as OrderRow);
}

/** Puts shipped units back on hand (a return), at the location they shipped from by default. */
export function returnToStock(
  core: Core,
  actor: Actor,
  orderId: string,
  input: { lines: { line_no: number; quantity: number; location_id?: string }[] },
) {
  return transaction(core.database.db, async (tx) => {
    const order = await store.lockOrder(tx, actor.orgId, orderId);
    if (!order) throw new Problem('not-found', `No order ${orderId}`);
    const { lines, shipments } = await store.orderDetails(tx, [orderId]);
    const units = input.lines.map((wanted) => {
      const line = lines.find((l) => l.line_no === wanted.line_no);
      if (!line) throw new Problem('unprocessable', `The order has no line ${wanted.line_no}`);
      if (line.returned + wanted.quantity > line.fulfilled) {
        throw new Problem(
          'unprocessable',
          `line ${line.line_no}: ${line.fulfilled - line.returned} shipped units can come back, ${wanted.quantity} asked`,
        );
      }
      const shippedFrom = shipments.flatMap((s) => s.lines).find((l) => l.line_no === line.line_no);
      const location_id = wanted.location_id ?? (shippedFrom?.location_id as string);
      return {
        item_id: line.item_id,
        location_id,
        line_no: line.line_no,
        quantity: wanted.quantity,
      };
    });
    await requireLevels(tx, actor.orgId, units);
    await changeStock(core, tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      lock: units,
      plan: () => units.map((u) => stockChange(u, 'on_hand', u.quantity, 'return', orderId)),
    });
    await store.countLineUnits(tx, orderId, 'returned', sumByLine(units));
    return announceOrder(core, tx, order);
  });
}

async function requireOpenOrder(tx: Db, orgId: string, orderId: string, action: string) {
  const order = await store.lockOrder(tx, orgId, orderId);
  if (!order) throw new Problem('not-found', `No order ${orderId}`);
  if (!open.includes(order.state)) {
    throw new Problem('order-state-conflict', `The order is ${order.state}: it cannot ${action}`, {
      state: order.state,
    });
  }
  return order;
}

/** Which reservations the wanted units of each line come from, first location first. */
function takeFromReservations(
  reservations: ReservationRow[],
  wanted: { line_no: number; quantity: number }[],
) {
  return wanted.flatMap((want) => {
    let remaining = want.quantity;
    const taken = reservations
      .filter((r) => r.line_no === want.line_no && r.open > 0)
      .flatMap((r) => {
        const quantity = Math.min(r.open, remaining);
        remaining -= quantity;
        return quantity > 0 ? [{ ...r, quantity }] : [];
      });
    if (remaining > 0) {
      throw new Problem(
        'unprocessable',
        `line ${want.line_no}: ${want.quantity - remaining} units are open to ship, ${want.quantity} asked`,
      );
    }
    return taken;
  });
}

function sumByLine(units: { line_no: number; quantity: number }[]) {
  const sums = new Map<number, number>();
  for (const unit of units) sums.set(unit.line_no, (sums.get(unit.line_no) ?? 0) + unit.quantity);
  return [...sums].map(([line_no, quantity]) => ({ line_no, quantity }));
}

function stockChange(
  key: LevelKey,
  state: StockChange['state'],
  delta: number,
  reason: StockChange['reason'],
  orderId: string,
): StockChange {
  return {
    item_id: key.item_id,
    location_id: key.location_id,
    state,
    delta,
    reason,
    reference: `order:${orderId}`,
  };
}

/** The order as clients see it: its lines (with what each still holds), and shipments. */
export async function orderJson(db: Db, order: OrderRow) {
  const { lines, reservations, shipments } = await store.orderDetails(db, [order.id]);
  const { org_id: _org, ...visible } = order;
  return {
    ...visible,
    lines: lines.map(({ order_id: _o, ...line }) => ({
      ...line,
      reserved: reservations
        .filter((r) => r.line_no === line.line_no)
        .reduce((sum, r) => sum + r.open, 0),
      allocations: reservations
        .filter((r) => r.line_no === line.line_no)
        .map(({ location_id, quantity, open: held }) => ({ location_id, quantity, open: held })),
    })),
    shipments: shipments.map(({ order_id: _o, ...shipment }) => shipment),
  };
}

export type OrderJson = Awaited<ReturnType<typeof orderJson>>;

async function announceOrder(core: Core, tx: Db, order: OrderRow): Promise<OrderJson> {
  const json = await orderJson(tx, order);
  await core.events.publish(tx, {
    topic: `inventory:${order.org_id}`,
    type: 'inventory.order_changed',
    data: { order: json },
  });
  return json;
}

/** How many orders of one bulk request ship at once (each its own transaction). */
const bulkConcurrency = 8;

/**
 * Ships many orders, each on its own (a failure refuses that order alone), a few at a time:
 * separate transactions keep the lock order of one order (order row, then levels) for all.
 */
export async function shipOrders(
  core: Core,
  actor: Actor,
  requests: (ShipmentInput & { order_id: string })[],
) {
  const results: RowResult[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    for (let row = next++; row < requests.length; row = next++) {
      const { order_id, ...shipment } = requests[row] as ShipmentInput & { order_id: string };
      results[row] = await rowResult(row, async () => {
        await shipOrder(core, actor, order_id, shipment);
        return order_id;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(bulkConcurrency, requests.length) }, worker));
  return bulkResult(results);
}
