import { uuidv7 } from 'uuidv7';
import type { Db } from '../platform/db/database.ts';
import { groupCommit } from '../platform/db/group-commit.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { allocate, type LineRequest } from './allocation.ts';
import { expireOrderJob, type OrderJson, orderEvent, orderJson } from './orders.ts';
import { changeStockTogether, type StockOperation } from './stock.ts';
import type { Actor } from './stock-operations.ts';
import type { LevelKey } from './store/levels.ts';
import * as store from './store/orders.ts';
import type { OrderLineRow, ReservationRow } from './store/tables.ts';

// Creating an order: its lines reserved at once, all or nothing (allocation.ts). What can be
// checked before any lock (the items, the named locations, the candidate levels) is checked per
// request; the reservations of the orders that arrive together are then written in one
// transaction (`orderCreator`), each order kept or refused on its own.

export interface OrderInput {
  lines: { item_id: string; quantity: number; location_id?: string }[];
  customer?: unknown;
  shipping_address?: unknown;
  reference?: string;
  hold_until?: string;
}

/** An order ready to reserve: checked, with the levels it may take from. */
interface PreparedOrder {
  id: string;
  actor: Actor;
  input: OrderInput;
  lines: LineRequest[];
  holdUntil: Date | null;
  items: Map<string, store.OrderableItem>;
  lock: LevelKey[];
  candidates: Map<string, LevelKey[]>;
  firstLocationId: string | undefined;
}

export type CreateOrder = ReturnType<typeof orderCreator>;

/** The order creator of this process (built once, in writers.ts). */
export function orderCreator(core: Core) {
  const write = groupCommit(core.database.db, (tx, orders: PreparedOrder[]) =>
    reserveOrders(core, tx, orders),
  );
  return async (actor: Actor, input: OrderInput) => {
    const outcome = await write(await prepareOrder(core, actor, input));
    if ('refused' in outcome) throw outcome.refused;
    return outcome.order;
  };
}

async function prepareOrder(core: Core, actor: Actor, input: OrderInput): Promise<PreparedOrder> {
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
  const candidates = new Map(
    [...items.values()].map((item) => [
      item.id,
      item.candidate_locations.map((location_id) => ({ item_id: item.id, location_id })),
    ]),
  );
  const firstLocationId = [...items.values()][0]?.first_location_id ?? undefined;
  // A backordered item with no level yet is reserved at the first location: lock that level too.
  const backorderKeys = [...items.values()]
    .filter((item) => item.allow_backorder && item.candidate_locations.length === 0)
    .flatMap((item) =>
      firstLocationId ? [{ item_id: item.id, location_id: firstLocationId }] : [],
    );
  return {
    id: uuidv7(),
    actor,
    input,
    lines,
    holdUntil,
    items,
    lock: [...named, ...[...candidates.values()].flat(), ...backorderKeys],
    candidates,
    firstLocationId,
  };
}

/** The organisation's active items of `lines`, by id; 404 for another's, 422 for archived. */
async function orderableItems(db: Db, orgId: string, lines: LineRequest[]) {
  const ids = [...new Set(lines.map((line) => line.item_id))];
  const items = new Map((await store.itemsForOrder(db, orgId, ids)).map((item) => [item.id, item]));
  for (const id of ids) {
    const item = items.get(id);
    if (!item) throw new Problem('not-found', `No item ${id}`);
    if (item.status === 'archived') {
      throw new Problem('unprocessable', `${item.sku} is archived: it cannot be ordered`);
    }
  }
  return items;
}

/** Reserves `orders` in `tx`, in order: each the order as created, or why it was refused. */
async function reserveOrders(core: Core, tx: Db, orders: PreparedOrder[]) {
  const reservations = new Map<string, ReservationRow[]>();
  const outcomes = await changeStockTogether(
    core,
    tx,
    orders.map((order) => reservation(order, reservations)),
  );
  const kept = orders.filter((_, index) => !outcomes[index]?.refused);
  const rows = await store.insertOrders(
    tx,
    kept.map((order) => ({
      id: order.id,
      org_id: order.actor.orgId,
      customer: order.input.customer,
      shipping_address: order.input.shipping_address,
      reference: order.input.reference ?? null,
      hold_until: order.holdUntil,
      created_by: order.actor.userId,
    })),
    kept.flatMap((order) =>
      order.lines.map(({ line_no, item_id, quantity }) => ({
        order_id: order.id,
        line_no,
        item_id,
        quantity,
      })),
    ),
    kept.flatMap((order) => reservations.get(order.id) ?? []),
  );
  const holds = kept.filter((order) => order.holdUntil);
  if (holds.length > 0) {
    const spec = (o: PreparedOrder) =>
      expireOrderJob.spec({ orgId: o.actor.orgId, orderId: o.id }, { runAt: o.holdUntil as Date });
    await core.jobs.enqueueMany(holds.map(spec), { tx });
  }
  const created = new Map<string, OrderJson>();
  for (const row of rows) {
    const order = kept.find((o) => o.id === row.id) as PreparedOrder;
    const lines = order.lines.map(
      ({ line_no, item_id, quantity }): OrderLineRow => ({
        order_id: order.id,
        line_no,
        item_id,
        quantity,
        fulfilled: 0,
        returned: 0,
      }),
    );
    const details = { lines, reservations: reservations.get(row.id) ?? [], shipments: [] };
    created.set(row.id, orderJson(row, details));
  }
  await core.events.publishMany(
    tx,
    rows.map((row) => orderEvent(row.org_id, created.get(row.id) as OrderJson)),
  );
  return orders.map((order, index) => {
    const outcome = outcomes[index];
    if (outcome?.refused) return { refused: outcome.refused };
    return { order: created.get(order.id) as OrderJson };
  });
}

/** The stock operation that reserves `order`, keeping its reservations in `reservations`. */
function reservation(
  order: PreparedOrder,
  reservations: Map<string, ReservationRow[]>,
): StockOperation {
  const backorder = new Set(
    [...order.items.values()].filter((i) => i.allow_backorder).map((i) => i.id),
  );
  return {
    orgId: order.actor.orgId,
    actorId: order.actor.userId,
    lock: order.lock,
    plan(levels) {
      const allocations = allocate(order.lines, {
        levels,
        candidates: order.candidates,
        backorder,
        firstLocationId: order.firstLocationId,
        sku: (itemId) => order.items.get(itemId)?.sku ?? itemId,
      });
      reservations.set(
        order.id,
        allocations.map((a) => ({ ...a, order_id: order.id, open: a.quantity })),
      );
      return allocations.map((a) => ({
        item_id: a.item_id,
        location_id: a.location_id,
        state: 'reserved' as const,
        delta: a.quantity,
        reason: 'reservation' as const,
        reference: `order:${order.id}`,
      }));
    },
  };
}
