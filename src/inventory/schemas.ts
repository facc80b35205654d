import { type Static, Type } from 'typebox';
import { Name } from '../platform/http/schemas.ts';
import { ledgerReasons, maxQuantity, stockStates } from './store/tables.ts';

// The inventory JSON of docs/inventory.md. Shapes and bounds are checked here (a 400 naming the
// field); what needs the database (an unknown category, too little stock) by the service.

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A count of units: a whole number, bounded so that no sum of them overflows. */
export const Quantity = Type.Integer({ minimum: 1, maximum: maxQuantity });
const SignedQuantity = Type.Integer({ minimum: -maxQuantity, maximum: maxQuantity });
const Money = Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units (cents)' });

export const OrgParams = Type.Object({ orgId: Id });
export const ItemParams = Type.Object({ orgId: Id, itemId: Id });
export const LocationParams = Type.Object({ orgId: Id, locationId: Id });
export const OrderParams = Type.Object({ orgId: Id, orderId: Id });

export const StockState = Type.Enum(stockStates);
export const LedgerReason = Type.Enum(ledgerReasons);
const Reference = Type.String({ maxLength: 512, description: 'An order, a document URI, …' });

// ---- Catalogue ----

const itemFields = {
  name: Name({ maxLength: 200 }),
  description: Type.String({ maxLength: 10_000 }),
  category_id: Nullable(Id),
  media: Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 20 }),
  unit_cost: Nullable(Money),
  price: Nullable(Money),
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }),
  attributes: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 }),
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  allow_backorder: Type.Boolean(),
};

export const Sku = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[\\x21-\\x7e]+$',
  description: 'Visible ASCII, no spaces; unique in the organisation',
});

export const ItemInput = Type.Object(
  {
    sku: Sku,
    name: itemFields.name,
    description: Type.Optional(itemFields.description),
    category_id: Type.Optional(itemFields.category_id),
    media: Type.Optional(itemFields.media),
    unit_cost: Type.Optional(itemFields.unit_cost),
    price: Type.Optional(itemFields.price),
    currency: Type.Optional(itemFields.currency),
    attributes: Type.Optional(itemFields.attributes),
    status: Type.Optional(itemFields.status),
    allow_backorder: Type.Optional(itemFields.allow_backorder),
  },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemInput>;

export const ItemPatch = Type.Partial(
  Type.Object({ ...itemFields, sku: Sku, version: Type.Integer({ minimum: 1 }) }),
  { additionalProperties: false, minProperties: 1 },
);
export type ItemPatch = Static<typeof ItemPatch>;

export const Item = Type.Object({
  id: Id,
  sku: Type.String(),
  ...itemFields,
  name: Type.String(),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const ItemListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    status: Type.Optional(itemFields.status),
    category_id: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const CategoryInput = Type.Object(
  { name: Name({ maxLength: 200 }), parent_id: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);
export const Category = Type.Object({
  id: Id,
  name: Type.String(),
  parent_id: Nullable(Id),
  created_at: Timestamp,
});

const locationFields = {
  name: Name({ maxLength: 200 }),
  kind: Type.Union([Type.Literal('warehouse'), Type.Literal('store')]),
  fulfilment_priority: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  address: Nullable(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown())),
};
export const LocationInput = Type.Object(
  {
    name: locationFields.name,
    kind: Type.Optional(locationFields.kind),
    fulfilment_priority: Type.Optional(locationFields.fulfilment_priority),
    address: Type.Optional(locationFields.address),
  },
  { additionalProperties: false },
);
export type LocationInput = Static<typeof LocationInput>;
export const LocationPatch = Type.Partial(Type.Object(locationFields), {
  additionalProperties: false,
  minProperties: 1,
});
export const Location = Type.Object({
  id: Id,
  ...locationFields,
  name: Type.String(),
  version: Type.Integer(),
  created_at: Timestamp,
});

export const LocationList = Type.Object({ items: Type.Array(Location) });

// ---- Stock ----

export const Level = Type.Object({
  item_id: Id,
  location_id: Id,
  on_hand: Type.Integer(),
  reserved: Type.Integer(),
  incoming: Type.Integer(),
  damaged: Type.Integer(),
  available: Type.Integer({ description: 'on_hand - reserved - safety_stock' }),
  safety_stock: Type.Integer(),
  reorder_point: Type.Integer(),
  low_stock: Type.Boolean(),
  version: Type.Integer(),
  updated_at: Timestamp,
});
export const ItemLevels = Type.Object({ item_id: Id, levels: Type.Array(Level) });

export const StockResult = Type.Object({
  operation_id: Id,
  levels: Type.Array(Level),
});

const levelTarget = { item_id: Id, location_id: Id };

export const AdjustmentInput = Type.Object(
  {
    ...levelTarget,
    state: Type.Optional(StockState),
    delta: SignedQuantity,
    reason: LedgerReason,
    reference: Type.Optional(Reference),
  },
  { additionalProperties: false },
);
export type AdjustmentInput = Static<typeof AdjustmentInput>;

export const SetQuantityInput = Type.Object(
  {
    ...levelTarget,
    state: Type.Optional(StockState),
    quantity: Type.Integer({ minimum: 0, maximum: maxQuantity }),
    change_from_quantity: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: maxQuantity })),
    ),
    reason: Type.Optional(LedgerReason),
    reference: Type.Optional(Reference),
  },
  { additionalProperties: false },
);
export type SetQuantityInput = Static<typeof SetQuantityInput>;

