import { uuidv7 } from 'uuidv7';
import type { Db } from '../platform/db/database.ts';
import type { EventInput } from '../platform/events/publish.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { lowStockJob } from './low-stock.ts';
import {
  appendLedger,
  type LedgerEntry,
  type LevelKey,
  type LockedLevel,
  levelKeyOf,
  lockLevels,
  writeLevels,
} from './store/levels.ts';
import {
  availableOf,
  type LedgerReason,
  type LevelRow,
  maxQuantity,
  type StockState,
  stockStates,
} from './store/tables.ts';

// The one way stock changes. An operation locks the levels it names (in one fixed order), plans
// its changes from what it found, and then — if every rule holds — writes the new levels, one
// ledger row per change, the live event and the low-stock jobs, all in the caller's transaction.
// Nothing here calls out of the database, so no lock is held across a network call.

/** One change of one quantity. */
export interface StockChange extends LevelKey {
  state: StockState;
  delta: number;
  reason: LedgerReason;
  reference?: string | null;
  /** What each unit cost, on a receipt (valuation). */
  unit_cost?: number | null;
}

/** The locked levels of an operation, by `levelKeyOf`. */
export type LockedLevels = ReadonlyMap<string, LockedLevel>;

export interface StockOperation {
  orgId: string;
  actorId: string | null;
  /** The levels to lock: every level `plan` may change. */
  lock: LevelKey[];
  /** The changes, decided on the locked levels (throw a Problem to refuse). */
  plan(levels: LockedLevels): StockChange[];
  /** Rewrite (and announce) every locked level, changed or not: its thresholds moved. */
  touch?: boolean;
  /**
   * Told of each change that would break a rule, which is then left out instead of failing the
   * whole operation: a bulk set, where each row stands alone, reports it on its row. With it,
   * changes are checked one at a time in order, each on the level the changes before it left.
   */
  onRefused?(change: StockChange, problem: Problem): void;
  /**
   * Where to put the operation's event instead of publishing it: publishing takes the event
   * log's lock until commit, so a transaction of many operations (a bulk write) collects their
   * events and publishes them as it ends, holding that lock only for its last moment.
   */
  events?: EventInput[];
}

/** A level as clients see it, `available` included. */
export type LevelView = ReturnType<typeof levelJson>;

export function levelJson(level: LevelRow) {
  const { org_id: _org, low_stock_since, ...visible } = level;
  return { ...visible, available: availableOf(level), low_stock: low_stock_since !== null };
}

/**
 * Runs a stock operation in `tx` (see above). Returns the operation's id (its ledger rows share
 * it) and the levels it changed, as they are now.
 *
 * @example
 * await changeStock(core, tx, { orgId, actorId, lock: [key],
 *   plan: () => [{ ...key, state: 'on_hand', delta: -2, reason: 'shrinkage' }] });
 */
export async function changeStock(core: Core, tx: Db, operation: StockOperation) {
  const locked = await lockLevels(tx, operation.orgId, operation.lock);
  const levels = new Map(locked.map((level) => [levelKeyOf(level), level]));
  const changes = operation.plan(levels).filter((change) => change.delta !== 0);
  const now = core.clock.now();
  const { changed, entries } = applyChanges(levels, changes, operation);
  const lowStock = markLowStock(changed, now);
  const operationId = uuidv7();
  await writeLevels(tx, changed, now);
  await appendLedger(
    tx,
    operation.orgId,
    { id: operationId, actorId: operation.actorId, at: now },
    entries,
  );
  for (const level of lowStock) {
    const payload = {
      orgId: operation.orgId,
      itemId: level.item_id,
      locationId: level.location_id,
    };
    await core.jobs.enqueue(lowStockJob.spec(payload), { tx });
  }
  const views = changed.map(levelJson);
  if (views.length > 0) {
    const event = {
      topic: `inventory:${operation.orgId}`,
      type: 'inventory.levels_changed',
      data: {
        operation_id: operationId,
        reasons: [...new Set(entries.map((entry) => entry.reason))],
        levels: views,
      },
    };
    if (operation.events) operation.events.push(event);
    else await core.events.publish(tx, event);
  }
  return { operationId, levels: views };
}

