import { transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { fanoutJob } from './fanout.ts';
import type { SocialId } from './ids.ts';
import type { Social } from './social.ts';
import { hotAccountIds, reevaluateHotFlags } from './store/activity.ts';
import { latestPostIds } from './store/timelines.ts';

// Hot accounts (docs/social.md, "Home timelines"): an account with more followers than
// SOCIAL_HOT_FOLLOWERS is not fanned out (a million rows per post); each home read merges its
// posts in instead. The flag is set past the threshold and cleared below 80 % of it, by a periodic
// job; each process keeps the hot ids in memory, refreshed every 30 s (as Bluesky does), so a read
// pays one index probe per hot account it might follow, not a query of the flag. A flip is also
// published (`social:hot-accounts`), on which every process reloads at once.

/** How long a process trusts its list of hot accounts (and how often the flags are re-evaluated). */
export const hotRefreshMs = 30_000;

/** The event topic of flips: server-side only (no client may subscribe to it, live.ts). */
const flipsTopic = 'social:hot-accounts';

/** Posts of an account that stops being hot fanned out at once: what its followers read first. */
const backfillPosts = 50;

/** Re-evaluates every account's hot flag (`social.hot-accounts`), every 30 s from the periodic. */
export const hotAccountsJob = defineJob('social.hot-accounts', { queue: 'social', maxAttempts: 3 });

/** The periodic entry that enqueues `hotAccountsJob`. */
export const hotAccountsPeriodic = {
  name: hotAccountsJob.kind,
  every: hotRefreshMs,
  job: hotAccountsJob.spec(),
};

/** Fans out the latest posts of an account no longer hot, so posts made while hot are not lost. */
export const backfillAuthorJob = defineJob<{ authorId: SocialId }>('social.backfill-author', {
  queue: 'social',
  maxAttempts: 10,
});

interface HotCache {
  ids: SocialId[];
  loadedAt: number;
  loading?: Promise<SocialId[]>;
}

const caches = new WeakMap<Social, HotCache>();

/** The hot accounts as this process knows them (at most 30 s old). */
export async function hotAccounts(social: Social): Promise<SocialId[]> {
  let cache = caches.get(social);
  if (!cache) {
    const made: HotCache = { ids: [], loadedAt: Number.NEGATIVE_INFINITY };
    social.core.events.subscribe([flipsTopic], () => {
      made.loadedAt = Number.NEGATIVE_INFINITY;
    });
    caches.set(social, made);
    cache = made;
  }
  if (Date.now() - cache.loadedAt < hotRefreshMs) return cache.ids;
  cache.loading ??= refresh(social, cache);
  return cache.loading;
}

async function refresh(social: Social, cache: HotCache): Promise<SocialId[]> {
  try {
    cache.ids = await hotAccountIds(social.core.database.db);
    cache.loadedAt = Date.now();
    return cache.ids;
  } finally {
    cache.loading = undefined;
  }
}

/**
 * Flips the hot flags the followers counts call for and, in the same transaction, tells every
 * process (which reload their lists) and enqueues the backfill of each account no longer hot.
 * Returns the flips.
 */
export async function evaluateHotAccounts(social: Social) {
  const { core, config } = social;
  const flips = await transaction(core.database.db, async (tx) => {
    const flips = await reevaluateHotFlags(tx, config.hotFollowers);
    if (flips.length === 0) return flips;
    await core.events.publish(tx, { topic: flipsTopic, type: 'hot.flipped', data: { flips } });
    const cooled = flips.filter((flip) => !flip.hot);
    if (cooled.length > 0) {
      await core.jobs.enqueueMany(
        cooled.map((flip) => backfillAuthorJob.spec({ authorId: flip.id })),
        { tx },
      );
    }
    return flips;
  });
  // This process reloads now; the others when the event reaches them.
  const cache = caches.get(social);
  if (flips.length > 0 && cache) cache.loadedAt = Number.NEGATIVE_INFINITY;
  return flips;
}

/** Plans the fan-out of `authorId`'s latest posts again (each an idempotent `social.fanout`). */
export async function backfillAuthor(social: Social, authorId: SocialId): Promise<void> {
  const postIds = await latestPostIds(social.core.database.db, authorId, backfillPosts);
  if (postIds.length === 0) return;
  await social.core.jobs.enqueueMany(postIds.map((postId) => fanoutJob.spec({ postId })));
}