export const MoveInput = Type.Object(
  {
    ...levelTarget,
    from: StockState,
    to: StockState,
    quantity: Quantity,
    reason: Type.Optional(LedgerReason),
    reference: Type.Optional(Reference),
  },
  { additionalProperties: false },
);
export type MoveInput = Static<typeof MoveInput>;

export const TransferInput = Type.Object(
  {
    item_id: Id,
    from_location_id: Id,
    to_location_id: Id,
    quantity: Quantity,
    reference: Type.Optional(Reference),
  },
  { additionalProperties: false },
);
export type TransferInput = Static<typeof TransferInput>;

export const ReceiptInput = Type.Object(
  {
    ...levelTarget,
    quantity: Quantity,
    unit_cost: Type.Optional(Money),
    reference: Type.Optional(Reference),
  },
  { additionalProperties: false },
);
export type ReceiptInput = Static<typeof ReceiptInput>;

export const ThresholdsInput = Type.Object(
  {
    safety_stock: Type.Optional(Type.Integer({ minimum: 0, maximum: maxQuantity })),
    reorder_point: Type.Optional(Type.Integer({ minimum: 0, maximum: maxQuantity })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const ThresholdParams = Type.Object({ orgId: Id, itemId: Id, locationId: Id });

export const LedgerEntry = Type.Object({
  id: Type.Integer(),
  item_id: Id,
  location_id: Id,
  state: StockState,
  delta: Type.Integer(),
  quantity_after: Type.Integer(),
  reason: LedgerReason,
  reference: Nullable(Type.String()),
  unit_cost: Nullable(Type.Integer()),
  actor_id: Nullable(Id),
  operation_id: Id,
  created_at: Timestamp,
});
export const LedgerQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    location_id: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export { Id, Nullable, Timestamp };

// ---- Orders ----

const orderStates = [
  'reserved',
  'partially_fulfilled',
  'fulfilled',
  'cancelled',
  'expired',
] as const;
const Party = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  maxProperties: 50,
  description: 'Free-form JSON (name, email, address lines, …)',
});

export const OrderInput = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { item_id: Id, quantity: Quantity, location_id: Type.Optional(Id) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
    customer: Type.Optional(Party),
    shipping_address: Type.Optional(Party),
    reference: Type.Optional(Reference),
    hold_until: Type.Optional(
      Type.String({ format: 'date-time', description: 'Release the reservation at this time' }),
    ),
  },
  { additionalProperties: false },
);

const LineUnits = Type.Object(
  { line_no: Type.Integer({ minimum: 1, maximum: 500 }), quantity: Quantity },
  { additionalProperties: false },
);

export const ShipmentInput = Type.Object(
  {
    lines: Type.Optional(Type.Array(LineUnits, { minItems: 1, maxItems: 500 })),
    carrier: Type.Optional(Type.String({ maxLength: 100 })),
    tracking_number: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const ReturnInput = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          line_no: Type.Integer({ minimum: 1, maximum: 500 }),
          quantity: Quantity,
          location_id: Type.Optional(Id),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const BulkFulfilmentInput = Type.Object(
  {
    orders: Type.Array(
      Type.Object(
        {
          order_id: Id,
          lines: ShipmentInput.properties.lines,
          carrier: ShipmentInput.properties.carrier,
          tracking_number: ShipmentInput.properties.tracking_number,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

const Shipment = Type.Object({
  id: Id,
  carrier: Nullable(Type.String()),
  tracking_number: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({ line_no: Type.Integer(), location_id: Id, quantity: Type.Integer() }),
  ),
  created_by: Nullable(Id),
  created_at: Timestamp,
});

export const Order = Type.Object({
  id: Id,
  state: Type.Enum(orderStates),
  customer: Type.Unknown(),
  shipping_address: Type.Unknown(),
  reference: Nullable(Type.String()),
  hold_until: Nullable(Timestamp),
  created_by: Nullable(Id),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
  lines: Type.Array(
    Type.Object({
      line_no: Type.Integer(),
      item_id: Id,
      quantity: Type.Integer(),
      fulfilled: Type.Integer(),
      returned: Type.Integer(),
      reserved: Type.Integer({ description: 'Units still held for this line' }),
      allocations: Type.Array(
        Type.Object({ location_id: Id, quantity: Type.Integer(), open: Type.Integer() }),
      ),
    }),
  ),
  shipments: Type.Array(Shipment),
});

export const ShipmentResult = Type.Object({ order: Order, shipment: Shipment });

export const OrderListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    state: Type.Optional(Type.Enum(orderStates)),
  },
  { additionalProperties: false },
);
