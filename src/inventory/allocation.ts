import { Problem } from '../platform/problems.ts';
import type { LockedLevels } from './stock.ts';
import { type LevelKey, levelKeyOf } from './store/levels.ts';
import { availableOf } from './store/tables.ts';

// Where an order's units come from. A line that names a location reserves there; one that does
// not takes what is available from the item's locations in fulfilment-priority order, splitting
// across them when one is not enough. All or nothing: a line that cannot be covered refuses the
// whole order (unless its item allows backorder, when the rest is reserved at the first location).

export interface LineRequest {
  line_no: number;
  item_id: string;
  quantity: number;
  location_id?: string;
}

export interface Allocation extends LevelKey {
  line_no: number;
  quantity: number;
}

export interface AllocationContext {
  /** The locked levels (every candidate, and every named level). */
  levels: LockedLevels;
  /** Per item, its candidate levels in fulfilment-priority order. */
  candidates: ReadonlyMap<string, LevelKey[]>;
  /** Items that may be reserved past what is available. */
  backorder: ReadonlySet<string>;
  /** Where a backordered item with no level yet is reserved. */
  firstLocationId: string | undefined;
  sku(itemId: string): string;
}

/** The reservations that cover `lines`; throws `insufficient-stock` when one cannot be covered. */
export function allocate(lines: LineRequest[], context: AllocationContext): Allocation[] {
  // What is left at each level once the earlier lines have taken theirs.
  const left = new Map<string, number>();
  const availableAt = (key: LevelKey) => {
    const id = levelKeyOf(key);
    const level = context.levels.get(id);
    return left.get(id) ?? (level ? Math.max(availableOf(level), 0) : 0);
  };
  const take = (key: LevelKey, quantity: number) =>
    left.set(levelKeyOf(key), availableAt(key) - quantity);

  const allocations: Allocation[] = [];
  for (const line of lines) {
    if (line.location_id) {
      // The stock rules refuse it if that level has too little (naming the level).
      const key = { item_id: line.item_id, location_id: line.location_id };
      allocations.push({ ...key, line_no: line.line_no, quantity: line.quantity });
      take(key, line.quantity);
      continue;
    }
    let remaining = line.quantity;
    for (const key of context.candidates.get(line.item_id) ?? []) {
      const quantity = Math.min(availableAt(key), remaining);
      if (quantity <= 0) continue;
      allocations.push({ ...key, line_no: line.line_no, quantity });
      take(key, quantity);
      remaining -= quantity;
      if (remaining === 0) break;
    }
    if (remaining > 0) allocations.push(backordered(line, remaining, context));
  }
  return merged(allocations);
}

function backordered(line: LineRequest, remaining: number, context: AllocationContext) {
  const first = context.candidates.get(line.item_id)?.[0]?.location_id ?? context.firstLocationId;
  if (!context.backorder.has(line.item_id) || !first) {
    const available = line.quantity - remaining;
    throw new Problem(
      'insufficient-stock',
      `${context.sku(line.item_id)}: ${available} available across locations, ${line.quantity} asked (line ${line.line_no})`,
      {
        item_id: line.item_id,
        sku: context.sku(line.item_id),
        line_no: line.line_no,
        available,
        requested: line.quantity,
      },
    );
  }
  return { item_id: line.item_id, location_id: first, line_no: line.line_no, quantity: remaining };
}

/** One allocation per line and level (a backorder may land where the line already took some). */
function merged(allocations: Allocation[]): Allocation[] {
  const byKey = new Map<string, Allocation>();
  for (const allocation of allocations) {
    const key = `${allocation.line_no}/${levelKeyOf(allocation)}`;
    const seen = byKey.get(key);
    if (seen) seen.quantity += allocation.quantity;
    else byKey.set(key, { ...allocation });
  }
  return [...byKey.values()];
}
