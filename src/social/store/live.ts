import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// The SQL of live delivery (live.ts): who may subscribe to a topic, and which of the home
// timelines open in this process a new post reaches.

/** Whether profile `profileId` is user `userId`'s own. */
export async function ownsProfile(db: Db, userId: string, profileId: SocialId): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM social_profiles WHERE id = ${profileId}::bigint AND user_id = ${userId}::uuid`.execute(
    db,
  );
  return rows.length > 0;
}

/**
 * Whether user `userId` may see post `postId`: it exists, is not deleted, and its author and the
 * user (if they have a profile) have not blocked each other.
 */
export async function maySeePost(db: Db, userId: string, postId: SocialId): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM social_posts p
    WHERE p.id = ${postId}::bigint AND p.deleted_at IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM social_profiles v JOIN social_blocks b
          ON (b.blocker_id = v.id AND b.blocked_id = p.author_id)
          OR (b.blocker_id = p.author_id AND b.blocked_id = v.id)
        WHERE v.user_id = ${userId}::uuid)`.execute(db);
  return rows.length > 0;
}

/** What live delivery knows of a post from its event. */
export interface LivePost {
  authorId: SocialId;
  /** The author of the post answered, for a reply. */
  replyToAuthor: SocialId | null;
  /** The post reposted, for a repost. */
  repostOfId: SocialId | null;
}

/**
 * Of the profiles `local` (home timelines open in this process), those a new post reaches: the
 * author, and the author's followers who neither muted nor blocked (either way) the author or,
 * for a repost, the original's author. A reply reaches a follower only if they also follow the
 * person answered (or are that person), or if it answers the author's own post (a thread).
 */
export async function homeAudience(db: Db, post: LivePost, local: SocialId[]): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    WITH actors AS (
      SELECT ${post.authorId}::bigint AS id
      UNION SELECT author_id FROM social_posts WHERE id = ${post.repostOfId}::bigint
    )
    SELECT f.follower_id::text AS id FROM social_follows f
    WHERE f.followee_id = ${post.authorId}::bigint
      AND f.follower_id = ANY(${local}::bigint[])
      AND (${post.replyToAuthor}::bigint IS NULL
           OR ${post.replyToAuthor}::bigint = ${post.authorId}::bigint
           OR f.follower_id = ${post.replyToAuthor}::bigint
           OR EXISTS (SELECT 1 FROM social_follows g
                      WHERE g.follower_id = f.follower_id
                        AND g.followee_id = ${post.replyToAuthor}::bigint))
      AND NOT EXISTS (SELECT 1 FROM social_mutes m
                      WHERE m.muter_id = f.follower_id AND m.muted_id IN (SELECT id FROM actors))
      AND NOT EXISTS (SELECT 1 FROM social_blocks b, actors a
                      WHERE (b.blocker_id = f.follower_id AND b.blocked_id = a.id)
                         OR (b.blocker_id = a.id AND b.blocked_id = f.follower_id))
    UNION ALL
    SELECT ${post.authorId}::text WHERE ${post.authorId}::bigint = ANY(${local}::bigint[])`.execute(
    db,
  );
  return rows.map((row) => row.id);
}
