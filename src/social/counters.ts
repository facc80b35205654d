import { transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { SocialId } from './ids.ts';
import { notifyOfReactions } from './notifications.ts';
import type { Social } from './social.ts';
import { foldDeltas, readCounts } from './store/counters.ts';
import { counterFields } from './store/tables.ts';

// The counter fold (docs/social.md, "Counts and impressions"): every second one worker moves the
// pending deltas into the counters, then tells whoever watches a changed post its new counts
// (one event per post per second, however many likes) and hands the new likes and reposts to the
// grouped notifications. Reads never wait for it: they add the pending deltas themselves.

/** Folds the counter deltas (`social.fold-counts`), every second from the module's periodic. */
export const foldCountsJob = defineJob('social.fold-counts', { maxAttempts: 1 });

/** The periodic entry that enqueues `foldCountsJob`. */
export const foldCountsPeriodic = {
  name: foldCountsJob.kind,
  every: 1_000,
  job: foldCountsJob.spec(),
};

const postFields = new Set<number>([
  counterFields.likes,
  counterFields.reposts,
  counterFields.replies,
  counterFields.impressions,
]);

/**
 * Folds every pending delta; publishes `post.counts` on `social:post-<id>` for each post whose
 * counts changed and notifies of new likes and reposts, in the fold's transaction. Returns the
 * posts it published.
 */
export async function foldCounts(social: Social): Promise<SocialId[]> {
  const { core } = social;
  return transaction(core.database.db, async (tx) => {
    const folded = await foldDeltas(tx);
    const changed = [
      ...new Set(folded.filter((f) => postFields.has(f.field)).map((f) => f.subject_id)),
    ];
    if (changed.length === 0) return [];
    const reactions = folded
      .filter(
        (f) =>
          f.delta > 0 && (f.field === counterFields.likes || f.field === counterFields.reposts),
      )
      .map((f) => ({
        postId: f.subject_id,
        kind: f.field === counterFields.likes ? ('like' as const) : ('repost' as const),
        count: f.delta,
      }));
    if (reactions.length > 0) await notifyOfReactions(social, tx, reactions);
    const counts = await readCounts(tx, changed, ['likes', 'reposts', 'replies', 'impressions']);
    await core.events.publishMany(
      tx,
      changed.map((id) => ({
        topic: `social:post-${id}`,
        type: 'post.counts',
        data: { id, ...counts.get(id) },
      })),
    );
    return changed;
  });
}
