import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Db } from '../platform/db/database.ts';
import { itemColumns, levelExportColumns } from './csv-rows.ts';
import { type ExportedLevel, itemBatch, levelBatch } from './store/exports.ts';
import { availableOf, type ItemRow } from './store/tables.ts';

// CSV exports, streamed: batches of rows read by keyset, written through csv-stringify as the
// client takes them (the stream waits on a slow client), so an export of any size holds one
// batch in memory. An item file re-imports as it is (docs/inventory.md, "CSV files").

const batchSize = 1_000;

/** The organisation's items as CSV, header first. */
export function exportItems(db: Db, orgId: string): Readable {
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const batch: ItemRow[] = await itemBatch(db, orgId, after, batchSize);
      for (const item of batch) yield itemRecord(item);
      if (batch.length < batchSize) return;
      after = (batch.at(-1) as ItemRow).id;
    }
  }
  return toCsv(rows(), itemColumns);
}

/** The organisation's levels as CSV, with each location's name and the available quantity. */
export function exportLevels(db: Db, orgId: string): Readable {
  async function* rows() {
    let after: ExportedLevel | null = null;
    for (;;) {
      const batch: ExportedLevel[] = await levelBatch(db, orgId, after, batchSize);
      for (const level of batch) yield { ...level, available: availableOf(level) };
      if (batch.length < batchSize) return;
      after = batch.at(-1) as ExportedLevel;
    }
  }
  return toCsv(rows(), levelExportColumns);
}

function itemRecord(item: ItemRow) {
  return {
    ...item,
    attributes: JSON.stringify(item.attributes),
    media: JSON.stringify(item.media),
  };
}

function toCsv(records: AsyncIterable<object>, columns: readonly string[]): Readable {
  const csv = stringify({
    header: true,
    columns: [...columns],
    cast: { boolean: (value) => String(value) },
  });
  const source = Readable.from(records);
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
