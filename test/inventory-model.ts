import fc from 'fast-check';
import type { StockState } from '../src/inventory/store/tables.ts';

// The model of inventory's property test (src/inventory/invariants.property.test.ts): the
// commands it draws and what each should do to a small in-memory shop (levels, orders and their
// reservations), written from the rules of docs/inventory.md, not from the code under test.

export const items = 3;
export const locations = 3;

// ---- commands -------------------------------------------------------------------------------

export type Command =
  | { kind: 'adjust'; item: number; location: number; state: StockState; delta: number }
  | {
      kind: 'set';
      item: number;
      location: number;
      state: StockState;
      quantity: number;
      from: 'none' | 'right' | 'stale';
    }
  | {
      kind: 'move';
      item: number;
      location: number;
      from: StockState;
      to: StockState;
      quantity: number;
    }
  | { kind: 'transfer'; item: number; from: number; to: number; quantity: number }
  | { kind: 'receive'; item: number; location: number; quantity: number }
  | {
      kind: 'order';
      lines: { item: number; quantity: number; location: number | null }[];
      hold: number | null;
    }
  | { kind: 'ship'; order: number; partial: { line_no: number; quantity: number } | null }
  | { kind: 'cancel'; order: number }
  | { kind: 'expire'; order: number; viaJob: boolean }
  | { kind: 'return'; order: number; line_no: number; quantity: number; location: number | null };

export const item = fc.nat({ max: items - 1 });
export const location = fc.nat({ max: locations - 1 });
export const quantity = fc.integer({ min: 1, max: 6 });
export const state = fc.constantFrom<StockState>(
  'on_hand',
  'on_hand',
  'incoming',
  'damaged',
  'reserved',
);
export const orderIndex = fc.nat({ max: 50 });

export const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      item,
      location,
      state,
      delta: fc.integer({ min: -8, max: 12 }).filter((d) => d !== 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      item,
      location,
      state,
      quantity: fc.nat({ max: 12 }),
      from: fc.constantFrom('none' as const, 'right' as const, 'stale' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      item,
      location,
      from: state,
      to: state,
      quantity,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      item,
      from: location,
      to: location,
      quantity,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('receive' as const), item, location, quantity }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      lines: fc.array(fc.record({ item, quantity, location: fc.option(location) }), {
        minLength: 1,
        maxLength: 3,
      }),
      hold: fc.option(fc.integer({ min: 1, max: 5 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('ship' as const),
      order: orderIndex,
      partial: fc.option(fc.record({ line_no: fc.integer({ min: 1, max: 3 }), quantity })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: orderIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('expire' as const),
      order: orderIndex,
      viaJob: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      order: orderIndex,
      line_no: fc.integer({ min: 1, max: 3 }),
      quantity,
      location: fc.option(location),
    }),
  },
);

// ---- the model ------------------------------------------------------------------------------

export interface ModelLevel {
  on_hand: number;
  reserved: number;
  incoming: number;
  damaged: number;
}

export interface ModelReservation {
  location: string;
  quantity: number;
  open: number;
}

export interface ModelLine {
  line_no: number;
  item: string;
  quantity: number;
  fulfilled: number;
  returned: number;
  /** By location id, as the order's reservations are read (and shipped from). */
  reservations: ModelReservation[];
  /** Where each shipment of this line left from, in order (a return's default). */
  shippedFrom: string[];
}

export interface ModelOrder {
  id: string;
  state: 'reserved' | 'partially_fulfilled' | 'fulfilled' | 'cancelled' | 'expired';
  holdUntil: Date | null;
  lines: ModelLine[];
}

/** What a command should do: a problem's name, or nothing (it succeeds as the model did). */
export type Refusal = string | null;

export const levelKey = (itemId: string, locationId: string) => `${itemId}/${locationId}`;

export class Model {
  readonly levels = new Map<string, ModelLevel>();
  readonly orders: ModelOrder[] = [];

  /** The levels stored: every level a committed operation locked, even unchanged. */
  readonly exists = new Set<string>();
  readonly itemIds: string[];
  /** In fulfilment-priority order. */
  readonly locationIds: string[];
  /** Items that may be reserved past what is available. */
  readonly backorder: Set<string>;

  constructor(itemIds: string[], locationIds: string[], backorder: string[]) {
    this.itemIds = itemIds;
    this.locationIds = locationIds;
    this.backorder = new Set(backorder);
  }

  level(itemId: string, locationId: string): ModelLevel {
    const key = levelKey(itemId, locationId);
    return { on_hand: 0, reserved: 0, incoming: 0, damaged: 0, ...this.levels.get(key) };
  }

  /**
   * Applies changes `[item, location, state, delta]` if every rule of stock.ts holds on the
   * result (else returns the refusal and changes nothing). `locks`: more levels the operation
   * locks (and so stores) without changing them.
   */
  change(changes: [string, string, StockState, number][], locks: string[] = []): Refusal {
    const after = new Map<string, ModelLevel>();
    for (const [itemId, locationId, state, delta] of changes) {
      const key = levelKey(itemId, locationId);
      const level = after.get(key) ?? this.level(itemId, locationId);
      level[state] += delta;
      after.set(key, level);
    }
    for (const [key, level] of after) {
      const [itemId, locationId] = key.split('/') as [string, string];
      const before = this.level(itemId, locationId);
      if (Object.values(level).some((q) => q < 0)) return 'insufficient-stock';
      const available = level.on_hand - level.reserved;
      const fell = available < before.on_hand - before.reserved;
      if (available < 0 && fell && !this.backorder.has(itemId)) return 'insufficient-stock';
    }
    for (const [key, level] of after) this.levels.set(key, level);
    for (const key of [...after.keys(), ...locks]) this.exists.add(key);
    return null;
  }

  available(itemId: string, locationId: string): number {
    const level = this.level(itemId, locationId);
    return level.on_hand - level.reserved;
  }
}

export function mergedReservations(allocations: { location: string; quantity: number }[]) {
  const byLocation = new Map<string, number>();
  for (const a of allocations) {
    byLocation.set(a.location, (byLocation.get(a.location) ?? 0) + a.quantity);
  }
  return [...byLocation]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([location, quantity]) => ({ location, quantity, open: quantity }));
}

