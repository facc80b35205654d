import { sql } from 'kysely';
import type pg from 'pg';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// The SQL of posts (posts.ts, writers.ts): creating one with its mentions, tags and media,
// reposting, tombstoning, and the id lists of profile, tag and thread views (hydrate.ts turns
// ids into posts). Every id comes back `::text`.

/** A post as the write rules need it: who wrote it, what it answers or reposts, whether it is gone. */
export interface PostHead {
  id: SocialId;
  author_id: SocialId;
  reply_to_id: SocialId | null;
  repost_of_id: SocialId | null;
  conversation_id: SocialId;
  deleted: boolean;
  /** The author blocked the viewer, or the viewer the author. */
  blocked: boolean;
}

const headColumns = sql`p.id::text AS id, p.author_id::text AS author_id,
  p.reply_to_id::text AS reply_to_id, p.repost_of_id::text AS repost_of_id,
  p.conversation_id::text AS conversation_id, p.deleted_at IS NOT NULL AS deleted`;

const blockedEitherWay = (viewerId: SocialId) => sql`EXISTS (
  SELECT 1 FROM social_blocks b
   WHERE (b.blocker_id = p.author_id AND b.blocked_id = ${viewerId}::bigint)
      OR (b.blocker_id = ${viewerId}::bigint AND b.blocked_id = p.author_id))`;

/**
 * Post `postId` as `viewerId` would act on it. Locked until the transaction ends when asked:
 * `share` so it cannot be deleted under a reply or a repost being written, `update` to delete it.
 */
export async function findPostHead(
  db: Db | Tx,
  postId: SocialId,
  viewerId: SocialId,
  lock?: 'share' | 'update',
): Promise<PostHead | undefined> {
  const locking = { share: sql`FOR SHARE OF p`, update: sql`FOR UPDATE OF p` };
  const { rows } = await sql<PostHead>`
    SELECT ${headColumns}, ${blockedEitherWay(viewerId)} AS blocked
      FROM social_posts p WHERE p.id = ${postId}::bigint
      ${lock ? locking[lock] : sql``}`.execute(db);
  return rows[0];
}

/**
 * Post `postId` as `viewerId` would act on it, unlocked: `findPostHead` as a named statement, so
 * each pooled connection plans it once. Every like asks it first, and planning it cost five
 * times its run.
 */
export async function findPostHeadUnlocked(
  pool: pg.Pool,
  postId: SocialId,
  viewerId: SocialId,
): Promise<PostHead | undefined> {
  const { rows } = await pool.query<PostHead>({
    name: 'social.post-head',
    text: `
      SELECT p.id::text AS id, p.author_id::text AS author_id,
             p.reply_to_id::text AS reply_to_id, p.repost_of_id::text AS repost_of_id,
             p.conversation_id::text AS conversation_id, p.deleted_at IS NOT NULL AS deleted,
             EXISTS (SELECT 1 FROM social_blocks b
                      WHERE (b.blocker_id = p.author_id AND b.blocked_id = $2::bigint)
                         OR (b.blocker_id = $2::bigint AND b.blocked_id = p.author_id)) AS blocked
        FROM social_posts p WHERE p.id = $1::bigint`,
    values: [postId, viewerId],
  });
  return rows[0];
}

/** A new post's row. */
export interface NewPostRow {
  authorId: SocialId;
  text: string;
  replyToId: SocialId | null;
  replyToAuthor: SocialId | null;
  /** The parent's conversation; null for a root, whose conversation is its own id. */
  conversationId: SocialId | null;
}

/**
 * Inserts `posts` in one statement, in order, each id made first so a root can be its own
 * conversation; returns their ids in the order given.
 */
export async function insertPosts(tx: Tx, posts: NewPostRow[]): Promise<SocialId[]> {
  const column = <K extends keyof NewPostRow>(key: K) => posts.map((post) => post[key]);
  const { rows } = await sql<{ id: SocialId }>`
    WITH made AS MATERIALIZED (
      SELECT social_id() AS id, n.*
        FROM unnest(${column('authorId')}::bigint[], ${column('text')}::text[],
                    ${column('replyToId')}::bigint[], ${column('replyToAuthor')}::bigint[],
                    ${column('conversationId')}::bigint[])
             WITH ORDINALITY AS n(author_id, text, reply_to_id, reply_to_author, conversation_id, ord)),
    inserted AS (
      INSERT INTO social_posts (id, author_id, text, reply_to_id, reply_to_author, conversation_id)
      SELECT id, author_id, text, reply_to_id, reply_to_author, coalesce(conversation_id, id)
        FROM made ORDER BY ord)
    SELECT id::text AS id FROM made ORDER BY ord`.execute(tx);
  return rows.map((row) => row.id);
}

