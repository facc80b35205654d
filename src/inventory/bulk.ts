import type { ValidateFunction } from 'ajv';
import { type Db, transaction } from '../platform/db/database.ts';
import type { EventInput } from '../platform/events/publish.ts';
import { describeValidation } from '../platform/http/validation.ts';
import type { Core } from '../platform/module.ts';
import {
  Problem,
  type ProblemCatalogue,
  type ProblemName,
  platformProblems,
} from '../platform/problems.ts';
import type { ErrorPolicy, RowCounts, RowResult } from './bulk-schemas.ts';
import { inventoryProblems } from './problems.ts';

// What bulk item upserts and level sets share: rows checked one by one in node, written a chunk
// at a time with set-based SQL, one result per row, and the two error policies. `reject_all` is
// `reject_failed_rows` in a transaction that is rolled back when any row failed, so both
// policies check every row the same way and a rejected request reports every failure.

/** Rows written per statement (and per `changeStock` call): bounded SQL arrays and events. */
export const chunkSize = 1_000;

/** A row as given: its number (index in the request, or line of the file) and its value. */
export interface BulkRow {
  row: number;
  value: unknown;
}

/** Who writes, for which organisation. */
export interface BulkActor {
  orgId: string;
  userId: string | null;
}

/**
 * One bulk write in progress, over one or many chunks: rows already claimed by a key (an SKU, a
 * level and state), so that a second row for the same thing fails instead of racing the first,
 * and the events of its chunks, published together as its transaction ends (`publishEvents`).
 */
export interface BulkRun {
  core: Core;
  actor: BulkActor;
  claimed: Map<string, number>;
  events: EventInput[];
}

/** Writes one chunk of rows in `tx`, answering one result per row, in order. */
export type ChunkWriter = (run: BulkRun, tx: Db, rows: BulkRow[]) => Promise<RowResult[]>;

/** A bulk write starting: nothing claimed, no events yet. */
export function newBulkRun(core: Core, actor: BulkActor): BulkRun {
  return { core, actor, claimed: new Map(), events: [] };
}

/**
 * Publishes the events the run's chunks collected, in `tx`, as the last thing before its commit:
 * publishing takes the event log's lock until commit, which no bulk write should hold longer.
 */
export async function publishEvents(run: BulkRun, tx: Db): Promise<void> {
  await run.core.events.publishMany(tx, run.events.splice(0));
}

/** Forgets the events of an attempt that was rolled back, as a re-run attempt starts. */
export function forgetEvents(run: BulkRun): void {
  run.events.length = 0;
}

const catalogue: ProblemCatalogue = { ...platformProblems, ...inventoryProblems };

/**
 * A failed row's result, its error named as problems are (`/problems/<name>`) with the status
 * the row would have had on its own.
 */
export function failedRow(row: number, problem: ProblemName, detail: string): RowResult {
  const status = catalogue[problem]?.status ?? 500;
  return { row, status: 'failed', error: { type: `/problems/${problem}`, status, detail } };
}

/**
 * Runs one row's work on its own (bulk fulfilment, the brief's bulk calls): its result, or the
 * problem that refused it. Anything but a refusal is a fault of ours and fails the request.
 */
export async function rowOutcome(
  row: number,
  work: () => Promise<{ status: 'created' | 'updated'; id: string }>,
): Promise<RowResult> {
  try {
    return { row, ...(await work()) };
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return failedRowOf(row, error);
  }
}

/** The 200 of a bulk request: the counts, and one result per row in order. */
export const bulkAnswer = (results: RowResult[]) => ({ counts: countRows(results), results });

/** `failedRow` from a thrown `Problem`. */
export function failedRowOf(row: number, problem: Problem): RowResult {
  return failedRow(row, problem.problem, problem.detail);
}

/**
 * Checks `row.value` against `validate` (the rules of the single-row routes): the value, or the
 * failed result naming each faulty field.
 */
export function checkRow<T>(validate: ValidateFunction<T>, row: BulkRow): T | RowResult {
  if (validate(row.value)) return row.value;
  const errors = describeValidation(validate.errors ?? []);
  const detail = errors.map((error) => `${error.field || '/'}: ${error.message}`).join('; ');
  return failedRow(row.row, 'validation-failed', detail);
}

/** Whether a checked row is already its (failed) result rather than a value to write. */
export const isResult = (value: unknown): value is RowResult =>
  typeof value === 'object' && value !== null && 'status' in value && 'row' in value;

/**
 * Claims `key` for `row`; the failed result when an earlier row of the run has it. The same row
 * claiming again is an attempt re-run after a deadlock rolled the first back (`transaction`).
 */
export function claimKey(run: BulkRun, key: string, row: number, what: string) {
  const earlier = run.claimed.get(key);
  if (earlier !== undefined && earlier !== row) {
    return failedRow(row, 'conflict', `${what} is already written by row ${earlier}`);
  }
  run.claimed.set(key, row);
  return undefined;
}

/** How many rows ended in each status. */
export function countRows(results: RowResult[], into?: RowCounts): RowCounts {
  const counts = into ?? { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/**
 * Runs a bulk request: `rows` in chunks through `write`, in one transaction. Under `reject_all`
 * a failed row rolls everything back and throws `bulk-rejected` carrying every row's result.
 */
export async function writeInBulk(
  core: Core,
  actor: BulkActor,
  policy: ErrorPolicy,
  rows: BulkRow[],
  write: ChunkWriter,
) {
  return transaction(core.database.db, async (tx) => {
    // Made in the attempt: one re-run after a deadlock starts afresh.
    const run = newBulkRun(core, actor);
    const results: RowResult[] = [];
    for (let start = 0; start < rows.length; start += chunkSize) {
      results.push(...(await write(run, tx, rows.slice(start, start + chunkSize))));
    }
    const counts = countRows(results);
    if (policy === 'reject_all' && counts.failed > 0) throw bulkRejected(counts, results);
    await publishEvents(run, tx);
    return { counts, results };
  });
}

/**
 * The whole of a `reject_all` write refused: the failed rows' results say why, and every other
 * row is `unchanged`, as nothing was written.
 */
export function bulkRejected(counts: RowCounts, results: RowResult[]): Problem {
  const unchanged = results.length - counts.failed;
  return new Problem(
    'bulk-rejected',
    `${counts.failed} of ${results.length} rows failed, so none was written (error_policy reject_all)`,
    {
      counts: { created: 0, updated: 0, unchanged, failed: counts.failed },
      results: results.map((result) =>
        result.status === 'failed' ? result : { row: result.row, status: 'unchanged' },
      ),
    },
  );
}
