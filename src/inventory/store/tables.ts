import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// Inventory's tables as Kysely sees them (migrations/001_inventory.sql says why each column is
// there). The order states and their transitions: `OrderState`, and docs/inventory.md.

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string | undefined, string>;
/** A column the database fills when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The quantities a level stores; `available` is derived (`availableOf`), never stored. */
export const stockStates = ['on_hand', 'reserved', 'incoming', 'damaged'] as const;
export type StockState = (typeof stockStates)[number];

/** Why a quantity changed: each ledger row names one. */
export const ledgerReasons = [
  'received',
  'restock',
  'correction',
  'cycle_count',
  'damaged',
  'shrinkage',
  'sale',
  'reservation',
  'release',
  'transfer',
  'return',
] as const;
export type LedgerReason = (typeof ledgerReasons)[number];

/** The largest quantity anything may hold or change by (the CHECKs of the levels). */
export const maxQuantity = 1_000_000_000;

/** The life of an order (`inventory_orders.state`); each transition is a function of orders.ts. */
export type OrderState =
  /** Its lines' stock is held. Entered on create; left by a shipment, cancel or expiry. */
  | 'reserved'
  /** Some units shipped, the rest still held. Left by further shipments or cancel. */
  | 'partially_fulfilled'
  /** Every unit shipped; returns may still restock. Final. */
  | 'fulfilled'
  /** Cancelled by a member: what was still held is released. Final. */
  | 'cancelled'
  /** Its checkout hold ran out before anything shipped: all of it released. Final. */
  | 'expired';

export type InventoryTables = {
  inventory_categories: {
    id: string;
    org_id: string;
    name: string;
    parent_id: string | null;
    created_at: CreatedAt;
  };
  inventory_locations: {
    id: string;
    org_id: string;
    name: string;
    kind: Defaulted<'warehouse' | 'store'>;
    fulfilment_priority: number;
    address: Json<Record<string, unknown> | null>;
    version: ColumnType<number, number | undefined, number>;
    created_at: CreatedAt;
  };
  inventory_items: {
    id: string;
    org_id: string;
    sku: string;
    name: string;
    description: string;
    category_id: string | null;
    media: string[];
    unit_cost: number | null;
    price: number | null;
    currency: string;
    attributes: Json<Record<string, unknown>>;
    status: 'active' | 'archived';
    allow_backorder: boolean;
    version: ColumnType<number, number | undefined, number>;
    created_at: CreatedAt;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  inventory_levels: {
    item_id: string;
    location_id: string;
    org_id: string;
    on_hand: Defaulted<number>;
    reserved: Defaulted<number>;
    incoming: Defaulted<number>;
    damaged: Defaulted<number>;
    safety_stock: Defaulted<number>;
    reorder_point: Defaulted<number>;
    low_stock_since: Defaulted<Date | null>;
    version: Defaulted<number>;
    updated_at: Defaulted<Date>;
  };
  inventory_ledger: {
    id: Generated<number>;
    org_id: string;
    item_id: string;
    location_id: string;
    state: StockState;
    delta: number;
    quantity_after: number;
    reason: LedgerReason;
    reference: string | null;
    unit_cost: number | null;
    actor_id: string | null;
    operation_id: string;
    created_at: CreatedAt;
  };
  inventory_orders: {
    id: string;
    org_id: string;
    state: Defaulted<OrderState>;
    customer: Json<unknown>;
    shipping_address: Json<unknown>;
    reference: string | null;
    hold_until: Date | null;
    created_by: string | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: CreatedAt;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  inventory_order_lines: {
    order_id: string;
    line_no: number;
    item_id: string;
    quantity: number;
    fulfilled: ColumnType<number, number | undefined, number>;
    returned: ColumnType<number, number | undefined, number>;
  };
  inventory_reservations: {
    order_id: string;
    line_no: number;
    location_id: string;
    item_id: string;
    quantity: number;
    open: number;
  };
  inventory_shipments: {
    id: string;
    order_id: string;
    carrier: string | null;
    tracking_number: string | null;
    lines: Json<ShipmentLine[]>;
    created_by: string | null;
    created_at: CreatedAt;
  };
};

export interface ShipmentLine {
  line_no: number;
  location_id: string;
  quantity: number;
}

export type CategoryRow = Selectable<InventoryTables['inventory_categories']>;
export type LocationRow = Selectable<InventoryTables['inventory_locations']>;
export type ItemRow = Selectable<InventoryTables['inventory_items']>;
export type LevelRow = Selectable<InventoryTables['inventory_levels']>;
export type LedgerRow = Selectable<InventoryTables['inventory_ledger']>;
export type OrderRow = Selectable<InventoryTables['inventory_orders']>;
export type OrderLineRow = Selectable<InventoryTables['inventory_order_lines']>;
export type ReservationRow = Selectable<InventoryTables['inventory_reservations']>;
export type ShipmentRow = Selectable<InventoryTables['inventory_shipments']>;

/** The database typed with inventory's tables. */
export function inventoryTables(db: Db) {
  return db.withTables<InventoryTables>();
}

/** What can be sold or reserved now: on hand, less what orders hold and the safety stock. */
export function availableOf(level: Pick<LevelRow, 'on_hand' | 'reserved' | 'safety_stock'>) {
  return level.on_hand - level.reserved - level.safety_stock;
}
