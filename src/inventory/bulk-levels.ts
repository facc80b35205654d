import type { Db } from '../platform/db/database.ts';
import { compileBodyValidator } from '../platform/http/validation.ts';
import {
  type BulkRow,
  type BulkRun,
  checkRow,
  claimKey,
  failedRow,
  failedRowOf,
  isResult,
} from './bulk.ts';
import { LevelSetRow, type RowResult } from './bulk-schemas.ts';
import { changeStock, type LockedLevels, quantityAt, type StockChange } from './stock.ts';
import { staleQuantity } from './stock-operations.ts';
import { existingLevels, locationIdsOf, resolveItems } from './store/bulk.ts';
import { type LevelKey, levelKeyOf } from './store/levels.ts';

// Bulk set of levels (`POST …/levels/bulk` and level imports): each row sets one quantity, as
// `POST …/set-quantity` does, compare-and-set included. A chunk is one `changeStock` call, so the
// ledger, the lock order, the rules, the event and the low-stock alerts are those of every other
// stock change; a row that would break a rule is left out and reported (`onRefused`), and the
// rules themselves stay in stock.ts.

const validateLevel = compileBodyValidator<LevelSetRow>(LevelSetRow);

/** A row that names a known item and location: what it sets. */
interface LevelSet extends LevelKey {
  row: number;
  input: LevelSetRow;
}

/** Sets one chunk of level rows in `tx`; one result per row, in order. */
export async function setLevelChunk(run: BulkRun, tx: Db, rows: BulkRow[]): Promise<RowResult[]> {
  const { orgId } = run.actor;
  const results = new Map<number, RowResult>();
  const checked: { row: number; input: LevelSetRow }[] = [];
  for (const row of rows) {
    const input = checkRow(validateLevel, row);
    if (isResult(input)) results.set(row.row, input);
    else if (input.sku === undefined && input.item_id === undefined) {
      results.set(row.row, failedRow(row.row, 'validation-failed', 'give sku or item_id'));
    } else checked.push({ row: row.row, input });
  }
  const sets = await resolveSets(run, tx, checked, results);
  const existing = await existingLevels(tx, sets);
  const byChange = new Map<StockChange, LevelSet>();
  if (sets.length > 0) {
    await changeStock(run.core, tx, {
      orgId,
      actorId: run.actor.userId,
      lock: sets,
      events: run.events,
      plan: (levels) => planSets(levels, sets, results, byChange),
      onRefused: (change, problem) => {
        const set = byChange.get(change) as LevelSet;
        results.set(set.row, failedRowOf(set.row, problem));
      },
    });
  }
  for (const set of sets) {
    if (results.has(set.row)) continue;
    const status = existing.has(levelKeyOf(set)) ? 'updated' : 'created';
    results.set(set.row, { row: set.row, status, id: set.item_id });
  }
  return rows.map((row) => results.get(row.row) as RowResult);
}

/**
 * The rows whose item (by SKU or id) and location are the organisation's, each claiming its
 * level and state for the run; the others fail here.
 */
async function resolveSets(
  run: BulkRun,
  tx: Db,
  checked: { row: number; input: LevelSetRow }[],
  results: Map<number, RowResult>,
): Promise<LevelSet[]> {
  const skus = checked.flatMap(({ input }) => input.sku ?? []);
  const ids = checked.flatMap(({ input }) => input.item_id?.toLowerCase() ?? []);
  const [items, locations] = await Promise.all([
    resolveItems(tx, run.actor.orgId, skus, ids),
    locationIdsOf(tx, run.actor.orgId),
  ]);
  const sets: LevelSet[] = [];
  for (const { row, input } of checked) {
    // Both given (a level export has both): they must name the same item.
    const itemId = input.item_id?.toLowerCase() ?? items.bySku.get(input.sku as string);
    const locationId = input.location_id.toLowerCase();
    let failure: RowResult | undefined;
    if (itemId === undefined || !items.ids.has(itemId)) {
      failure = failedRow(row, 'not-found', `No item ${input.sku ?? input.item_id}`);
    } else if (input.sku !== undefined && items.bySku.get(input.sku) !== itemId) {
      failure = failedRow(row, 'not-found', `No item ${input.item_id} with SKU ${input.sku}`);
    } else if (!locations.has(locationId)) {
      failure = failedRow(row, 'not-found', `No location ${input.location_id}`);
    } else if (input.state === 'reserved') {
      // As for a single set (stock-operations.ts, `refuseReserved`): orders own `reserved`.
      failure = failedRow(row, 'unprocessable', 'reserved stock changes only through orders');
    } else {
      const state = input.state ?? 'on_hand';
      const key = `level:${itemId}/${locationId}/${state}`;
      failure = claimKey(run, key, row, `${state} of ${input.sku ?? itemId} at ${locationId}`);
      if (!failure) sets.push({ row, input, item_id: itemId, location_id: locationId });
    }
    if (failure) results.set(row, failure);
  }
  return sets;
}

/** Each set's change from the locked level: compare-and-set first, nothing when already so. */
function planSets(
  levels: LockedLevels,
  sets: LevelSet[],
  results: Map<number, RowResult>,
  byChange: Map<StockChange, LevelSet>,
): StockChange[] {
  const changes: StockChange[] = [];
  for (const set of sets) {
    const { input } = set;
    const state = input.state ?? 'on_hand';
    const current = quantityAt(levels, set, state);
    const stale = staleQuantity(set, state, current, input.change_from_quantity);
    if (stale) {
      results.set(set.row, failedRowOf(set.row, stale));
    } else if (input.quantity === current) {
      results.set(set.row, { row: set.row, status: 'unchanged', id: set.item_id });
    } else {
      const change: StockChange = {
        item_id: set.item_id,
        location_id: set.location_id,
        state,
        delta: input.quantity - current,
        reason: input.reason ?? 'correction',
        reference: input.reference,
      };
      byChange.set(change, set);
      changes.push(change);
    }
  }
  return changes;
}
