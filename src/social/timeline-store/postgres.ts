import { sql } from 'kysely';
import type pg from 'pg';
import type { Database, Db } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import type { TimelineEntry, TimelinePageQuery, TimelineStore } from './timeline-store.ts';

// Home timelines as rows of `social_home_entries` (user, entry, origin, author), keyed by
// (user_id, entry_id) so a page is one range scan of the primary key. Whether a user has a
// timeline at all is `social_profiles.home_state`: only `live` has one; `cold` (culled) and
// `rebuilding` read as none, which `page` answers with undefined so the reader rebuilds it.

/** One trim in this many fan-out writes (Misskey's trick): until then a few extra rows wait. */
const trimEvery = 10;

export function createPostgresTimelines(
  { db, pool }: Pick<Database, 'db' | 'pool'>,
  { cap }: { cap: number },
): TimelineStore {
  return {
    kind: 'postgres',

    async addToMany(userIds, entry) {
      if (userIds.length === 0) return;
      await sql`
        INSERT INTO social_home_entries (user_id, entry_id, origin_id, author_id)
        SELECT u, ${entry.entryId}::bigint, ${entry.originId}::bigint, ${entry.authorId}::bigint
          FROM unnest(${userIds}::bigint[]) u
        ON CONFLICT DO NOTHING`.execute(db);
      if (Math.random() < 1 / trimEvery) await trim(db, userIds, cap);
    },

    async page(userId, query) {
      return readPage(pool, userId, query);
    },

    async removeEntry(userIds, entryId) {
      if (userIds.length === 0) return;
      await sql`
        DELETE FROM social_home_entries
         WHERE user_id = ANY(${userIds}::bigint[]) AND entry_id = ${entryId}`.execute(db);
    },

    async removeAuthor(userId, authorId) {
      await sql`
        DELETE FROM social_home_entries
         WHERE user_id = ${userId} AND author_id = ${authorId}`.execute(db);
    },

    async replace(userId, entries) {
      await db.transaction().execute(async (tx) => {
        await sql`DELETE FROM social_home_entries WHERE user_id = ${userId}`.execute(tx);
        if (entries.length > 0) {
          // The newest `cap`, whatever order the rebuild gives them in.
          await sql`
            INSERT INTO social_home_entries (user_id, entry_id, origin_id, author_id)
            SELECT ${userId}::bigint, e, o, a
              FROM unnest(${entries.map((x) => x.entryId)}::bigint[],
                          ${entries.map((x) => x.originId)}::bigint[],
                          ${entries.map((x) => x.authorId)}::bigint[]) AS t(e, o, a)
             ORDER BY e DESC LIMIT ${cap}
            ON CONFLICT DO NOTHING`.execute(tx);
        }
        await sql`
          UPDATE social_profiles SET home_state = 'live' WHERE id = ${userId}`.execute(tx);
      });
    },

    async drop(userIds) {
      if (userIds.length === 0) return;
      await db.transaction().execute(async (tx) => {
        await sql`
          UPDATE social_profiles SET home_state = 'cold'
           WHERE id = ANY(${userIds}::bigint[])`.execute(tx);
        await sql`
          DELETE FROM social_home_entries WHERE user_id = ANY(${userIds}::bigint[])`.execute(tx);
      });
    },
  };
}

/**
 * The page, in the same round trip as the reader's `home_state`: only a `live` profile has a
 * timeline. `rebuilding` is a rebuild under way (a reader waits on its lock) or one that crashed
 * before its `replace` (redone): either way what is stored is not yet the whole timeline.
 */
async function readPage(
  pool: pg.Pool,
  userId: SocialId,
  query: TimelinePageQuery,
): Promise<TimelineEntry[] | undefined> {
  const cursor = cursorConditions('entry_id', query, 3);
  const { rows } = await pool.query<{ live: boolean } & Partial<TimelineEntry>>({
    name: `social.home-page:${cursor.shape}`,
    text: `
      SELECT p.home_state = 'live' AS live, e."entryId", e."originId", e."authorId"
        FROM social_profiles p
        LEFT JOIN LATERAL (
          SELECT entry_id::text AS "entryId", origin_id::text AS "originId",
                 author_id::text AS "authorId"
            FROM social_home_entries
           WHERE user_id = p.id AND p.home_state = 'live' ${cursor.where}
           ORDER BY entry_id ${cursor.order}
           LIMIT $2) e ON true
       WHERE p.id = $1::bigint`,
    values: [userId, query.limit, ...cursor.values],
  });
  if (!rows[0]?.live) return undefined;
  const entries = rows
    .filter((row) => row.entryId !== null && row.entryId !== undefined)
    .map(({ entryId, originId, authorId }) => ({ entryId, originId, authorId }) as TimelineEntry);
  return cursor.order === 'ASC' ? entries.reverse() : entries;
}

/**
 * A page query's cursors as conditions on `column`, their values numbered from `$first`, and
 * the order to read in: min_id reads upwards (the oldest entries above it; the caller answers
 * newest first). `shape` names the statement: one per shape of cursor (a handful), each planned
 * once per connection, for queries that run for every page of every home timeline.
 */
export function cursorConditions(
  column: string,
  { maxId, sinceId, minId }: Omit<TimelinePageQuery, 'limit'>,
  first: number,
) {
  const bounds = [
    ...(maxId !== undefined ? [['<', maxId] as const] : []),
    ...(sinceId !== undefined ? [['>', sinceId] as const] : []),
    ...(minId !== undefined ? [['>', minId] as const] : []),
  ];
  const order = minId !== undefined ? ('ASC' as const) : ('DESC' as const);
  return {
    where: bounds.map(([op], i) => `AND ${column} ${op} $${first + i}::bigint`).join(' '),
    values: bounds.map(([, id]) => id),
    order,
    shape: `${bounds.map(([op]) => op).join('')}:${order}`,
  };
}

/** Cuts each of these timelines to its newest `cap` entries. */
async function trim(db: Db, userIds: SocialId[], cap: number): Promise<void> {
  await sql`
    DELETE FROM social_home_entries h
     USING (SELECT u AS user_id,
                   (SELECT entry_id FROM social_home_entries
                     WHERE user_id = u ORDER BY entry_id DESC OFFSET ${cap - 1} LIMIT 1) AS oldest
              FROM unnest(${userIds}::bigint[]) u) c
     WHERE h.user_id = c.user_id AND c.oldest IS NOT NULL AND h.entry_id < c.oldest`.execute(db);
}
