import type { FastifyRequest } from 'fastify';
import { principalOf } from '../platform/identity/authenticate.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { SocialId } from './ids.ts';
import type { Social } from './social.ts';
import { coolInactiveReaders, touchLastActive } from './store/activity.ts';

// Who is reading (docs/social.md, "Home timelines"): fan-out writes only the timelines of readers
// seen in the last SOCIAL_ACTIVE_DAYS; the others are culled daily and rebuilt on their return.
// `last_active_at` is written at most once an hour per reader and process: a day's precision is
// all the cull needs, and a write per request would be a write per read.

/**
 * The signed-in caller's profile id (made on their first social request), their activity noted:
 * every authenticated social route asks this first.
 */
export async function callerProfileId(social: Social, request: FastifyRequest): Promise<SocialId> {
  const profileId = await social.profileIds.of(principalOf(request).user.id);
  await noteActivity(social, profileId);
  return profileId;
}

/** A reader's activity is written again after this long. */
const touchEveryMs = 3_600_000;

/** Readers remembered before the throttle starts over (a few MB). */
const remembered = 100_000;

const touched = new WeakMap<Social, Map<SocialId, number>>();

/** Notes that `profileId` read something now; writes it at most once an hour per process. */
export async function noteActivity(social: Social, profileId: SocialId): Promise<void> {
  let seen = touched.get(social);
  if (!seen) {
    seen = new Map();
    touched.set(social, seen);
  }
  const now = Date.now();
  const last = seen.get(profileId);
  if (last !== undefined && now - last < touchEveryMs) return;
  if (seen.size >= remembered) seen.clear();
  seen.set(profileId, now);
  await touchLastActive(social.core.database.db, profileId);
}

/** Culls the timelines of inactive readers (`social.cull-timelines`), daily from the periodic. */
export const cullTimelinesJob = defineJob('social.cull-timelines', {
  maxAttempts: 3,
});

/** The periodic entry that enqueues `cullTimelinesJob`. */
export const cullTimelinesPeriodic = {
  name: cullTimelinesJob.kind,
  cron: '17 4 * * *',
  job: cullTimelinesJob.spec(),
};

/** Readers culled per statement: short transactions, however many went quiet. */
const cullBatch = 1_000;

/**
 * Marks every reader inactive for SOCIAL_ACTIVE_DAYS `cold` (fan-out skips them from then) and
 * drops their stored timelines; their next home read rebuilds one. Returns how many it culled.
 */
export async function cullTimelines(social: Social): Promise<number> {
  let culled = 0;
  for (;;) {
    const ids = await coolInactiveReaders(
      social.core.database.db,
      social.config.activeDays,
      cullBatch,
    );
    await social.timelines.drop(ids);
    culled += ids.length;
    if (ids.length < cullBatch) return culled;
  }
}
