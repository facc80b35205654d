import { type Db, transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import {
  type BulkRow,
  type BulkRun,
  type ChunkWriter,
  countRows,
  failedRow,
  forgetEvents,
  isResult,
  newBulkRun,
  publishEvents,
} from './bulk.ts';
import { upsertItemChunk } from './bulk-items.ts';
import { setLevelChunk } from './bulk-levels.ts';
import type { RowCounts, RowResult } from './bulk-schemas.ts';
import { type CsvRowReader, csvRowReader } from './csv-rows.ts';
import * as store from './store/imports.ts';

// The `inventory.import` job: the staged records of an import, 1,000 at a time, through the bulk
// code of `POST …/items/bulk` and `…/levels/bulk`, with a progress event on `inventory:<org>`
// after each chunk.
//
// - reject_failed_rows: each chunk is one transaction that writes its good rows, adds its counts
//   and failures to the import and drops its staged records; a re-run (the worker died) resumes
//   after the last chunk committed.
// - reject_all: one transaction for the whole file, rolled back if any row failed; the progress
//   is written beside it (each chunk's count committed on its own), so it shows while it runs.

/** Runs one import; enqueued by the upload, in its transaction. */
export const importJob = defineJob<{ importId: string; orgId: string }>('inventory.import', {
  maxAttempts: 5,
});

/** Runs (or resumes) import `importId`; an import already finished is left as it is. */
export async function runImport(core: Core, importId: string): Promise<void> {
  const running = await store.markRunning(core.database.db, importId);
  if (!running) return;
  const run = newBulkRun(core, { orgId: running.org_id, userId: running.created_by });
  const work: ImportWork = {
    run,
    importRow: running,
    reader: csvRowReader(running.kind, running.columns),
    write: running.kind === 'items' ? upsertItemChunk : setLevelChunk,
  };
  const finished =
    running.error_policy === 'reject_all' ? await importAllOrNothing(work) : await importRows(work);
  if (finished) await announce(core, core.database.db, finished);
}

interface ImportWork {
  run: BulkRun;
  importRow: store.ImportRow;
  reader: CsvRowReader;
  write: ChunkWriter;
}

async function importRows(work: ImportWork) {
  const { core } = work.run;
  const { id } = work.importRow;
  // Read on from the last chunk applied: those dropped before it stay in the index as dead
  // entries until vacuum, which a scan from the start would wade through chunk after chunk.
  let after = 0;
  for (;;) {
    const progress = await transaction(core.database.db, async (tx) => {
      forgetEvents(work.run);
      const chunk = await store.nextChunk(tx, id, after);
      if (!chunk) return undefined;
      const results = await applyChunk(work, tx, chunk.records);
      after = chunk.chunk_no;
      await store.dropStaged(tx, id, after);
      const failures = results.filter((result) => result.status === 'failed');
      const counts = countRows(results);
      const row = await store.addProgress(tx, id, results.length, counts, failures);
      work.run.events.push(progressEvent(row));
      await publishEvents(work.run, tx);
      return row;
    });
    if (!progress) return store.finishImport(core.database.db, id, 'completed');
  }
}

/** Thrown to roll a `reject_all` import back: what its rows came to. */
class ImportRejected extends Error {
  readonly counts: RowCounts;
  readonly errors: RowResult[];
  constructor(counts: RowCounts, errors: RowResult[]) {
    super(`${counts.failed} rows failed`);
    this.counts = counts;
    this.errors = errors;
  }
}

async function importAllOrNothing(work: ImportWork) {
  const { core } = work.run;
  const { db } = core.database;
  const { id } = work.importRow;
  try {
    return await transaction(db, async (tx) => {
      forgetEvents(work.run);
      const counts: RowCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
      const errors: RowResult[] = [];
      let after = 0;
      let processed = 0;
      for (;;) {
        const chunk = await store.nextChunk(tx, id, after);
        if (!chunk) break;
        const results = await applyChunk(work, tx, chunk.records);
        countRows(results, counts);
        const failures = results.filter((result) => result.status === 'failed');
        errors.push(...failures.slice(0, store.keptErrors - errors.length));
        after = chunk.chunk_no;
        processed += results.length;
        // Committed beside the import's transaction, which holds no event lock until it ends.
        await announce(core, db, await store.setProcessed(db, id, processed));
      }
      if (counts.failed > 0) throw new ImportRejected(counts, errors);
      await store.dropStaged(tx, id);
      await publishEvents(work.run, tx);
      return store.finishImport(tx, id, 'completed', { processed, counts, errors });
    });
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    const { failed } = error.counts;
    const total = work.importRow.total;
    const counts = { created: 0, updated: 0, unchanged: total - failed, failed };
    return transaction(db, async (tx) => {
      await store.dropStaged(tx, id);
      return store.finishImport(tx, id, 'failed', {
        processed: total,
        counts,
        errors: error.errors,
      });
    });
  }
}

/** Staged records as bulk rows, written; the parser's refusals and unreadable cells fail here. */
async function applyChunk(work: ImportWork, tx: Db, records: store.StagedRecord[]) {
  const results = new Map<number, RowResult>();
  const rows: BulkRow[] = [];
  for (const record of records) {
    const row =
      'cells' in record
        ? work.reader.toRow(record.cells, record.row)
        : failedRow(record.row, 'validation-failed', record.error);
    if (isResult(row)) results.set(record.row, row);
    else rows.push(row);
  }
  for (const result of await work.write(work.run, tx, rows)) results.set(result.row, result);
  return records.map((record) => results.get(record.row) as RowResult);
}

/** Publishes the import's progress on the organisation's topic. */
async function announce(core: Core, db: Db, row: store.ImportRow) {
  await core.events.publish(db, progressEvent(row));
}

/** `inventory.import_progress`: how far the import is. */
function progressEvent(row: store.ImportRow) {
  return {
    topic: `inventory:${row.org_id}`,
    type: 'inventory.import_progress',
    data: {
      import_id: row.id,
      state: row.state,
      processed: row.processed,
      total: row.total,
      counts: {
        created: row.created,
        updated: row.updated,
        unchanged: row.unchanged,
        failed: row.failed,
      },
    },
  };
}