/** Ships on the model as shipOrder does: from the line's reservations in location order. */
export function shipOnModel(
  model: Model,
  order: ModelOrder,
  partial: { line_no: number; quantity: number } | null,
): Refusal {
  if (order.state !== 'reserved' && order.state !== 'partially_fulfilled') {
    return 'order-state-conflict';
  }
  const wanted = partial
    ? [partial]
    : order.lines.map((l) => ({ line_no: l.line_no, quantity: l.quantity - l.fulfilled }));
  const taken: { line: ModelLine; reservation: ModelReservation; quantity: number }[] = [];
  for (const want of wanted.filter((w) => w.quantity > 0)) {
    const line = order.lines.find((l) => l.line_no === want.line_no);
    let remaining = want.quantity;
    for (const reservation of line?.reservations ?? []) {
      const quantity = Math.min(reservation.open, remaining);
      if (quantity <= 0 || !line) continue;
      taken.push({ line, reservation, quantity });
      remaining -= quantity;
    }
    if (remaining > 0) return 'unprocessable';
  }
  if (taken.length === 0) return 'unprocessable';
  const refused = model.change(
    taken.flatMap(({ line, reservation, quantity }) => [
      [line.item, reservation.location, 'reserved', -quantity],
      [line.item, reservation.location, 'on_hand', -quantity],
    ]),
  );
  if (refused) return refused;
  for (const { line, reservation, quantity } of taken) {
    reservation.open -= quantity;
    line.fulfilled += quantity;
    line.shippedFrom.push(reservation.location);
  }
  const done = order.lines.every((l) => l.fulfilled === l.quantity);
  order.state = done ? 'fulfilled' : 'partially_fulfilled';
  return null;
}

export function release(model: Model, order: ModelOrder, to: 'cancelled' | 'expired') {
  const held = order.lines.flatMap((line) =>
    line.reservations
      .filter((r) => r.open > 0)
      .map(
        (r) => [line.item, r.location, 'reserved', -r.open] as [string, string, StockState, number],
      ),
  );
  const refused = model.change(held);
  if (refused) throw new Error(`the model could not release order ${order.id}: ${refused}`);
  for (const line of order.lines) for (const r of line.reservations) r.open = 0;
  order.state = to;
}
