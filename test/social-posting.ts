import { sql } from 'kysely';
import { transaction } from '../src/platform/db/database.ts';
import type { Core } from '../src/platform/module.ts';
import type { SocialId } from '../src/social/ids.ts';
import { type PostCreatedData, postsTopic } from '../src/social/live.ts';

// Posts, follows, mutes and blocks made with SQL, for the tests of live delivery and
// notifications: the posts code publishes `post.created` in the post's transaction, and so
// does `insertPost` here.

/** Inserts a post by `authorId` (a reply to `replyTo`, if given) and publishes `post.created`. */
export async function insertPost(
  core: Core,
  authorId: SocialId,
  options: { text?: string; replyTo?: { id: SocialId; authorId: SocialId } } = {},
): Promise<SocialId> {
  return transaction(core.database.db, async (tx) => {
    const replyTo = options.replyTo ?? null;
    const { rows } = await sql<{ id: SocialId }>`
      WITH made AS (SELECT social_id() AS id)
      INSERT INTO social_posts (id, author_id, text, reply_to_id, reply_to_author, conversation_id)
      SELECT made.id, ${authorId}::bigint, ${options.text ?? 'hello'}, ${replyTo?.id ?? null}::bigint,
             ${replyTo?.authorId ?? null}::bigint, coalesce(${replyTo?.id ?? null}::bigint, made.id)
      FROM made RETURNING id::text AS id`.execute(tx);
    const id = (rows[0] as { id: SocialId }).id;
    const data: PostCreatedData = {
      id,
      author_id: authorId,
      reply_to_author: replyTo?.authorId ?? null,
      repost_of_id: null,
    };
    await core.events.publish(tx, { topic: postsTopic, type: 'post.created', data });
    return id;
  });
}

/** Marks a post deleted and publishes `post.deleted`, as the posts code does. */
export async function deletePost(core: Core, id: SocialId, authorId: SocialId): Promise<void> {
  await transaction(core.database.db, async (tx) => {
    await sql`UPDATE social_posts SET deleted_at = now() WHERE id = ${id}::bigint`.execute(tx);
    await core.events.publish(tx, {
      topic: postsTopic,
      type: 'post.deleted',
      data: { id, author_id: authorId },
    });
  });
}

/** Rows of the graph: `follow(a, b)` makes a follow b. */
export function graph(core: Core) {
  const { db } = core.database;
  return {
    async follow(follower: SocialId, followee: SocialId, bell = false) {
      await sql`INSERT INTO social_follows (follower_id, followee_id, notify)
                VALUES (${follower}::bigint, ${followee}::bigint, ${bell})`.execute(db);
    },
    async mute(muter: SocialId, muted: SocialId) {
      await sql`INSERT INTO social_mutes (muter_id, muted_id)
                VALUES (${muter}::bigint, ${muted}::bigint)`.execute(db);
    },
    async block(blocker: SocialId, blocked: SocialId) {
      await sql`INSERT INTO social_blocks (blocker_id, blocked_id)
                VALUES (${blocker}::bigint, ${blocked}::bigint)`.execute(db);
    },
  };
}
