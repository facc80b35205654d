import { type Database, isUniqueViolation } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import { type SocialId, socialId } from './ids.ts';
import type { ProfileSummary } from './post-schemas.ts';
import type { Profile, ProfileInput } from './profile-schemas.ts';
import type { Social } from './social.ts';
import { readCounts } from './store/counters.ts';
import {
  ensureProfileId,
  findProfile,
  findProfileIdOfUser,
  ownsMedia,
  type ProfileRow,
  type SummaryRow,
  updateProfile,
} from './store/profiles.ts';

// Profiles (docs/social.md, "Profiles and the graph"): one per user, made on first use; a handle
// unique case aside (stored lower-case); an avatar that is one of the owner's processed images.

/**
 * The profile id of a signed-in user, made on their first social request. Remembered per process:
 * a profile's id never changes, and this lookup is on every request's path.
 */
export interface ProfileIds {
  of(userId: string): Promise<SocialId>;
}

/** Entries kept before the cache starts over (about 10 MB). */
const remembered = 100_000;

export function createProfileIds({ db, pool }: Database): ProfileIds {
  const known = new Map<string, SocialId>();
  return {
    async of(userId) {
      const cached = known.get(userId);
      if (cached) return cached;
      const id = (await findProfileIdOfUser(pool, userId)) ?? (await ensureProfileId(db, userId));
      if (known.size >= remembered) known.clear();
      known.set(userId, id);
      return id;
    },
  };
}

/** A profile as lists show it; the avatar is its thumbnail's blob URL. */
export function summaryJson(social: Social, row: SummaryRow): ProfileSummary {
  return {
    id: row.id,
    handle: row.handle,
    display_name: row.display_name,
    avatar_url: row.avatar_thumb === null ? null : social.core.blobs.urlOf(row.avatar_thumb),
  };
}

/** `row` with its followers, following and posts counted (folded counters plus pending deltas). */
export async function profileJson(social: Social, row: ProfileRow): Promise<Profile> {
  const counts = await readCounts(
    social.core.database.db,
    [row.id],
    ['followers', 'following', 'posts'],
  );
  return {
    ...summaryJson(social, row),
    bio: row.bio,
    avatar_media_id: row.avatar_media_id,
    created_at: row.created_at.toISOString(),
    counts: counts.get(row.id) ?? { followers: 0, following: 0, posts: 0 },
  };
}

/**
 * The profile `idOrHandle` names: digits are an id (so a handle is never only digits), anything
 * else a handle, case aside, with or without a leading `@`. A 404 when there is none.
 */
export async function requireProfile(social: Social, idOrHandle: string): Promise<ProfileRow> {
  const db = social.core.database.db;
  const row = /^[0-9]+$/.test(idOrHandle)
    ? await findProfile(db, { id: socialId(idOrHandle, 'idOrHandle') })
    : await findProfile(db, { handle: idOrHandle.replace(/^@/, '').toLowerCase() });
  if (!row) throw new Problem('not-found', `No profile ${idOrHandle}`);
  return row;
}

/**
 * Changes the caller's profile: a handle taken by another profile (case aside) is a 409
 * `handle-taken`; an avatar must be one of the caller's own uploads (422 `media-unusable`).
 */
export async function updateMyProfile(
  social: Social,
  me: SocialId,
  input: ProfileInput,
): Promise<ProfileRow> {
  const db = social.core.database.db;
  const handle = input.handle?.toLowerCase();
  const avatar =
    input.avatar_media_id == null
      ? input.avatar_media_id
      : socialId(input.avatar_media_id, 'avatar_media_id');
  if (avatar && !(await ownsMedia(db, me, avatar))) {
    throw new Problem('media-unusable', `Media ${avatar} is not one of your uploads`);
  }
  try {
    await updateProfile(db, me, { ...input, handle, avatar_media_id: avatar });
  } catch (error) {
    if (!isUniqueViolation(error, 'social_profiles_handle_key')) throw error;
    throw new Problem('handle-taken', `Another profile has the handle ${handle}`, { handle });
  }
  const row = await findProfile(db, { id: me });
  if (!row) throw new Error(`profile ${me} vanished`);
  return row;
}
