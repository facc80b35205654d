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
 * For each of `posts` (by index), the profiles of `local` (home timelines open in this process)
 * it reaches: the author, and the author's followers who neither muted nor blocked (either way)
 * the author or, for a repost, the original's author. A reply reaches a follower only if they
 * also follow the person answered (or are that person), or if it answers the author's own post
 * (a thread). One query for a batch of posts.
 */
export async function homeAudiences(
  db: Db,
  posts: LivePost[],
  local: SocialId[],
): Promise<SocialId[][]> {
  const audiences = posts.map((): SocialId[] => []);
  if (posts.length === 0 || local.length === 0) return audiences;
  const column = (pick: (post: LivePost) => SocialId | null) => posts.map(pick);
  const { rows } = await sql<{ n: number; id: SocialId }>`
    WITH p AS (
      SELECT * FROM unnest(${column((post) => post.authorId)}::bigint[],
                           ${column((post) => post.replyToAuthor)}::bigint[],
                           ${column((post) => post.repostOfId)}::bigint[])
        WITH ORDINALITY AS p (author_id, reply_to_author, repost_of_id, n)
    ), actors AS (
      SELECT n, author_id AS id FROM p
      UNION SELECT p.n, o.author_id FROM p JOIN social_posts o ON o.id = p.repost_of_id
    )
    SELECT p.n::int AS n, f.follower_id::text AS id
    FROM p JOIN social_follows f ON f.followee_id = p.author_id
    WHERE f.follower_id = ANY(${local}::bigint[])
      AND (p.reply_to_author IS NULL OR p.reply_to_author = p.author_id
           OR f.follower_id = p.reply_to_author
           OR EXISTS (SELECT 1 FROM social_follows g
                      WHERE g.follower_id = f.follower_id AND g.followee_id = p.reply_to_author))
      AND NOT EXISTS (SELECT 1 FROM social_mutes m JOIN actors a ON a.id = m.muted_id
                      WHERE a.n = p.n AND m.muter_id = f.follower_id)
      AND NOT EXISTS (SELECT 1 FROM social_blocks b JOIN actors a
                        ON (b.blocker_id = f.follower_id AND b.blocked_id = a.id)
                        OR (b.blocker_id = a.id AND b.blocked_id = f.follower_id)
                      WHERE a.n = p.n)
    UNION ALL
    SELECT p.n::int, p.author_id::text FROM p WHERE p.author_id = ANY(${local}::bigint[])`.execute(
    db,
  );
  for (const row of rows) audiences[row.n - 1]?.push(row.id);
  return audiences;
}
