import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { idText, socialTables } from './tables.ts';

// The rows of `social_media`: a processed image (its bytes in blobs) and the post it went to, if
// any. Ids are read `::text` (store/tables.ts says why).

/** An image as stored: the processed bytes and the thumbnail are blob hashes. */
export interface MediaRow {
  id: SocialId;
  owner_id: SocialId;
  post_id: SocialId | null;
  content_type: string;
  blob_hash: string;
  thumb_hash: string;
  width: number;
  height: number;
  blurhash: string;
  alt: string;
}

/** What an upload records: everything but the id and the post, which come later. */
export type NewMedia = Omit<MediaRow, 'id' | 'post_id'>;

const mediaColumns = [
  idText('id', 'id'),
  idText('owner_id', 'owner_id'),
  sql<SocialId | null>`post_id::text`.as('post_id'),
  'content_type',
  'blob_hash',
  'thumb_hash',
  'width',
  'height',
  'blurhash',
  'alt',
] as const;

/** Records an uploaded image, not yet attached to a post. */
export async function insertMedia(db: Db | Tx, media: NewMedia): Promise<MediaRow> {
  const { id } = await socialTables(db)
    .insertInto('social_media')
    .values(media)
    .returning(idText('id', 'id'))
    .executeTakeFirstOrThrow();
  return { ...media, id, post_id: null };
}

/** The image `id`, or undefined. */
export function findMedia(db: Db | Tx, id: SocialId): Promise<MediaRow | undefined> {
  return socialTables(db)
    .selectFrom('social_media')
    .select(mediaColumns)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets the alt text of `ownerId`'s image `id`; undefined when there is no such image of theirs. */
export function setMediaAlt(
  db: Db | Tx,
  id: SocialId,
  ownerId: SocialId,
  alt: string,
): Promise<MediaRow | undefined> {
  return socialTables(db)
    .updateTable('social_media')
    .set({ alt })
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .returning(mediaColumns)
    .executeTakeFirst();
}

/**
 * The id of `ownerId`'s image whose processed bytes are blob `blobHash` and that no post carries
 * yet, or undefined: brief 003 names media by its URL.
 */
export async function findFreeMediaByBlob(
  db: Db | Tx,
  ownerId: SocialId,
  blobHash: string,
): Promise<SocialId | undefined> {
  const row = await socialTables(db)
    .selectFrom('social_media')
    .select(idText('id', 'id'))
    .where('owner_id', '=', ownerId)
    .where('blob_hash', '=', blobHash)
    .where('post_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}
