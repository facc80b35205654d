import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { avatarJoin, type SummaryRow, summaryColumns } from './profiles.ts';

// The SQL of likes (likes.ts): rows are the truth, one per profile and post, so liking twice is
// one like; each statement returns the rows it really changed, which is what the counters add.

/** One like's key. */
export interface LikeKey {
  postId: SocialId;
  profileId: SocialId;
}

/** Inserts `likes` of live posts (a like already there is left as it is); returns the new ones. */
export async function insertLikes(tx: Tx, likes: LikeKey[]): Promise<LikeKey[]> {
  if (likes.length === 0) return [];
  const { rows } = await sql<LikeKey>`
    INSERT INTO social_likes (post_id, profile_id)
    SELECT k.post_id, k.profile_id
      FROM unnest(${likes.map((l) => l.postId)}::bigint[], ${likes.map((l) => l.profileId)}::bigint[])
           AS k(post_id, profile_id)
      JOIN social_posts p ON p.id = k.post_id AND p.deleted_at IS NULL
     ORDER BY k.post_id, k.profile_id
    ON CONFLICT DO NOTHING
    RETURNING post_id::text AS "postId", profile_id::text AS "profileId"`.execute(tx);
  return rows;
}

/** Deletes `likes`; returns those that were there. */
export async function deleteLikes(tx: Tx, likes: LikeKey[]): Promise<LikeKey[]> {
  if (likes.length === 0) return [];
  const { rows } = await sql<LikeKey>`
    DELETE FROM social_likes l
     USING unnest(${likes.map((k) => k.postId)}::bigint[], ${likes.map((k) => k.profileId)}::bigint[])
           AS k(post_id, profile_id)
     WHERE l.post_id = k.post_id AND l.profile_id = k.profile_id
    RETURNING l.post_id::text AS "postId", l.profile_id::text AS "profileId"`.execute(tx);
  return rows;
}

/** A profile in a list of people, with the list's keyset key. */
export type ListedProfile = SummaryRow & { key: SocialId };

/** Who liked `postId`, by profile id, after `afterId`, at most `limit`. */
export async function likedBy(
  db: Db,
  postId: SocialId,
  afterId: SocialId | undefined,
  limit: number,
): Promise<ListedProfile[]> {
  const { rows } = await sql<ListedProfile>`
    SELECT ${summaryColumns}, l.profile_id::text AS key
      FROM social_likes l
      JOIN social_profiles p ON p.id = l.profile_id
      ${avatarJoin}
     WHERE l.post_id = ${postId}::bigint ${afterId ? sql`AND l.profile_id > ${afterId}::bigint` : sql``}
     ORDER BY l.profile_id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Who reposted `postId`, newest repost first, before repost `beforeId`, at most `limit`. */
export async function repostedBy(
  db: Db,
  postId: SocialId,
  beforeId: SocialId | undefined,
  limit: number,
): Promise<ListedProfile[]> {
  const { rows } = await sql<ListedProfile>`
    SELECT ${summaryColumns}, r.id::text AS key
      FROM social_posts r
      JOIN social_profiles p ON p.id = r.author_id
      ${avatarJoin}
     WHERE r.repost_of_id = ${postId}::bigint AND r.deleted_at IS NULL
       ${beforeId ? sql`AND r.id < ${beforeId}::bigint` : sql``}
     ORDER BY r.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}