/** The levels after `changes`, and their ledger rows; refuses what would break a rule. */
function applyChanges(
  levels: LockedLevels,
  changes: StockChange[],
  { touch, onRefused }: Pick<StockOperation, 'touch' | 'onRefused'>,
) {
  const after = new Map<string, LockedLevel>(
    touch ? [...levels].map(([key, level]) => [key, { ...level }]) : [],
  );
  const entries: LedgerEntry[] = [];
  for (const change of changes) {
    const key = levelKeyOf(change);
    const before = levels.get(key);
    if (!before) throw new Error(`stock change of ${key}, which the operation did not lock`);
    const current = after.get(key) ?? before;
    const level = { ...current, [change.state]: current[change.state] + change.delta };
    const refusal = onRefused && levelProblem(current, level);
    if (refusal) {
      onRefused(change, refusal);
      continue;
    }
    after.set(key, level);
    entries.push({
      item_id: change.item_id,
      location_id: change.location_id,
      state: change.state,
      delta: change.delta,
      quantity_after: level[change.state],
      reason: change.reason,
      reference: change.reference ?? null,
      unit_cost: change.unit_cost ?? null,
    });
  }
  // Changes checked one by one above also pass here: a level whose every step kept the rules
  // ends no worse than it started.
  for (const [key, level] of after) {
    const problem = levelProblem(levels.get(key) as LockedLevel, level);
    if (problem) throw problem;
  }
  return { changed: [...after.values()], entries };
}

/**
 * The rules every level keeps: no stored quantity below zero or above the bound, and no change
 * that leaves less than nothing available (unless the item allows backorder, when reservations
 * may run past what is on hand). The problem with `after`, or undefined when it keeps them.
 */
function levelProblem(before: LockedLevel, after: LockedLevel): Problem | undefined {
  for (const state of stockStates) {
    if (after[state] > maxQuantity) {
      return new Problem(
        'unprocessable',
        `${before.sku} at location ${before.location_id}: ${state} would be ${after[state]}, over the limit of ${maxQuantity}`,
        { item_id: before.item_id, location_id: before.location_id, state },
      );
    }
    if (after[state] < 0) return insufficientStock(before, state, after[state] - before[state]);
  }
  const available = availableOf(after);
  if (available < 0 && available < availableOf(before) && !before.allow_backorder) {
    return insufficientStock(before, 'available', available - availableOf(before));
  }
  return undefined;
}

function insufficientStock(level: LockedLevel, state: StockState | 'available', delta: number) {
  const has = state === 'available' ? availableOf(level) : level[state];
  return new Problem(
    'insufficient-stock',
    `${level.sku} at location ${level.location_id}: ${has} ${state}, ${-delta} asked`,
    {
      item_id: level.item_id,
      sku: level.sku,
      location_id: level.location_id,
      state,
      [state]: has,
      available: availableOf(level),
      requested: -delta,
    },
  );
}

/**
 * Arms and re-arms the low-stock alert on the changed levels: a level whose available fell to or
 * below its reorder point (when it has one) is marked, and returned for a notification; one back
 * above it is unmarked, so the next fall alerts again.
 */
function markLowStock(levels: LevelRow[], now: Date): LevelRow[] {
  const fell: LevelRow[] = [];
  for (const level of levels) {
    const low = level.reorder_point > 0 && availableOf(level) <= level.reorder_point;
    if (low && level.low_stock_since === null) {
      level.low_stock_since = now;
      fell.push(level);
    } else if (!low) level.low_stock_since = null;
  }
  return fell;
}

/** The quantity of `state` at the locked level of `key`. */
export function quantityAt(levels: LockedLevels, key: LevelKey, state: StockState): number {
  const level = levels.get(levelKeyOf(key));
  if (!level) throw new Error(`level ${levelKeyOf(key)} was not locked`);
  return level[state];
}
