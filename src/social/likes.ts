import type { Tx } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import type { SocialId } from './ids.ts';
import { usable } from './post-creation.ts';
import type { Social } from './social.ts';
import { addDeltas, type CounterDelta, readCounts } from './store/counters.ts';
import { deleteLikes, insertLikes, type LikeKey } from './store/likes.ts';
import { findPostHeadUnlocked } from './store/posts.ts';

// Likes (docs/social.md, "Counts and impressions"): a like is a row, so liking twice is one like;
// the likes arriving together are one transaction (writers.ts) that writes one counter delta per
// post, in a random one of its 16 slots, so a viral post is not one row every like waits on.

/** A like or unlike to write. */
export interface LikeChange extends LikeKey {
  like: boolean;
}

/** What a like or unlike answers: the caller's state and the post's exact count. */
export interface LikeState {
  liked: boolean;
  likes: number;
}

/**
 * Likes (or unlikes) `postId` as `profileId`: 404 when unknown or blocked either way, 422 when
 * deleted. Liking a repost likes the post reposted.
 */
export async function changeLike(
  social: Social,
  profileId: SocialId,
  postId: SocialId,
  like: boolean,
): Promise<LikeState> {
  const target = await actionTarget(social, profileId, postId);
  return social.writers.changeLike({ postId: target, profileId, like });
}

/**
 * The post a like or repost of `postId` acts on (the original, for a repost), once `viewerId`
 * may act on it; else the problem is thrown.
 */
export async function actionTarget(
  social: Social,
  viewerId: SocialId,
  postId: SocialId,
): Promise<SocialId> {
  const { pool } = social.core.database;
  let head = usable(await findPostHeadUnlocked(pool, postId, viewerId), postId);
  if (!(head instanceof Problem) && head.repost_of_id) {
    head = usable(await findPostHeadUnlocked(pool, head.repost_of_id, viewerId), postId);
  }
  if (head instanceof Problem) throw head;
  return head.id;
}

/**
 * Writes a batch of like changes in `tx`. Of several changes to one like in the batch the last
 * wins, as if written in turn; the rows really inserted and deleted give one delta per post.
 */
export async function writeLikes(tx: Tx, changes: LikeChange[]): Promise<LikeState[]> {
  const last = new Map<string, LikeChange>();
  for (const change of changes) last.set(`${change.postId}:${change.profileId}`, change);
  const finals = [...last.values()];
  const added = await insertLikes(
    tx,
    finals.filter((c) => c.like),
  );
  const removed = await deleteLikes(
    tx,
    finals.filter((c) => !c.like),
  );
  const deltas: CounterDelta[] = [
    ...added.map((k) => ({ subjectId: k.postId, field: 'likes' as const, delta: 1 })),
    ...removed.map((k) => ({ subjectId: k.postId, field: 'likes' as const, delta: -1 })),
  ];
  await addDeltas(tx, deltas);
  const postIds = [...new Set(changes.map((c) => c.postId))];
  const counts = await readCounts(tx, postIds, ['likes']);
  return changes.map((c) => ({ liked: c.like, likes: counts.get(c.postId)?.likes ?? 0 }));
}
