import { uuidv7 } from 'uuidv7';
import { type Db, transaction } from '../platform/db/database.ts';
import type { EventInput } from '../platform/events/publish.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { Snooze } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { bulkAnswer, rowOutcome } from './bulk.ts';
import type { RowResult } from './bulk-schemas.ts';
import { changeStock, type StockChange } from './stock.ts';
import type { Actor } from './stock-operations.ts';
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

const open: OrderState[] = ['reserved', 'partially_fulfilled'];

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

/** What `orderJson` shows of an order besides the row (`store.orderDetails`). */
type OrderDetails = Awaited<ReturnType<typeof store.orderDetails>>;

/** The order as clients see it: its lines (with what each still holds), and shipments. */
export function orderJson(order: OrderRow, { lines, reservations, shipments }: OrderDetails) {
  const { org_id: _org, ...visible } = order;
  return {
    ...visible,
    lines: lines.map(({ order_id: _o, ...line }) => {
      const held = reservations.filter((r) => r.line_no === line.line_no);
      return {
        ...line,
        reserved: held.reduce((sum, r) => sum + r.open, 0),
        allocations: held.map(({ location_id, quantity, open }) => ({
          location_id,
          quantity,
          open,
        })),
      };
    }),
    shipments: shipments.map(({ order_id: _o, ...shipment }) => shipment),
  };
}

export type OrderJson = ReturnType<typeof orderJson>;

/** `orderJson` of orders read from the database: their details in three queries for all. */
export async function loadOrderJsons(db: Db, orders: OrderRow[]): Promise<OrderJson[]> {
  if (orders.length === 0) return [];
  const { lines, reservations, shipments } = await store.orderDetails(
    db,
    orders.map((order) => order.id),
  );
  const of =
    (order: OrderRow) =>
    <R extends { order_id: string }>(rows: R[]) =>
      rows.filter((row) => row.order_id === order.id);
  return orders.map((order) => {
    const mine = of(order);
    return orderJson(order, {
      lines: mine(lines),
      reservations: mine(reservations),
      shipments: mine(shipments),
    });
  });
}

/** `orderJson` of one order read from the database. */
export async function loadOrderJson(db: Db, order: OrderRow): Promise<OrderJson> {
  return (await loadOrderJsons(db, [order]))[0] as OrderJson;
}

/** What an open screen hears of a changed order, on `inventory:<org>`. */
export function orderEvent(orgId: string, order: OrderJson): EventInput {
  return { topic: `inventory:${orgId}`, type: 'inventory.order_changed', data: { order } };
}

async function announceOrder(core: Core, tx: Db, order: OrderRow): Promise<OrderJson> {
  const json = await loadOrderJson(tx, order);
  await core.events.publish(tx, orderEvent(order.org_id, json));
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
      results[row] = await rowOutcome(row, async () => {
        await shipOrder(core, actor, order_id, shipment);
        return { status: 'updated', id: order_id };
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(bulkConcurrency, requests.length) }, worker));
  return bulkAnswer(results);
}
