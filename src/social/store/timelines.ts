import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { cursorConditions } from '../timeline-store/postgres.ts';
import type { TimelineEntry } from '../timeline-store/timeline-store.ts';
import type { HomeState } from './tables.ts';

// The SQL of home timelines (docs/social.md, "Home timelines"): the fan-out's plan and batches,
// the pull query that rebuilds a timeline (and reads past its cap, and merges hot accounts in),
// the reader's home state, and the filters of a page. The timeline rows themselves are the
// TimelineStore's: nothing here reads or writes `social_home_entries`.

/** What the fan-out needs of a post. */
export interface FanoutPost {
  id: SocialId;
  authorId: SocialId;
  /** The author answered, for the reply rule; null for a root post or a repost. */
  replyToAuthor: SocialId | null;
  /** The entry's de-dup key: the post itself, or the post reposted. */
  originId: SocialId;
  /** The author is hot: merged into timelines at read, not fanned out. */
  hot: boolean;
  /** The author's own timeline is culled (it gets no entries until rebuilt). */
  authorCold: boolean;
}

// The fan-out's three statements run for every post: named, so each pooled connection parses
// and plans them once (planning cost more than running them: 0.15 to 0.3 ms against 0.05).

/** The live post `postId` with its author's flags; undefined when deleted or unknown. */
export async function loadFanoutPost(
  pool: pg.Pool,
  postId: SocialId,
): Promise<FanoutPost | undefined> {
  const { rows } = await pool.query<FanoutPost>({
    name: 'social.fanout-post',
    text: `
      SELECT p.id::text AS id, p.author_id::text AS "authorId",
             p.reply_to_author::text AS "replyToAuthor",
             coalesce(p.repost_of_id, p.id)::text AS "originId",
             a.hot, a.home_state = 'cold' AS "authorCold"
        FROM social_posts p JOIN social_profiles a ON a.id = p.author_id
       WHERE p.id = $1::bigint AND p.deleted_at IS NULL`,
    values: [postId],
  });
  return rows[0];
}

/**
 * The follower ids that end each full batch of `batch` followers of `authorId`, ascending: one
 * index-only scan of the follows' primary key. Batch k covers (boundary k-1, boundary k], the
 * last one everything above the last boundary.
 */
export async function followerBoundaries(
  pool: pg.Pool,
  authorId: SocialId,
  batch: number,
): Promise<SocialId[]> {
  const { rows } = await pool.query<{ id: SocialId }>({
    name: 'social.fanout-boundaries',
    text: `
      SELECT follower_id::text AS id
        FROM (SELECT follower_id, row_number() OVER (ORDER BY follower_id) AS r
                FROM social_follows WHERE followee_id = $1::bigint) s
       WHERE r % $2::int = 0
       ORDER BY follower_id`,
    values: [authorId, batch],
  });
  return rows.map((row) => row.id);
}

/** A range of an author's followers: ids above `after`, up to `until` (none: to the end). */
export interface FollowerRange {
  after: SocialId;
  until: SocialId | null;
}

/** The largest bigint: the upper bound of an open range, so one statement serves every range. */
const maxBigint = '9223372036854775807';

/**
 * The followers of the post's author in `range` whose timelines take the post: not culled, and
 * for a reply only those who also follow the person answered (or are that person); a self-reply
 * reaches every follower. None when the post was deleted meanwhile. The first `limit` by id
 * when given (the plan's look at whether one batch holds them all).
 */
export async function batchRecipients(
  pool: pg.Pool,
  post: FanoutPost,
  range: FollowerRange,
  limit?: number,
): Promise<SocialId[]> {
  // The author and the person answered are parameters, not joined from the post: the planner
  // then reads the range straight off the follows' primary key (joined, it scanned every follow).
  const answered = post.replyToAuthor ?? post.authorId;
  const { rows } = await pool.query<{ id: SocialId }>({
    name: 'social.fanout-recipients',
    text: `
      SELECT f.follower_id::text AS id
        FROM social_follows f
        JOIN social_profiles p ON p.id = f.follower_id AND p.home_state <> 'cold'
       WHERE f.followee_id = $1::bigint
         AND f.follower_id > $2::bigint AND f.follower_id <= $3::bigint
         AND EXISTS (SELECT 1 FROM social_posts live
                      WHERE live.id = $4::bigint AND live.deleted_at IS NULL)
         AND ($5::bigint = $1::bigint
              OR f.follower_id = $5::bigint
              OR EXISTS (SELECT 1 FROM social_follows g
                          WHERE g.follower_id = f.follower_id AND g.followee_id = $5::bigint))
       ORDER BY f.follower_id LIMIT $6::int`,
    values: [
      post.authorId,
      range.after,
      range.until ?? maxBigint,
      post.id,
      answered,
      limit ?? null,
    ],
  });
  return rows.map((row) => row.id);
}

