import type { Db } from '../platform/db/database.ts';
import type { SocialId } from './ids.ts';
import { ensureProfileId } from './store/profiles.ts';

/**
 * The profile id of a signed-in user, made on their first social request. Remembered per process:
 * a profile's id never changes, and this lookup is on every request's path.
 */
export interface ProfileIds {
  of(userId: string): Promise<SocialId>;
}

/** Entries kept before the cache starts over (about 10 MB). */
const remembered = 100_000;

export function createProfileIds(db: Db): ProfileIds {
  const known = new Map<string, SocialId>();
  return {
    async of(userId) {
      const cached = known.get(userId);
      if (cached) return cached;
      const id = await ensureProfileId(db, userId);
      if (known.size >= remembered) known.clear();
      known.set(userId, id);
      return id;
    },
  };
}
