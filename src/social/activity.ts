import type { FastifyRequest } from 'fastify';
import { commitWithoutFlushWait } from '../platform/db/database.ts';
import { groupCommit } from '../platform/db/group-commit.ts';
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

/** Per process: when each reader was last written, and the writer that batches the touches. */
interface Touches {
  seen: Map<SocialId, number>;
  write(profileId: SocialId): Promise<void>;
}

const touched = new WeakMap<Social, Touches>();

function touchesOf(social: Social): Touches {
  let touches = touched.get(social);
  if (!touches) {
    // Concurrent first requests share one UPDATE and one commit; a touch lost in a crash only
    // makes a reader look idle an hour longer, so the commit need not wait for its flush.
    const write = groupCommit(
      social.core.database.db,
      async (tx, ids: SocialId[]) => {
        await commitWithoutFlushWait(tx);
        await touchLastActive(tx, [...new Set(ids)]);
        return ids.map(() => undefined);
      },
      { maxBatch: 500 },
    );
    touches = { seen: new Map(), write };
    touched.set(social, touches);
  }
  return touches;
}

/** Notes that `profileId` read something now; writes it at most once an hour per process. */
export async function noteActivity(social: Social, profileId: SocialId): Promise<void> {
  const { seen, write } = touchesOf(social);
  const now = Date.now();
  const last = seen.get(profileId);
  if (last !== undefined && now - last < touchEveryMs) return;
  if (seen.size >= remembered) seen.clear();
  seen.set(profileId, now);
  await write(profileId);
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
