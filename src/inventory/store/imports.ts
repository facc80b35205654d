import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ErrorPolicy, RowCounts, RowResult } from '../bulk-schemas.ts';
import type { ImportKind } from '../csv-rows.ts';

// The SQL of CSV imports (migrations/002_inventory_imports.sql): the import row, one function per
// change of its state, and its staged records.

/** The life of an import; see the migration. */
export type ImportState = 'queued' | 'running' | 'completed' | 'failed';

/** A row of `inventory_imports`; its counts are columns of their own. */
export interface ImportRow extends RowCounts {
  id: string;
  org_id: string;
  kind: ImportKind;
  error_policy: ErrorPolicy;
  state: ImportState;
  columns: string[];
  ignored_columns: string[];
  total: number;
  processed: number;
  errors: RowResult[];
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A staged record, by its line in the file: its cells, or the parser's complaint. */
export type StagedRecord = { row: number; cells: string[] } | { row: number; error: string };

/** A chunk of staged records, in file order. */
export interface StagedChunk {
  chunk_no: number;
  records: StagedRecord[];
}

/** The first failed rows an import keeps; `failed` counts them all. */
export const keptErrors = 1_000;

/** Records a new import (state `queued`, no rows yet), as its upload starts. */
export async function insertImport(
  db: Db,
  row: Pick<
    ImportRow,
    'id' | 'org_id' | 'kind' | 'error_policy' | 'columns' | 'ignored_columns' | 'created_by'
  >,
) {
  await sql`
    INSERT INTO inventory_imports (id, org_id, kind, error_policy, columns, ignored_columns,
                                   total, created_by)
    VALUES (${row.id}, ${row.org_id}, ${row.kind}, ${row.error_policy}, ${row.columns}::text[],
            ${row.ignored_columns}::text[], 0, ${row.created_by})`.execute(db);
}

/** Stages a chunk of records. */
export async function stageChunk(db: Db, importId: string, chunk: StagedChunk): Promise<void> {
  await sql`
    INSERT INTO inventory_import_chunks (import_id, chunk_no, records)
    VALUES (${importId}, ${chunk.chunk_no}, ${JSON.stringify(chunk.records)}::jsonb)`.execute(db);
}

/** The upload is complete: `total` records staged, ready for the job. */
export async function markQueued(db: Db, importId: string, total: number): Promise<ImportRow> {
  const { rows } = await sql<ImportRow>`
    UPDATE inventory_imports SET total = ${total} WHERE id = ${importId} RETURNING *`.execute(db);
  return rows[0] as ImportRow;
}

/** The organisation's import `importId`, if it is one. */
export async function findImport(db: Db, orgId: string, importId: string) {
  const { rows } = await sql<ImportRow>`
    SELECT * FROM inventory_imports WHERE org_id = ${orgId} AND id = ${importId}`.execute(db);
  return rows[0];
}

/** queued (or running, on a re-run) -> running. Undefined when it already finished. */
export async function markRunning(db: Db, importId: string): Promise<ImportRow | undefined> {
  const { rows } = await sql<ImportRow>`
    UPDATE inventory_imports SET state = 'running', started_at = coalesce(started_at, now())
     WHERE id = ${importId} AND state IN ('queued', 'running') RETURNING *`.execute(db);
  return rows[0];
}

/**
 * The first staged chunk after chunk `after`, locked: a second runner of the same import (a
 * worker thought lost) waits, then finds it gone, so no chunk is applied twice.
 */
export async function nextChunk(db: Db, importId: string, after: number) {
  const { rows } = await sql<StagedChunk>`
    SELECT chunk_no, records FROM inventory_import_chunks
     WHERE import_id = ${importId} AND chunk_no > ${after}
     ORDER BY chunk_no LIMIT 1
       FOR UPDATE`.execute(db);
  return rows[0];
}

/** Forgets the staged chunks up to `through` (applied, in the same transaction), or all. */
export async function dropStaged(db: Db, importId: string, through?: number): Promise<void> {
  await sql`
    DELETE FROM inventory_import_chunks
     WHERE import_id = ${importId}
       ${through === undefined ? sql`` : sql`AND chunk_no <= ${through}`}`.execute(db);
}

/**
 * Adds a chunk's outcome: `processed` rows more, their counts, and their failures while fewer
 * than `keptErrors` are kept.
 */
export async function addProgress(
  db: Db,
  importId: string,
  processed: number,
  counts: RowCounts,
  failures: RowResult[],
): Promise<ImportRow> {
  const { rows } = await sql<ImportRow>`
    UPDATE inventory_imports
       SET processed = processed + ${processed}, created = created + ${counts.created},
           updated = updated + ${counts.updated}, unchanged = unchanged + ${counts.unchanged},
           failed = failed + ${counts.failed},
           errors = errors || (SELECT coalesce(jsonb_agg(e), '[]') FROM (
                      SELECT e FROM jsonb_array_elements(${JSON.stringify(failures)}::jsonb) e
                       LIMIT greatest(0, ${keptErrors} - jsonb_array_length(errors))) kept)
     WHERE id = ${importId} RETURNING *`.execute(db);
  return rows[0] as ImportRow;
}

/**
 * running -> completed | failed, with the final counts when they replace the running ones.
 * Undefined when another runner finished it first.
 */
export async function finishImport(
  db: Db,
  importId: string,
  state: 'completed' | 'failed',
  final?: { processed: number; counts: RowCounts; errors: RowResult[] },
): Promise<ImportRow | undefined> {
  const { rows } = await sql<ImportRow>`
    UPDATE inventory_imports
       SET state = ${state}, finished_at = now()
           ${
             final
               ? sql`, processed = ${final.processed}, created = ${final.counts.created},
                     updated = ${final.counts.updated}, unchanged = ${final.counts.unchanged},
                     failed = ${final.counts.failed},
                     errors = ${JSON.stringify(final.errors.slice(0, keptErrors))}::jsonb`
               : sql``
           }
     WHERE id = ${importId} AND state = 'running' RETURNING *`.execute(db);
  return rows[0];
}

/** Sets how far a `reject_all` import has checked, seen while its own transaction is open. */
export async function setProcessed(db: Db, importId: string, processed: number) {
  const { rows } = await sql<ImportRow>`
    UPDATE inventory_imports SET processed = ${processed}
     WHERE id = ${importId} RETURNING *`.execute(db);
  return rows[0] as ImportRow;
}
