import type { ColumnType, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';

// SQL for blob metadata and nothing else; the bytes are the blob store's (blob-store.ts).

/** The blob table as Kysely sees it (a type, so it fits `withTables`). */
export type BlobsTables = { blobs: BlobsTable };

/** One uploaded blob. Written once, after its bytes are stored, and never changed. */
export interface BlobsTable {
  hash: string;
  /** Sniffed from the bytes, one of `BLOBS_CONTENT_TYPES` when it was uploaded. */
  content_type: string;
  size: number;
  /** Who first uploaded these bytes; null once that user is deleted. */
  uploaded_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
export type BlobRow = Selectable<BlobsTable>;

const blobs = (db: Db) => db.withTables<BlobsTables>();

/**
 * Records a stored blob; the bytes must be in the store already. Returns the new row, or
 * undefined when the hash had one (the same bytes uploaded before, by anyone).
 */
export function insertBlob(
  db: Db,
  blob: Pick<BlobRow, 'hash' | 'content_type' | 'size' | 'uploaded_by'>,
): Promise<BlobRow | undefined> {
  return blobs(db)
    .insertInto('blobs')
    .values(blob)
    .onConflict((conflict) => conflict.column('hash').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findBlob(db: Db, hash: string): Promise<BlobRow | undefined> {
  return blobs(db).selectFrom('blobs').selectAll().where('hash', '=', hash).executeTakeFirst();
}