/** Links the profiles of `handles` that exist (others stay text); returns their ids. */
export async function insertMentions(
  tx: Tx,
  postId: SocialId,
  handles: string[],
): Promise<SocialId[]> {
  if (handles.length === 0) return [];
  const { rows } = await sql<{ profile_id: SocialId }>`
    INSERT INTO social_mentions (post_id, profile_id)
    SELECT ${postId}::bigint, id FROM social_profiles WHERE handle = ANY(${handles}::text[])
    ON CONFLICT DO NOTHING
    RETURNING profile_id::text AS profile_id`.execute(tx);
  return rows.map((row) => row.profile_id);
}

/** A post's tag. */
export interface PostTag {
  postId: SocialId;
  tag: string;
}

/** Inserts the tags of a batch of posts in one statement. */
export async function insertTags(tx: Tx, tags: PostTag[]): Promise<void> {
  if (tags.length === 0) return;
  await sql`
    INSERT INTO social_post_tags (tag, post_id)
    SELECT * FROM unnest(${tags.map((t) => t.tag)}::text[], ${tags.map((t) => t.postId)}::bigint[])
    ON CONFLICT DO NOTHING`.execute(tx);
}

/**
 * How many of `mediaIds` are `ownerId`'s and attached to no post, locked until the transaction
 * ends (so two posts cannot both take one).
 */
export async function lockFreeMedia(
  tx: Tx,
  ownerId: SocialId,
  mediaIds: SocialId[],
): Promise<number> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_media
     WHERE id = ANY(${mediaIds}::bigint[]) AND owner_id = ${ownerId}::bigint AND post_id IS NULL
     FOR UPDATE`.execute(tx);
  return rows.length;
}

/** Attaches `mediaIds` to `postId` in the order given. */
export async function attachMedia(tx: Tx, postId: SocialId, mediaIds: SocialId[]): Promise<void> {
  await sql`
    UPDATE social_media SET post_id = ${postId}::bigint,
           position = array_position(${mediaIds}::bigint[], id) - 1
     WHERE id = ANY(${mediaIds}::bigint[])`.execute(tx);
}

/** Inserts `authorId`'s repost of `originalId`; undefined when they already have a live one. */
export async function insertRepost(
  tx: Tx,
  authorId: SocialId,
  originalId: SocialId,
): Promise<SocialId | undefined> {
  const { rows } = await sql<{ id: SocialId }>`
    INSERT INTO social_posts (id, author_id, conversation_id, repost_of_id)
    SELECT made.id, ${authorId}::bigint, made.id, ${originalId}::bigint
      FROM (SELECT social_id() AS id) made
    ON CONFLICT (author_id, repost_of_id) WHERE repost_of_id IS NOT NULL AND deleted_at IS NULL
    DO NOTHING
    RETURNING id::text AS id`.execute(tx);
  return rows[0]?.id;
}

/** `authorId`'s live repost of `originalId`, locked when `lock`. */
export async function findLiveRepost(
  db: Db | Tx,
  authorId: SocialId,
  originalId: SocialId,
  lock = false,
): Promise<SocialId | undefined> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_posts
     WHERE author_id = ${authorId}::bigint AND repost_of_id = ${originalId}::bigint
       AND deleted_at IS NULL
     ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return rows[0]?.id;
}

/** A post tombstoned: what the counters and the fan-out need to undo it. */
export interface Tombstoned {
  id: SocialId;
  author_id: SocialId;
  reply_to_id: SocialId | null;
  repost_of_id: SocialId | null;
}

/**
 * Tombstones `postIds` (text cleared, `deleted_at` set) and takes away their likes, mentions,
 * tags and media; returns those that were live.
 */
export async function tombstonePosts(tx: Tx, postIds: SocialId[]): Promise<Tombstoned[]> {
  if (postIds.length === 0) return [];
  const { rows } = await sql<Tombstoned>`
    UPDATE social_posts SET deleted_at = now(), text = ''
     WHERE id = ANY(${postIds}::bigint[]) AND deleted_at IS NULL
    RETURNING id::text AS id, author_id::text AS author_id, reply_to_id::text AS reply_to_id,
              repost_of_id::text AS repost_of_id`.execute(tx);
  const gone = rows.map((row) => row.id);
  if (gone.length === 0) return rows;
  await sql`DELETE FROM social_likes WHERE post_id = ANY(${gone}::bigint[])`.execute(tx);
  await sql`DELETE FROM social_mentions WHERE post_id = ANY(${gone}::bigint[])`.execute(tx);
  await sql`DELETE FROM social_post_tags WHERE post_id = ANY(${gone}::bigint[])`.execute(tx);
  await sql`
    UPDATE social_media SET post_id = NULL, position = NULL
     WHERE post_id = ANY(${gone}::bigint[])`.execute(tx);
  return rows;
}

/** The live reposts of `postId`, locked (they are tombstoned with it). */
export async function lockLiveReposts(tx: Tx, postId: SocialId): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_posts
     WHERE repost_of_id = ${postId}::bigint AND deleted_at IS NULL
     ORDER BY id FOR UPDATE`.execute(tx);
  return rows.map((row) => row.id);
}

