import { transaction } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import type { SocialId } from './ids.ts';
import { notifyOfFollow } from './notifications.ts';
import type { Relation } from './profile-schemas.ts';
import type { Social } from './social.ts';
import { addDeltas, type CounterDelta } from './store/counters.ts';
import {
  backfillEntries,
  countFollowing,
  deleteBlock,
  deleteFollows,
  deleteMute,
  type EndedFollow,
  hasBlocked,
  insertBlock,
  insertMute,
  isBlockedEitherWay,
  lockFollower,
  lockPair,
  profileExists,
  relationOf,
  upsertFollow,
} from './store/graph.ts';

// Follow, unfollow, block and mute (docs/social.md, "Profiles and the graph"). Each change of
// the graph commits with its counter deltas; the timeline store is told after the commit (it may
// be Redis, outside the transaction): a follow backfills the followee's recent posts, an
// unfollow or a block takes their entries out.

// What other parts of the microblog ask of the graph (hydration, live delivery, notifications).
export { hiddenAmong, isBlockedEitherWay } from './store/graph.ts';

/** Posts a new follow copies into the follower's timeline at once, not waiting for new posts. */
const backfillPosts = 20;

/** How `me` stands to `them` now. */
export async function relationTo(social: Social, me: SocialId, them: SocialId): Promise<Relation> {
  const { following, followed_by, blocking, muting, notify } = await relationOf(
    social.core.database.db,
    me,
    them,
  );
  return { following, followed_by, blocking, muting, notify };
}

/** Whether `them` blocked `me`: then `me` sees nothing of `them` (their profile is a 404). */
export function isBlockedBy(social: Social, me: SocialId, them: SocialId): Promise<boolean> {
  return hasBlocked(social.core.database.db, them, me);
}

/**
 * Makes `me` follow `them`, or sets the bell of an existing follow (`notify` given). Refused
 * for oneself (422), an unknown profile (404), a block either way (409) and past
 * SOCIAL_FOLLOWING_MAX (422). Concurrent follows make one row and count once.
 */
export async function follow(
  social: Social,
  me: SocialId,
  them: SocialId,
  notify: boolean | undefined,
): Promise<Relation> {
  refuseSelf(me, them, 'follow');
  const max = social.config.followingMax;
  const inserted = await transaction(social.core.database.db, async (tx) => {
    // My row first (the cap), then the pair (a concurrent block): always in this order.
    await lockFollower(tx, me);
    await lockPair(tx, me, them);
    if (!(await profileExists(tx, them))) throw new Problem('not-found', `No profile ${them}`);
    if (await isBlockedEitherWay(tx, me, them)) {
      throw new Problem('blocked', `You cannot follow ${them}: one of you blocked the other`);
    }
    const { inserted } = await upsertFollow(tx, me, them, notify);
    if (!inserted) return false;
    if ((await countFollowing(tx, me, max + 1)) > max) {
      throw new Problem('following-limit', `You may follow at most ${max} accounts`, {
        limit: max,
      });
    }
    await addDeltas(tx, followDeltas([{ followerId: me, followeeId: them }], 1));
    await notifyOfFollow(social, tx, { followerId: me, followeeId: them });
    return true;
  });
  if (inserted) await backfill(social, me, them);
  return relationTo(social, me, them);
}

/** Ends `me`'s follow of `them` (nothing to end is fine) and takes their posts off my timeline. */
export async function unfollow(social: Social, me: SocialId, them: SocialId): Promise<Relation> {
  refuseSelf(me, them, 'unfollow');
  await transaction(social.core.database.db, async (tx) => {
    if (!(await profileExists(tx, them))) throw new Problem('not-found', `No profile ${them}`);
    const ended = await deleteFollows(tx, [[me, them]]);
    await addDeltas(tx, followDeltas(ended, -1));
  });
  await social.timelines.removeAuthor(me, them);
  return relationTo(social, me, them);
}

/**
 * `me` blocks `them`: the follows both ways end, and each one's posts leave the other's
 * timeline. From then on neither can follow the other, and `them` cannot see `me`'s profile.
 */
export async function block(social: Social, me: SocialId, them: SocialId): Promise<Relation> {
  refuseSelf(me, them, 'block');
  await transaction(social.core.database.db, async (tx) => {
    await lockPair(tx, me, them);
    if (!(await profileExists(tx, them))) throw new Problem('not-found', `No profile ${them}`);
    await insertBlock(tx, me, them);
    const ended = await deleteFollows(tx, [
      [me, them],
      [them, me],
    ]);
    await addDeltas(tx, followDeltas(ended, -1));
  });
  await social.timelines.removeAuthor(me, them);
  await social.timelines.removeAuthor(them, me);
  return relationTo(social, me, them);
}

/** Ends `me`'s block of `them` (follows it ended stay ended). */
export async function unblock(social: Social, me: SocialId, them: SocialId): Promise<Relation> {
  refuseSelf(me, them, 'unblock');
  await requireExists(social, them);
  await deleteBlock(social.core.database.db, me, them);
  return relationTo(social, me, them);
}

/** `me` mutes `them`: their posts and notifications are left out of my reads. */
export async function mute(social: Social, me: SocialId, them: SocialId): Promise<Relation> {
  refuseSelf(me, them, 'mute');
  await requireExists(social, them);
  await insertMute(social.core.database.db, me, them);
  return relationTo(social, me, them);
}

/** Ends `me`'s mute of `them`. */
export async function unmute(social: Social, me: SocialId, them: SocialId): Promise<Relation> {
  refuseSelf(me, them, 'unmute');
  await requireExists(social, them);
  await deleteMute(social.core.database.db, me, them);
  return relationTo(social, me, them);
}

function refuseSelf(me: SocialId, them: SocialId, verb: string): void {
  if (me === them) throw new Problem('follow-self', `You cannot ${verb} yourself`);
}

async function requireExists(social: Social, id: SocialId): Promise<void> {
  if (!(await profileExists(social.core.database.db, id))) {
    throw new Problem('not-found', `No profile ${id}`);
  }
}

/** The counter deltas of follows made (+1) or ended (−1). */
function followDeltas(follows: EndedFollow[], delta: 1 | -1): CounterDelta[] {
  return follows.flatMap(({ followerId, followeeId }) => [
    { subjectId: followeeId, field: 'followers' as const, delta },
    { subjectId: followerId, field: 'following' as const, delta },
  ]);
}

/**
 * Copies `them`'s latest posts into `me`'s timeline, so a new follow shows at once (not for a
 * hot account: its posts are merged at read anyway).
 */
async function backfill(social: Social, me: SocialId, them: SocialId): Promise<void> {
  const entries = await backfillEntries(social.core.database.db, them, backfillPosts);
  for (const entry of entries) await social.timelines.addToMany([me], entry);
}
