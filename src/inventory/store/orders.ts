import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import {
  type OrderLineRow,
  type OrderRow,
  type OrderState,
  type ReservationRow,
  type ShipmentLine,
  inventoryTables as tables,
} from './tables.ts';

// The SQL of orders, their lines, reservations and shipments. An order changes state only
// through `changeOrderState`, guarded by the states it may leave (docs/inventory.md, "Orders").
// Writers lock the order row (`lockOrder`) before any level, the one order every transaction
// that touches both follows.

export interface NewOrder {
  id: string;
  org_id: string;
  customer: unknown;
  shipping_address: unknown;
  reference: string | null;
  hold_until: Date | null;
  created_by: string | null;
}

/** Inserts orders with their lines and reservations (three statements, however many orders). */
export async function insertOrders(
  db: Db,
  orders: NewOrder[],
  lines: Pick<OrderLineRow, 'order_id' | 'line_no' | 'item_id' | 'quantity'>[],
  reservations: ReservationRow[],
): Promise<OrderRow[]> {
  if (orders.length === 0) return [];
  const json = (value: unknown) => JSON.stringify(value ?? null);
  const rows = await tables(db)
    .insertInto('inventory_orders')
    .values(
      orders.map((order) => ({
        ...order,
        customer: json(order.customer),
        shipping_address: json(order.shipping_address),
      })),
    )
    .returningAll()
    .execute();
  await tables(db).insertInto('inventory_order_lines').values(lines).execute();
  if (reservations.length > 0) {
    await tables(db).insertInto('inventory_reservations').values(reservations).execute();
  }
  return rows;
}

/** The organisation's order, locked for the rest of the transaction; undefined when none. */
export function lockOrder(db: Db, orgId: string, orderId: string) {
  return tables(db)
    .selectFrom('inventory_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}

/** Several orders, locked in id order (bulk fulfilment). */
export function lockOrders(db: Db, orgId: string, orderIds: string[]) {
  return tables(db)
    .selectFrom('inventory_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', sql<string>`ANY(${orderIds}::uuid[])`)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function findOrder(db: Db, orgId: string, orderId: string) {
  return tables(db)
    .selectFrom('inventory_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', orderId)
    .executeTakeFirst();
}

/** An order's lines, reservations and shipments, in line and time order. */
export async function orderDetails(db: Db, orderIds: string[]) {
  const ids = sql<string>`ANY(${orderIds}::uuid[])`;
  const [lines, reservations, shipments] = await Promise.all([
    tables(db)
      .selectFrom('inventory_order_lines')
      .selectAll()
      .where('order_id', '=', ids)
      .orderBy('order_id')
      .orderBy('line_no')
      .execute(),
    tables(db)
      .selectFrom('inventory_reservations')
      .selectAll()
      .where('order_id', '=', ids)
      .orderBy('order_id')
      .orderBy('line_no')
      .orderBy('location_id')
      .execute(),
    tables(db)
      .selectFrom('inventory_shipments')
      .selectAll()
      .where('order_id', '=', ids)
      .orderBy('created_at')
      .execute(),
  ]);
  return { lines, reservations, shipments };
}

export interface OrderFilter {
  state?: OrderState;
  after?: string;
  limit: number;
}

export function listOrders(db: Db, orgId: string, filter: OrderFilter) {
  return tables(db)
    .selectFrom('inventory_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .$if(filter.state !== undefined, (q) => q.where('state', '=', filter.state as OrderState))
    .$if(filter.after !== undefined, (q) => q.where('id', '>', filter.after as string))
    .orderBy('id')
    .limit(filter.limit)
    .execute();
}

/**
 * The one shape of the order's transitions: to `to` if its state is one of `from`; the row as
 * changed, or undefined when it was in no such state.
 */
export function changeOrderState(db: Db, orderId: string, from: OrderState[], to: OrderState) {
  return tables(db)
    .updateTable('inventory_orders')
    .set({ state: to, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', orderId)
    .where('state', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

/** Takes `taken` units off the open quantity of reservations (shipped or released). */
export async function closeReservations(
  db: Db,
  taken: { order_id: string; line_no: number; location_id: string; quantity: number }[],
) {
  if (taken.length === 0) return;
  const column = <K extends keyof (typeof taken)[number]>(name: K) => taken.map((t) => t[name]);
  await sql`
    UPDATE inventory_reservations AS r SET open = r.open - v.quantity
      FROM unnest(${column('order_id')}::uuid[], ${column('line_no')}::int[],
                  ${column('location_id')}::uuid[], ${column('quantity')}::bigint[])
           AS v (order_id, line_no, location_id, quantity)
     WHERE r.order_id = v.order_id AND r.line_no = v.line_no
       AND r.location_id = v.location_id`.execute(db);
}

/** Adds to the shipped (`fulfilled`) or `returned` count of lines. */
export async function countLineUnits(
  db: Db,
  orderId: string,
  column: 'fulfilled' | 'returned',
  units: { line_no: number; quantity: number }[],
) {
  if (units.length === 0) return;
  await sql`
    UPDATE inventory_order_lines AS l SET ${sql.ref(column)} = l.${sql.ref(column)} + v.quantity
      FROM unnest(${units.map((u) => u.line_no)}::int[], ${units.map((u) => u.quantity)}::bigint[])
           AS v (line_no, quantity)
     WHERE l.order_id = ${orderId} AND l.line_no = v.line_no`.execute(db);
}

export function insertShipment(
  db: Db,
  shipment: {
    id: string;
    order_id: string;
    carrier: string | null;
    tracking_number: string | null;
    lines: ShipmentLine[];
    created_by: string | null;
  },
) {
  return tables(db)
    .insertInto('inventory_shipments')
    .values({ ...shipment, lines: JSON.stringify(shipment.lines) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An item an order names, with what allocation needs to know. */
export interface OrderableItem {
  id: string;
  sku: string;
  status: 'active' | 'archived';
  allow_backorder: boolean;
  /** The locations that hold a level of it, first to fulfil first (allocation's candidates). */
  candidate_locations: string[];
  /** The organisation's first location to fulfil from (where a backorder with no level goes). */
  first_location_id: string | null;
}

/** The organisation's items among `itemIds`, each with its candidate levels: one statement. */
export async function itemsForOrder(db: Db, orgId: string, itemIds: string[]) {
  const { rows } = await sql<OrderableItem>`
    SELECT i.id, i.sku, i.status, i.allow_backorder,
           ARRAY(SELECT l.location_id
                   FROM inventory_levels l
                   JOIN inventory_locations loc ON loc.id = l.location_id
                  WHERE l.item_id = i.id
                  ORDER BY loc.fulfilment_priority, loc.id) AS candidate_locations,
           (SELECT loc.id FROM inventory_locations loc
             WHERE loc.org_id = ${orgId}
             ORDER BY loc.fulfilment_priority, loc.id LIMIT 1) AS first_location_id
      FROM inventory_items i
     WHERE i.org_id = ${orgId} AND i.id = ANY(${itemIds}::uuid[])`.execute(db);
  return rows;
}