/** Keyset bounds of a timeline read: ids below `maxId`, above `sinceId`, newest first. */
export interface IdRange {
  maxId?: SocialId;
  sinceId?: SocialId;
  limit: number;
}

const inRange = (column: string, range: IdRange) => sql`
  ${range.maxId ? sql`AND ${sql.ref(column)} < ${range.maxId}::bigint` : sql``}
  ${range.sinceId ? sql`AND ${sql.ref(column)} > ${range.sinceId}::bigint` : sql``}`;

/** The live posts and reposts of `authorId` in `range`, newest first. */
export async function profilePostIds(
  db: Db,
  authorId: SocialId,
  range: IdRange,
): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_posts
     WHERE author_id = ${authorId}::bigint AND deleted_at IS NULL ${inRange('id', range)}
     ORDER BY id DESC LIMIT ${range.limit}`.execute(db);
  return rows.map((row) => row.id);
}

/** The posts tagged `tag` in `range`, newest first (tags of deleted posts are deleted with them). */
export async function tagPostIds(db: Db, tag: string, range: IdRange): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT post_id::text AS id FROM social_post_tags
     WHERE tag = ${tag} ${inRange('post_id', range)}
     ORDER BY post_id DESC LIMIT ${range.limit}`.execute(db);
  return rows.map((row) => row.id);
}

/** A post of a thread, deleted or not. */
export interface ThreadPost {
  id: SocialId;
  deleted: boolean;
}

/** The posts `postId` answers, nearest first, at most `limit` (deleted ones included). */
export async function ancestorsOf(db: Db, postId: SocialId, limit: number): Promise<ThreadPost[]> {
  const { rows } = await sql<ThreadPost>`
    WITH RECURSIVE up (id, reply_to_id, deleted, depth) AS (
      SELECT p.id, p.reply_to_id, p.deleted_at IS NOT NULL, 0
        FROM social_posts p WHERE p.id = ${postId}::bigint
      UNION ALL
      SELECT p.id, p.reply_to_id, p.deleted_at IS NOT NULL, up.depth + 1
        FROM up JOIN social_posts p ON p.id = up.reply_to_id
       WHERE up.depth < ${limit})
    SELECT id::text AS id, deleted FROM up WHERE depth > 0 ORDER BY depth`.execute(db);
  return rows;
}

/**
 * The replies under `postId` (replies to its replies too, through deleted ones), oldest first,
 * after `afterId`, at most `limit`.
 */
export async function descendantsOf(
  db: Db,
  postId: SocialId,
  afterId: SocialId | undefined,
  limit: number,
): Promise<ThreadPost[]> {
  const { rows } = await sql<ThreadPost>`
    WITH RECURSIVE down (id, deleted) AS (
      SELECT p.id, p.deleted_at IS NOT NULL FROM social_posts p WHERE p.reply_to_id = ${postId}::bigint
      UNION ALL
      SELECT p.id, p.deleted_at IS NOT NULL FROM down JOIN social_posts p ON p.reply_to_id = down.id)
    SELECT id::text AS id, deleted FROM down
     WHERE true ${afterId ? sql`AND id > ${afterId}::bigint` : sql``}
     ORDER BY id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Whether profile `profileId` exists and neither it nor `viewerId` blocked the other. */
export async function profileVisible(
  db: Db,
  profileId: SocialId,
  viewerId: SocialId,
): Promise<boolean> {
  const { rows } = await sql<{ visible: boolean }>`
    SELECT NOT EXISTS (
      SELECT 1 FROM social_blocks b
       WHERE (b.blocker_id = p.id AND b.blocked_id = ${viewerId}::bigint)
          OR (b.blocker_id = ${viewerId}::bigint AND b.blocked_id = p.id)) AS visible
      FROM social_profiles p WHERE p.id = ${profileId}::bigint`.execute(db);
  return rows[0]?.visible ?? false;
}
