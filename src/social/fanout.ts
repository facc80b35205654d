import { defineJob } from '../platform/jobs/define.ts';
import type { SocialId } from './ids.ts';
import type { Social } from './social.ts';
import {
  batchRecipients,
  type FanoutPost,
  type FollowerRange,
  followerBoundaries,
  followersAfter,
  loadFanoutPost,
} from './store/timelines.ts';
import type { TimelineEntry } from './timeline-store/timeline-store.ts';

// Fan-out on write (docs/social.md, "Home timelines"): a post's transaction enqueues one
// `social.fanout`; the planner cuts the followers into batches of SOCIAL_FANOUT_BATCH, each one
// `social.fanout-batch` job writing its followers' timelines in one statement. Never a job per
// follower (Mastodon #17856). Every step is idempotent (the store's adds are), so a job retried
// after a lost worker writes nothing twice.

/** Plans the fan-out of a new post (or repost). Enqueued in the post's transaction. */
export const fanoutJob = defineJob<{ postId: SocialId }>('social.fanout', {
  // Before the queue's housekeeping (hot flags, the cull, backfills): readers wait on these.
  priority: 1,
  maxAttempts: 10,
});

/** Writes one range of followers' timelines; the planner enqueues one per batch. */
export const fanoutBatchJob = defineJob<{ postId: SocialId } & FollowerRange>(
  'social.fanout-batch',
  { priority: 1, maxAttempts: 10 },
);

/** Takes a deleted post (or undone repost) out of the stored timelines. Enqueued with the delete. */
export const unfanoutJob = defineJob<{ postId: SocialId; authorId: SocialId }>('social.unfanout', {
  maxAttempts: 10,
});

/** The timeline line of a post. */
export function entryOf(post: Pick<FanoutPost, 'id' | 'originId' | 'authorId'>): TimelineEntry {
  return { entryId: post.id, originId: post.originId, authorId: post.authorId };
}

/**
 * Plans a post's fan-out: the author's own entry, then (unless the author is hot, whose posts
 * are merged in at read) its followers' timelines. When the recipients fit in one batch (most
 * authors) they are written here, with the author's entry, in one statement: a batch job would
 * cost more than its rows. Otherwise one batch job per `fanoutBatch` followers, found with one
 * index-only scan. A retried plan enqueues nothing twice while the first batches are unfinished
 * (unique keys), and batches run again are harmless anyway. Returns how many batch jobs it
 * enqueued.
 */
export async function planFanout(social: Social, postId: SocialId): Promise<number> {
  const { pool } = social.core.database;
  const { fanoutBatch } = social.config;
  const post = await loadFanoutPost(pool, postId);
  if (!post) return 0;
  const own = post.authorCold ? [] : [post.authorId];
  const firstBatch = post.hot
    ? []
    : await batchRecipients(pool, post, { after: '0', until: null }, fanoutBatch + 1);
  if (firstBatch.length <= fanoutBatch) {
    const recipients = [...own, ...firstBatch];
    if (recipients.length > 0) await social.timelines.addToMany(recipients, entryOf(post));
    return 0;
  }
  if (own.length > 0) await social.timelines.addToMany(own, entryOf(post));
  const boundaries = await followerBoundaries(pool, post.authorId, fanoutBatch);
  const ranges: FollowerRange[] = [...boundaries, null].map((until, i) => ({
    after: boundaries[i - 1] ?? '0',
    until,
  }));
  // The open last range may be empty (followers an exact multiple of the batch): a cheap no-op.
  const specs = ranges.map((range) =>
    fanoutBatchJob.spec(
      { postId, ...range },
      { uniqueKey: `social.fanout-batch:${postId}:${range.after}` },
    ),
  );
  await social.core.jobs.enqueueMany(specs);
  return specs.length;
}

/** Writes the post into the timelines of its range's recipients (none if it was deleted). */
export async function runFanoutBatch(
  social: Social,
  postId: SocialId,
  range: FollowerRange,
): Promise<number> {
  const { pool } = social.core.database;
  const post = await loadFanoutPost(pool, postId);
  if (!post) return 0;
  const recipients = await batchRecipients(pool, post, range);
  await social.timelines.addToMany(recipients, entryOf(post));
  social.core.log.debug({ postId, ...range, written: recipients.length }, 'fan-out batch written');
  return recipients.length;
}

/**
 * Takes a deleted post out of its author's and followers' stored timelines, a batch of
 * followers at a time. Storage only: reads hide a deleted post from its delete's commit.
 */
export async function unfanout(social: Social, postId: SocialId, authorId: SocialId) {
  const db = social.core.database.db;
  await social.timelines.removeEntry([authorId], postId);
  let after: SocialId = '0';
  for (;;) {
    const followers = await followersAfter(db, authorId, after, social.config.fanoutBatch);
    await social.timelines.removeEntry(followers, postId);
    const last = followers.at(-1);
    if (last === undefined || followers.length < social.config.fanoutBatch) return;
    after = last;
  }
}
