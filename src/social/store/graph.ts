import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import type { TimelineEntry } from '../timeline-store/timeline-store.ts';
import { avatarJoin, type SummaryRow, summaryColumns } from './profiles.ts';

// The follow graph, blocks and mutes (docs/social.md, "Profiles and the graph"), and the counts
// read beside them. The rows are the truth; followers/following counters move by deltas written
// in the same transaction as the rows (counters.ts folds them), so `counter + Σ deltas` is exact
// at every commit.

/**
 * Serialises follow, unfollow and block between two profiles (either order), for the
 * transaction: a follow checks for a block that a concurrent block would otherwise slip past.
 */
export async function lockPair(tx: Tx, a: SocialId, b: SocialId): Promise<void> {
  const [low, high] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`social-pair:${low}:${high}`}, 0))`.execute(
    tx,
  );
}

/**
 * Locks profile `id`'s row against a concurrent follow by the same profile (so two follows at
 * the cap do not both pass it); false when there is no such profile.
 */
export async function lockFollower(tx: Tx, id: SocialId): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM social_profiles WHERE id = ${id} FOR NO KEY UPDATE`.execute(tx);
  return rows.length > 0;
}

/** Whether profile `id` exists. */
export async function profileExists(db: Db | Tx, id: SocialId): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM social_profiles WHERE id = ${id}`.execute(db);
  return rows.length > 0;
}

/** Whether `a` blocked `b` or `b` blocked `a`: then neither sees, follows or answers the other. */
export async function isBlockedEitherWay(db: Db | Tx, a: SocialId, b: SocialId): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM social_blocks
     WHERE (blocker_id = ${a} AND blocked_id = ${b}) OR (blocker_id = ${b} AND blocked_id = ${a})
     LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** Whether `blockerId` blocked `blockedId` (one way only). */
export async function hasBlocked(db: Db | Tx, blockerId: SocialId, blockedId: SocialId) {
  const { rows } = await sql`
    SELECT 1 FROM social_blocks
     WHERE blocker_id = ${blockerId} AND blocked_id = ${blockedId}`.execute(db);
  return rows.length > 0;
}

/**
 * The ids among `ids` that `viewerId` muted, blocked or was blocked by: what the viewer's reads
 * leave out (posts by them, notifications from them).
 */
export async function hiddenAmong(
  db: Db | Tx,
  viewerId: SocialId,
  ids: SocialId[],
): Promise<Set<SocialId>> {
  if (ids.length === 0) return new Set();
  const { rows } = await sql<{ id: SocialId }>`
    SELECT x::text AS id FROM unnest(${ids}::bigint[]) x
     WHERE EXISTS (SELECT 1 FROM social_mutes WHERE muter_id = ${viewerId} AND muted_id = x)
        OR EXISTS (SELECT 1 FROM social_blocks WHERE blocker_id = ${viewerId} AND blocked_id = x)
        OR EXISTS (SELECT 1 FROM social_blocks WHERE blocker_id = x AND blocked_id = ${viewerId})`.execute(
    db,
  );
  return new Set(rows.map((row) => row.id));
}

/** How many accounts `followerId` follows, counted up to `atMost` (the cap: no need for more). */
export async function countFollowing(tx: Tx, followerId: SocialId, atMost: number) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n
      FROM (SELECT 1 FROM social_follows WHERE follower_id = ${followerId} LIMIT ${atMost}) f`.execute(
    tx,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Makes `followerId` follow `followeeId`, or sets the bell (`notify`, when given) of the follow
 * that exists. `inserted` is true only for a new row: a repeated follow counts once.
 */
export async function upsertFollow(
  tx: Tx,
  followerId: SocialId,
  followeeId: SocialId,
  notify: boolean | undefined,
): Promise<{ inserted: boolean }> {
  const { rows } = await sql<{ inserted: boolean }>`
    INSERT INTO social_follows (followee_id, follower_id, notify)
    VALUES (${followeeId}, ${followerId}, coalesce(${notify ?? null}::boolean, false))
    ON CONFLICT (followee_id, follower_id)
      DO UPDATE SET notify = coalesce(${notify ?? null}::boolean, social_follows.notify)
    RETURNING (xmax = 0) AS inserted`.execute(tx);
  return { inserted: rows[0]?.inserted === true };
}

/** A follow that was taken away: whose follower count and whose following count fall. */
export interface EndedFollow {
  followerId: SocialId;
  followeeId: SocialId;
}

/**
 * Deletes the follows from each `[follower, followee]` pair given (unfollow: one; block: both
 * ways), returning those that existed.
 */
export async function deleteFollows(tx: Tx, pairs: [SocialId, SocialId][]): Promise<EndedFollow[]> {
  const { rows } = await sql<EndedFollow>`
    DELETE FROM social_follows f
     USING unnest(${pairs.map((p) => p[0])}::bigint[], ${pairs.map((p) => p[1])}::bigint[])
           AS x(follower_id, followee_id)
     WHERE f.follower_id = x.follower_id AND f.followee_id = x.followee_id
    RETURNING f.follower_id::text AS "followerId", f.followee_id::text AS "followeeId"`.execute(tx);
  return rows;
}

/** Blocks `blockedId` for `blockerId`; true when this made the block. */
export async function insertBlock(tx: Tx, blockerId: SocialId, blockedId: SocialId) {
  const { rows } = await sql`
    INSERT INTO social_blocks (blocker_id, blocked_id) VALUES (${blockerId}, ${blockedId})
    ON CONFLICT DO NOTHING RETURNING 1`.execute(tx);
  return rows.length > 0;
}

/** Ends `blockerId`'s block of `blockedId`, if any. */
export async function deleteBlock(db: Db | Tx, blockerId: SocialId, blockedId: SocialId) {
  await sql`
    DELETE FROM social_blocks
     WHERE blocker_id = ${blockerId} AND blocked_id = ${blockedId}`.execute(db);
}

/** Mutes `mutedId` for `muterId` (again: nothing changes). */
export async function insertMute(db: Db | Tx, muterId: SocialId, mutedId: SocialId) {
  await sql`
    INSERT INTO social_mutes (muter_id, muted_id) VALUES (${muterId}, ${mutedId})
    ON CONFLICT DO NOTHING`.execute(db);
}

/** Ends `muterId`'s mute of `mutedId`, if any. */
export async function deleteMute(db: Db | Tx, muterId: SocialId, mutedId: SocialId) {
  await sql`
    DELETE FROM social_mutes WHERE muter_id = ${muterId} AND muted_id = ${mutedId}`.execute(db);
}

/** What the viewer and another profile are to each other. */
export interface RelationRow {
  following: boolean;
  followed_by: boolean;
  blocking: boolean;
  blocked_by: boolean;
  muting: boolean;
  notify: boolean;
}

/** How `viewerId` stands to `otherId`, in one query of index probes. */
export async function relationOf(
  db: Db | Tx,
  viewerId: SocialId,
  otherId: SocialId,
): Promise<RelationRow> {
  const { rows } = await sql<RelationRow>`
    SELECT mine.followee_id IS NOT NULL AS following,
           coalesce(mine.notify, false) AS notify,
           EXISTS (SELECT 1 FROM social_follows
                    WHERE followee_id = ${viewerId} AND follower_id = ${otherId}) AS followed_by,
           EXISTS (SELECT 1 FROM social_blocks
                    WHERE blocker_id = ${viewerId} AND blocked_id = ${otherId}) AS blocking,
           EXISTS (SELECT 1 FROM social_blocks
                    WHERE blocker_id = ${otherId} AND blocked_id = ${viewerId}) AS blocked_by,
           EXISTS (SELECT 1 FROM social_mutes
                    WHERE muter_id = ${viewerId} AND muted_id = ${otherId}) AS muting
      FROM (SELECT 1) one
      LEFT JOIN social_follows mine
        ON mine.followee_id = ${otherId} AND mine.follower_id = ${viewerId}`.execute(db);
  return rows[0] as RelationRow;
}

/** A profile in a followers or following list, with when the follow was made (µs, the key). */
export type FollowRow = SummaryRow & { followed_at_us: number };

/** Where a followers or following page starts: after this follow (its µs and the profile id). */
export type FollowCursor = [number, SocialId];

/**
 * A page of the profiles following `profileId` (`followers`) or followed by it (`following`),
 * newest follow first, after `after`. The µs timestamp is exact in the cursor (a Date would
 * round to the millisecond and skip or repeat follows made in the same one).
 */
export async function listFollows(
  db: Db,
  profileId: SocialId,
  direction: 'followers' | 'following',
  after: FollowCursor | undefined,
  limit: number,
): Promise<FollowRow[]> {
  const [mine, theirs] =
    direction === 'followers'
      ? [sql.ref('f.followee_id'), sql.ref('f.follower_id')]
      : [sql.ref('f.follower_id'), sql.ref('f.followee_id')];
  const at = sql`(timestamptz 'epoch' + ${after?.[0] ?? 0}::int8 * interval '1 microsecond')`;
  const { rows } = await sql<FollowRow>`
    SELECT ${summaryColumns},
           (extract(epoch FROM f.created_at) * 1000000)::int8 AS followed_at_us
      FROM social_follows f
      JOIN social_profiles p ON p.id = ${theirs}
      ${avatarJoin}
     WHERE ${mine} = ${profileId}
       ${after === undefined ? sql`` : sql`AND (f.created_at, ${theirs}) < (${at}, ${after[1]}::bigint)`}
     ORDER BY f.created_at DESC, ${theirs} DESC
     LIMIT ${limit}`.execute(db);
  return rows;
}

/**
 * The latest `limit` live, non-reply posts and reposts of `authorId` as timeline entries, for a
 * new follower's timeline; none when the author is hot (hot accounts are merged at read).
 */
export async function backfillEntries(
  db: Db,
  authorId: SocialId,
  limit: number,
): Promise<TimelineEntry[]> {
  const { rows } = await sql<TimelineEntry>`
    SELECT id::text AS "entryId", coalesce(repost_of_id, id)::text AS "originId",
           author_id::text AS "authorId"
      FROM social_posts
     WHERE author_id = ${authorId} AND deleted_at IS NULL AND reply_to_id IS NULL
       AND NOT (SELECT hot FROM social_profiles WHERE id = ${authorId})
     ORDER BY id DESC
     LIMIT ${limit}`.execute(db);
  return rows;
}
