import { type RawBuilder, sql } from 'kysely';
import type pg from 'pg';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// Profiles (docs/social.md, "Profiles and the graph"): made on a user's first social request,
// renamed by `PUT /v1/social/profile`. The avatar is one of the owner's processed images, shown
// by its thumbnail (social_media.thumb_hash, a blob).

/**
 * The profile id of `userId`, creating the profile on the user's first social request: handle
 * `u<id>` (unique, as the id is), display name the account's name. Two first requests at once
 * make one profile.
 */
export async function ensureProfileId(db: Db | Tx, userId: string): Promise<SocialId> {
  const created = await sql<{ id: SocialId }>`
    INSERT INTO social_profiles (id, user_id, handle, display_name)
    SELECT made.id, u.id, 'u' || made.id, left(u.name, 50)
      FROM users u, (SELECT social_id() AS id) made
     WHERE u.id = ${userId}
    ON CONFLICT (user_id) DO NOTHING
    RETURNING id::text AS id`.execute(db);
  if (created.rows[0]) return created.rows[0].id;
  const existing = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_profiles WHERE user_id = ${userId}`.execute(db);
  const row = existing.rows[0];
  if (!row) throw new Error(`no user ${userId} to make a profile for`);
  return row.id;
}

/**
 * The profile id of `userId`, if the profile was made: asked before `ensureProfileId`, whose
 * insert would burn an id each time. A named statement, so each pooled
 * connection plans it once (planning it cost three times its run).
 */
export async function findProfileIdOfUser(
  pool: pg.Pool,
  userId: string,
): Promise<SocialId | undefined> {
  const { rows } = await pool.query<{ id: SocialId }>({
    name: 'social.profile-of-user',
    text: 'SELECT id::text AS id FROM social_profiles WHERE user_id = $1',
    values: [userId],
  });
  return rows[0]?.id;
}

/** A profile as lists show it: who, and the blob hash of the avatar's thumbnail (or null). */
export interface SummaryRow {
  id: SocialId;
  handle: string;
  display_name: string;
  avatar_thumb: string | null;
}

/** A profile with everything its own page shows but the counts. */
export interface ProfileRow extends SummaryRow {
  bio: string;
  avatar_media_id: SocialId | null;
  created_at: Date;
}

/**
 * The columns of a `SummaryRow` from `social_profiles p` joined `LEFT JOIN social_media m ON
 * m.id = p.avatar_media_id` (see `avatarJoin`), for every query that lists profiles.
 */
export const summaryColumns: RawBuilder<unknown> = sql`
  p.id::text AS id, p.handle, p.display_name, m.thumb_hash AS avatar_thumb`;

/** The avatar's media row for `social_profiles p`, when it has one. */
export const avatarJoin: RawBuilder<unknown> = sql`
  LEFT JOIN social_media m ON m.id = p.avatar_media_id`;

/** The profile with this id, or with this (lower-case) handle. */
export async function findProfile(
  db: Db | Tx,
  key: { id: SocialId } | { handle: string },
): Promise<ProfileRow | undefined> {
  const where = 'id' in key ? sql`p.id = ${key.id}::bigint` : sql`p.handle = ${key.handle}`;
  const { rows } = await sql<ProfileRow>`
    SELECT ${summaryColumns}, p.bio, p.avatar_media_id::text AS avatar_media_id, p.created_at
      FROM social_profiles p ${avatarJoin}
     WHERE ${where}`.execute(db);
  return rows[0];
}

/** What `PUT /v1/social/profile` may change; a field left out keeps its value. */
export interface ProfilePatch {
  handle?: string;
  display_name?: string;
  bio?: string;
  avatar_media_id?: SocialId | null;
}

/**
 * Changes profile `id`. A handle another profile has fails with PostgreSQL's unique violation
 * of `social_profiles_handle_key` (no look-up first: two renames at once would both pass it).
 */
export async function updateProfile(db: Db | Tx, id: SocialId, patch: ProfilePatch) {
  const sets: RawBuilder<unknown>[] = [];
  if (patch.handle !== undefined) sets.push(sql`handle = ${patch.handle}`);
  if (patch.display_name !== undefined) sets.push(sql`display_name = ${patch.display_name}`);
  if (patch.bio !== undefined) sets.push(sql`bio = ${patch.bio}`);
  if (patch.avatar_media_id !== undefined) {
    sets.push(sql`avatar_media_id = ${patch.avatar_media_id}::bigint`);
  }
  if (sets.length === 0) return;
  await sql`UPDATE social_profiles SET ${sql.join(sets)} WHERE id = ${id}`.execute(db);
}

/** Whether media `mediaId` was uploaded by profile `ownerId` (an avatar must be one's own). */
export async function ownsMedia(db: Db | Tx, ownerId: SocialId, mediaId: SocialId) {
  const { rows } = await sql`
    SELECT 1 FROM social_media WHERE id = ${mediaId} AND owner_id = ${ownerId}`.execute(db);
  return rows.length > 0;
}

/** Handle similarity at or above this is a typo of it: "alcie" is 0.33 of "alice". */
const typoThreshold = '0.3';

/** A profile found, with its rank: higher is better. */
export type ProfileHit = SummaryRow & { rank: number };

/**
 * Profiles matching `q`, best first, after `after` (the last hit's rank and id), leaving out
 * those that blocked `viewerId`. Words are matched by full text on `search` (handle weighted A,
 * display name B); when no profile has them, typos of the handle by pg_trgm's similarity (the
 * trigram GIN index serves `%`). An exact handle outranks everything:
 *
 *   rank = 10 if the handle is q + ts_rank (0..1) + similarity(handle, q) (0..1)
 */
export async function searchProfiles(
  db: Db,
  viewerId: SocialId,
  q: string,
  after: [number, SocialId] | undefined,
  limit: number,
): Promise<ProfileHit[]> {
  const handle = q.toLowerCase();
  const ts = sql`websearch_to_tsquery('simple', ${q})`;
  const rankOf = sql`((CASE WHEN p.handle = ${handle} THEN 10 ELSE 0 END)
                      + ts_rank(p.search, ${ts}) + similarity(p.handle, ${handle}))::float8`;
  const visible = sql`NOT EXISTS (SELECT 1 FROM social_blocks b
                                   WHERE b.blocker_id = p.id AND b.blocked_id = ${viewerId})`;
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('pg_trgm.similarity_threshold', ${typoThreshold}, true)`.execute(
      tx,
    );
    // The typo arm only when the words found nobody: else every handle sharing a trigram with
    // q is rechecked (as inventory's search explains).
    const { rows } = await sql<ProfileHit>`
      WITH words AS MATERIALIZED (
        SELECT p.id, ${rankOf} AS rank FROM social_profiles p
         WHERE (p.search @@ ${ts} OR p.handle = ${handle}) AND ${visible}
      ),
      hits AS (
        SELECT * FROM words
        UNION ALL
        SELECT p.id, ${rankOf} AS rank FROM social_profiles p
         WHERE NOT EXISTS (SELECT 1 FROM words) AND p.handle % ${handle} AND ${visible}
      )
      SELECT ${summaryColumns}, h.rank
        FROM hits h JOIN social_profiles p ON p.id = h.id ${avatarJoin}
       ${after === undefined ? sql`` : sql`WHERE h.rank < ${after[0]}::float8 OR (h.rank = ${after[0]}::float8 AND h.id > ${after[1]}::bigint)`}
       ORDER BY h.rank DESC, h.id
       LIMIT ${limit}`.execute(tx);
    return rows;
  });
}