/** Up to `limit` followers of `authorId` above `after`, ascending: the unfan-out's pages. */
export async function followersAfter(
  db: Db,
  authorId: SocialId,
  after: SocialId,
  limit: number,
): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT follower_id::text AS id FROM social_follows
     WHERE followee_id = ${authorId} AND follower_id > ${after}
     ORDER BY follower_id LIMIT ${limit}`.execute(db);
  return rows.map((row) => row.id);
}

/** The ids of `authorId`'s latest `limit` live posts, newest first (a hot account's backfill). */
export async function latestPostIds(
  db: Db,
  authorId: SocialId,
  limit: number,
): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_posts
     WHERE author_id = ${authorId} AND deleted_at IS NULL
     ORDER BY id DESC LIMIT ${limit}`.execute(db);
  return rows.map((row) => row.id);
}

/**
 * Where the pull query reads: every followee and the viewer, or those of these (hot) accounts the
 * viewer follows — found in the same statement, so a home read costs no round trip to learn it.
 */
export type PullAuthors = 'followees' | { followedAmong: SocialId[] };

/** A pull: the viewer's authors' posts between cursors, newest first. */
export interface PullQuery {
  authors: PullAuthors;
  maxId?: SocialId;
  sinceId?: SocialId;
  /** Reads upwards from here (the oldest above it), answered newest first. */
  minId?: SocialId;
  /** Posts read per author (the rebuild's 100). */
  perAuthor: number;
  limit: number;
}

/**
 * The viewer's timeline computed from the posts, newest first: for each author its latest
 * `perAuthor` live posts through `social_posts (author_id, id DESC)` (one index probe each), the
 * reply rule applied, the newest `limit` kept. It rebuilds a timeline, reads below the cap, and
 * merges the hot accounts in. Mutes and blocks are left to the page's filter.
 */
export async function pullEntries(
  pool: pg.Pool,
  viewerId: SocialId,
  query: PullQuery,
): Promise<TimelineEntry[]> {
  const among = query.authors === 'followees' ? undefined : query.authors.followedAmong;
  const authors = among
    ? `SELECT followee_id AS author_id FROM social_follows
        WHERE follower_id = $1::bigint AND followee_id = ANY($4::bigint[])`
    : `SELECT followee_id AS author_id FROM social_follows WHERE follower_id = $1::bigint
        UNION ALL SELECT $1::bigint`;
  const cursor = cursorConditions('sp.id', query, among ? 5 : 4);
  const { rows } = await pool.query<TimelineEntry>({
    // Every home read of a follower of hot accounts runs it: planned once per connection.
    name: `social.pull:${among ? 'among' : 'followees'}:${cursor.shape}`,
    text: `
      SELECT p.id::text AS "entryId", coalesce(p.repost_of_id, p.id)::text AS "originId",
             p.author_id::text AS "authorId"
        FROM (${authors}) a
       CROSS JOIN LATERAL (
             SELECT id, author_id, repost_of_id, reply_to_author FROM social_posts sp
              WHERE sp.author_id = a.author_id AND sp.deleted_at IS NULL ${cursor.where}
              ORDER BY sp.id ${cursor.order} LIMIT $2) p
       WHERE p.reply_to_author IS NULL OR p.reply_to_author = p.author_id
          OR p.author_id = $1 OR p.reply_to_author = $1
          OR EXISTS (SELECT 1 FROM social_follows g
                      WHERE g.follower_id = $1 AND g.followee_id = p.reply_to_author)
       ORDER BY p.id ${cursor.order} LIMIT $3`,
    values: [viewerId, query.perAuthor, query.limit, ...(among ? [among] : []), ...cursor.values],
  });
  return cursor.order === 'ASC' ? rows.reverse() : rows;
}

/** Sets the viewer's home state (committed at once: fan-out reads it). */
export async function setHomeState(db: Db, viewerId: SocialId, state: HomeState): Promise<void> {
  await sql`UPDATE social_profiles SET home_state = ${state} WHERE id = ${viewerId}`.execute(db);
}
