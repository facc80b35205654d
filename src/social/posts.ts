import { type Tx, transaction } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import { fanoutJob, unfanoutJob } from './fanout.ts';
import { hydratePosts } from './hydrate.ts';
import type { SocialId } from './ids.ts';
import { actionTarget } from './likes.ts';
import { postCreatedEvent, usable } from './post-creation.ts';
import type { Post } from './post-schemas.ts';
import type { Social } from './social.ts';
import { addDeltas, type CounterDelta, readCounts } from './store/counters.ts';
import * as store from './store/posts.ts';

// Reposts and deletes (docs/social.md, "Posts"). A repost is a post row with no text of its own,
// one live per user and post; undoing it tombstones that row. Deleting a post tombstones it and
// its reposts in one transaction: from that commit no read shows it (hydration drops
// tombstones), whatever the stored timelines still hold until the unfan-out job clears them.

/** A repost made now, or the caller's live one when they had reposted already. */
export interface RepostResult {
  created: boolean;
  post: Post;
}

/** Reposts `postId` (the post reposted, if it is itself a repost) as `authorId`. */
export async function repost(
  social: Social,
  authorId: SocialId,
  postId: SocialId,
): Promise<RepostResult> {
  const originalId = await actionTarget(social, authorId, postId);
  const { core } = social;
  const made = await transaction(core.database.db, async (tx) => {
    const original = usable(await store.findPostHead(tx, originalId, authorId, 'share'), postId);
    if (original instanceof Problem) throw original;
    const id = await store.insertRepost(tx, authorId, originalId);
    if (!id) return { id: await store.findLiveRepost(tx, authorId, originalId), created: false };
    await addDeltas(tx, [{ subjectId: originalId, field: 'reposts', delta: 1 }]);
    await core.jobs.enqueue(fanoutJob.spec({ postId: id }), { tx });
    await core.events.publish(tx, postCreatedEvent(id, authorId, null, originalId));
    return { id, created: true };
  });
  if (!made.id) throw new Problem('not-found', `No post ${postId}`);
  if (made.created) {
    await social.timelines.addToMany([authorId], {
      entryId: made.id,
      originId: originalId,
      authorId,
    });
  }
  const [post] = await hydratePosts(social, authorId, [made.id]);
  if (!post) throw new Problem('not-found', `No post ${postId}`);
  return { created: made.created, post };
}

/** Undoes `authorId`'s repost of `postId`; answers their state and the post's exact count. */
export async function undoRepost(
  social: Social,
  authorId: SocialId,
  postId: SocialId,
): Promise<{ reposted: false; reposts: number }> {
  const originalId = await actionTarget(social, authorId, postId);
  const { db } = social.core.database;
  await transaction(db, async (tx) => {
    const repostId = await store.findLiveRepost(tx, authorId, originalId, true);
    if (repostId) await tombstone(social, tx, [repostId]);
  });
  const counts = await readCounts(db, [originalId], ['reposts']);
  return { reposted: false, reposts: counts.get(originalId)?.reposts ?? 0 };
}

/**
 * Deletes post `postId` as `viewer` (its author, or an operator): tombstones it and its reposts.
 * 404 when it is unknown, already deleted, or not the viewer's to delete.
 */
export async function deletePost(
  social: Social,
  viewer: { profileId: SocialId; isOperator: boolean },
  postId: SocialId,
): Promise<void> {
  await transaction(social.core.database.db, async (tx) => {
    const head = await store.findPostHead(tx, postId, viewer.profileId, 'update');
    const mayDelete = head?.author_id === viewer.profileId || viewer.isOperator;
    if (!head || head.deleted || !mayDelete) throw new Problem('not-found', `No post ${postId}`);
    const reposts = await store.lockLiveReposts(tx, postId);
    await tombstone(social, tx, [postId, ...reposts]);
  });
}

/** Tombstones `postIds` and undoes what they counted, tells live readers, unfans them out. */
async function tombstone(social: Social, tx: Tx, postIds: SocialId[]): Promise<void> {
  const gone = await store.tombstonePosts(tx, postIds);
  if (gone.length === 0) return;
  await addDeltas(tx, gone.flatMap(countedBy));
  const { core } = social;
  await core.jobs.enqueueMany(
    gone.map((post) => unfanoutJob.spec({ postId: post.id, authorId: post.author_id })),
    { tx },
  );
  await core.events.publishMany(
    tx,
    gone.map((post) => ({
      topic: 'social:posts',
      type: 'post.deleted',
      data: { id: post.id, author_id: post.author_id, repost_of_id: post.repost_of_id },
    })),
  );
}

/** The counts a post added to when it was made, to take back when it goes. */
function countedBy(post: store.Tombstoned): CounterDelta[] {
  if (post.repost_of_id) return [{ subjectId: post.repost_of_id, field: 'reposts', delta: -1 }];
  const deltas: CounterDelta[] = [{ subjectId: post.author_id, field: 'posts', delta: -1 }];
  if (post.reply_to_id) deltas.push({ subjectId: post.reply_to_id, field: 'replies', delta: -1 });
  return deltas;
}
