import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { uuidv7 } from 'uuidv7';
import { transaction } from '../platform/db/database.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { type BulkActor, chunkSize } from './bulk.ts';
import type { ErrorPolicy } from './bulk-schemas.ts';
import { csvRowReader, type ImportKind } from './csv-rows.ts';
import { importJob } from './import-job.ts';
import {
  type ImportRow,
  insertImport,
  markQueued,
  type StagedRecord,
  stageChunk,
} from './store/imports.ts';

// Receiving a CSV import (`POST …/inventory/imports`): the body is parsed as it arrives and its
// records staged a chunk (of the job's size) at a time, all in one transaction that also enqueues the
// `inventory.import` job, so an upload cut short leaves nothing behind and a complete one is
// always processed. The parser's backpressure holds the client while a batch is written.

/** The most a file may weigh: well above a million rows of items. */
export const maxImportBytes = 512 * 1024 * 1024;

/** An upload: what the file holds, its error policy, and the body as it arrives. */
export interface ImportRequest {
  kind: ImportKind;
  policy: ErrorPolicy;
  body: Readable;
}

/** Stages the CSV of `request.body` and enqueues its import; the import, queued. */
export async function receiveImport(
  core: Core,
  actor: BulkActor,
  request: ImportRequest,
): Promise<ImportRow> {
  const records = request.body.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      // A record the parser cannot read (an unclosed quote) fails its row, not the file.
      skip_records_with_error: true,
      max_record_size: 1_000_000,
    }),
  );
  let received = 0;
  request.body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxImportBytes) {
      request.body.destroy(
        new Problem('payload-too-large', `The file is over ${maxImportBytes} bytes`),
      );
    }
  });
  request.body.on('error', (error) => records.destroy(error));
  const batch: StagedRecord[] = [];
  records.on('skip', (error: Error & { lines?: number }) => {
    batch.push({ row: error.lines ?? 0, error: error.message });
  });
  const importId = uuidv7();
  return transaction(core.database.db, async (tx) => {
    let total = 0;
    let chunkNo = 0;
    const stage = async () => {
      total += batch.length;
      if (batch.length > 0) {
        await stageChunk(tx, importId, { chunk_no: ++chunkNo, records: batch.splice(0) });
      }
    };
    let header: string[] | undefined;
    for await (const { record, info } of records as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record;
        await startImport(tx, importId, actor, request, header);
        continue;
      }
      batch.push(stagedRecord(info.lines, record));
      if (batch.length >= chunkSize) await stage();
    }
    if (!header) throw new Problem('unprocessable', 'The file is empty: it needs a header row');
    await stage();
    const queued = await markQueued(tx, importId, total);
    await core.jobs.enqueue(importJob.spec({ importId, orgId: actor.orgId }), { tx });
    return queued;
  });
}

/** A record to stage; one with a NUL (which PostgreSQL cannot store) fails its row. */
function stagedRecord(row: number, cells: string[]): StagedRecord {
  return cells.some((cell) => cell.includes('\0'))
    ? { row, error: 'a field holds the NUL character (U+0000)' }
    : { row, cells };
}

/** Refuses a header that lacks what the kind needs; else records the import. */
async function startImport(
  tx: Parameters<typeof insertImport>[0],
  importId: string,
  actor: BulkActor,
  request: ImportRequest,
  header: string[],
) {
  if (header.some((column) => column.includes('\0') || column.length > 200)) {
    throw new Problem('unprocessable', 'A column name is over 200 characters or holds a NUL');
  }
  const reader = csvRowReader(request.kind, header);
  if (reader.missing.length > 0) {
    throw new Problem(
      'unprocessable',
      `The header lacks ${reader.missing.join(', ')} (a ${request.kind} file)`,
      { missing_columns: reader.missing },
    );
  }
  await insertImport(tx, {
    id: importId,
    org_id: actor.orgId,
    kind: request.kind,
    error_policy: request.policy,
    columns: header,
    ignored_columns: reader.ignored,
    created_by: actor.userId,
  });
}
