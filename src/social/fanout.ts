import { defineJob } from '../platform/jobs/define.ts';
import type { SocialId } from './ids.ts';

// Fan-out on write (docs/social.md, "Home timelines"): a post's transaction enqueues one
// `social.fanout`; the planner cuts the followers into batches of SOCIAL_FANOUT_BATCH, each one
// `social.fanout-batch` job writing its followers' timelines in one statement. Never a job per
// follower (Mastodon #17856).

/** Plans the fan-out of a new post (or repost). Enqueued in the post's transaction. */
export const fanoutJob = defineJob<{ postId: SocialId }>('social.fanout', {
  queue: 'social',
  maxAttempts: 10,
});

/** Takes a deleted post (or undone repost) out of the stored timelines. Enqueued with the delete. */
export const unfanoutJob = defineJob<{ postId: SocialId; authorId: SocialId }>('social.unfanout', {
  queue: 'social',
  maxAttempts: 10,
});
