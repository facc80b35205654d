import { uuidv7 } from 'uuidv7';
import type { Db } from '../platform/db/database.ts';
import type { EventInput } from '../platform/events/publish.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { lowStockJob } from './low-stock.ts';
import {
  appendLedger,
  dropUnusedLevels,
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

// The one way stock changes. Operations lock the levels they name (all of them at once, in one
// fixed order), each plans its changes from the levels as the operations before it left them,
// and each that keeps every rule is written — new levels, one ledger row per change, its live
// event, low-stock jobs — in the caller's transaction. One that breaks a rule is refused alone.
// Many operations in one transaction is what keeps a hot level from serialising everything:
// its lock is taken once for all of them (group commit, stock-writer.ts). Nothing here calls out
// of the database, so no lock is held across a network call.

/** One change of one quantity. */
export interface StockChange extends LevelKey {
  state: StockState;
  delta: number;
  reason: LedgerReason;
  reference?: string | null;
  /** What each unit cost, on a receipt (valuation). */
  unit_cost?: number | null;
}

/** The locked levels, by `levelKeyOf`, as the operations before this one left them. */
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
   * Told of each change that would break a rule, which is then left out instead of refusing the
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

/** What became of an operation: its id and the levels it changed, or why it was refused. */
export type StockOutcome =
  | { operationId: string; levels: LevelView[]; refused?: undefined }
  | { refused: Problem };

export type LevelView = ReturnType<typeof levelJson>;

/** A level as clients see it, `available` included. */
export function levelJson(level: LevelRow) {
  const { org_id: _org, low_stock_since, ...visible } = level;
  return { ...visible, available: availableOf(level), low_stock: low_stock_since !== null };
}

/**
 * Runs one stock operation in `tx`; a refusal is thrown. Returns the operation's id (its ledger
 * rows share it) and the levels it changed, as they are now.
 *
 * @example
 * await changeStock(core, tx, { orgId, actorId, lock: [key],
 *   plan: () => [{ ...key, state: 'on_hand', delta: -2, reason: 'shrinkage' }] });
 */
export async function changeStock(core: Core, tx: Db, operation: StockOperation) {
  const [outcome] = await changeStockTogether(core, tx, [operation]);
  if (!outcome || outcome.refused) throw outcome?.refused;
  return outcome;
}

/** Runs `operations` in `tx`, in order; one outcome each (see above). */
export async function changeStockTogether(
  core: Core,
  tx: Db,
  operations: StockOperation[],
): Promise<StockOutcome[]> {
  const { levels: locked, created } = await lockLevels(
    tx,
    operations.flatMap((op) => op.lock.map((key) => ({ ...key, org_id: op.orgId }))),
  );
  const original = new Map(locked.map((level) => [levelKeyOf(level), level]));
  const working = new Map(locked.map((level) => [levelKeyOf(level), { ...level }]));
  const changed = new Map<string, LockedLevel>();
  /** The levels named by the operations that went through (kept, even when left at zero). */
  const used = new Set<string>();
  const entries: LedgerEntry[] = [];
  const events: EventInput[] = [];
  const now = core.clock.now();

  const outcomes = operations.map((operation): StockOutcome => {
    try {
      requireLocked(working, operation);
      const { after, applied: planned } = applyChanges(
        working,
        operation.plan(working).filter((change) => change.delta !== 0),
        operation,
      );
      const operationId = uuidv7();
      for (const [key, level] of after) {
        working.set(key, level);
        changed.set(key, level);
      }
      for (const key of operation.lock) used.add(levelKeyOf(key));
      const context = {
        org_id: operation.orgId,
        operation_id: operationId,
        actor_id: operation.actorId,
      };
      entries.push(...ledgerEntries(working, planned, context));
      const levels = [...after.values()].map((level) =>
        levelJson(markLowStock(original, level, now)),
      );
      if (levels.length > 0) {
        const event = levelsEvent(operation.orgId, operationId, planned, levels);
        (operation.events ?? events).push(event);
      }
      return { operationId, levels };
    } catch (error) {
      if (error instanceof Problem) return { refused: error };
      throw error;
    }
  });

  const written = [...changed.values()];
  await writeLevels(tx, written, now);
  await dropUnusedLevels(
    tx,
    created.filter((key) => !used.has(levelKeyOf(key))),
  );
  await appendLedger(tx, entries, now);
  const fell = written.filter((level) => fellLow(original, level));
  if (fell.length > 0) {
    const payload = (l: LevelRow) => ({
      orgId: l.org_id,
      itemId: l.item_id,
      locationId: l.location_id,
    });
    await core.jobs.enqueueMany(
      fell.map((level) => lowStockJob.spec(payload(level))),
      { tx },
    );
  }
  await core.events.publishMany(tx, events);
  return outcomes;
}

/**
 * The levels `changes` make of `levels` (copies), and the changes applied; throws a Problem if
 * one breaks a rule (or, with `onRefused`, leaves that change out).
 */
function applyChanges(
  levels: LockedLevels,
  changes: StockChange[],
  { touch, lock, onRefused }: Pick<StockOperation, 'touch' | 'lock' | 'onRefused'>,
) {
  const after = new Map<string, LockedLevel>();
  const applied: StockChange[] = [];
  // Each operation that changes a level moves its version on.
  const copy = (key: LevelKey) => {
    const level = lockedLevel(levels, key);
    return { ...level, version: level.version + 1 };
  };
  if (touch) for (const key of lock) after.set(levelKeyOf(key), copy(key));
  for (const change of changes) {
    const key = levelKeyOf(change);
    const current = after.get(key) ?? copy(change);
    const level = { ...current, [change.state]: current[change.state] + change.delta };
    const refusal = onRefused && levelProblem(current, level);
    if (refusal) {
      onRefused(change, refusal);
      continue;
    }
    after.set(key, level);
    applied.push(change);
  }
  // Changes checked one by one above also pass here: a level whose every step kept the rules
  // ends no worse than it started.
  for (const [key, level] of after) {
    const problem = levelProblem(levels.get(key) as LockedLevel, level);
    if (problem) throw problem;
  }
  return { after, applied };
}

/** Refuses an operation that names an item or location its organisation does not have. */
function requireLocked(levels: LockedLevels, operation: StockOperation): void {
  for (const key of operation.lock) {
    if (levels.get(levelKeyOf(key))?.org_id !== operation.orgId) {
      throw new Problem(
        'not-found',
        `No item ${key.item_id} at location ${key.location_id} in this organisation`,
        { item_id: key.item_id, location_id: key.location_id },
      );
    }
  }
}

function lockedLevel(levels: LockedLevels, key: LevelKey): LockedLevel {
  const level = levels.get(levelKeyOf(key));
  if (!level) throw new Error(`stock change of ${levelKeyOf(key)}, which no operation locked`);
  return level;
}

/** One ledger row per change, with the quantity each leaves (changes apply in order). */
function ledgerEntries(
  levels: LockedLevels,
  changes: StockChange[],
  context: Pick<LedgerEntry, 'org_id' | 'operation_id' | 'actor_id'>,
): LedgerEntry[] {
  // Walk back from the quantities after the operation to what each change left.
  const after = new Map<string, number>();
  const rows = [...changes].reverse().map((change) => {
    const id = `${levelKeyOf(change)}/${change.state}`;
    const quantity = after.get(id) ?? lockedLevel(levels, change)[change.state];
    after.set(id, quantity - change.delta);
    return {
      ...context,
      item_id: change.item_id,
      location_id: change.location_id,
      state: change.state,
      delta: change.delta,
      quantity_after: quantity,
      reason: change.reason,
      reference: change.reference ?? null,
      unit_cost: change.unit_cost ?? null,
    };
  });
  return rows.reverse();
}

/**
 * The rules every level keeps: no stored quantity below zero or above the bound, and no change
 * that leaves less than nothing available (unless the item allows backorder). The problem with
 * `after`, or undefined when it keeps them.
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
 * Arms and re-arms the low-stock alert: a level whose available is at or below its reorder point
 * (when it has one) is marked since it first fell there; one above it is unmarked, so the next
 * fall alerts again (`fellLow`: the levels to tell about).
 */
function markLowStock(original: LockedLevels, level: LockedLevel, now: Date): LockedLevel {
  const low = level.reorder_point > 0 && availableOf(level) <= level.reorder_point;
  const before = original.get(levelKeyOf(level))?.low_stock_since ?? null;
  level.low_stock_since = low ? (before ?? now) : null;
  return level;
}

/** Whether this write marks the level low, when it was not before the transaction. */
function fellLow(original: LockedLevels, level: LevelRow): boolean {
  return level.low_stock_since !== null && !original.get(levelKeyOf(level))?.low_stock_since;
}

function levelsEvent(
  orgId: string,
  operationId: string,
  changes: StockChange[],
  levels: LevelView[],
): EventInput {
  return {
    topic: `inventory:${orgId}`,
    type: 'inventory.levels_changed',
    data: {
      operation_id: operationId,
      reasons: [...new Set(changes.map((c) => c.reason))],
      levels,
    },
  };
}

/** The quantity of `state` at the locked level of `key`. */
export function quantityAt(levels: LockedLevels, key: LevelKey, state: StockState): number {
  return lockedLevel(levels, key)[state];
}
