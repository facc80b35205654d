import type { Core } from '../../platform/module.ts';
import { socialConfig } from '../config.ts';
import type { SocialId } from '../ids.ts';
import { createPostgresTimelines } from './postgres.ts';
import { createRedisTimelines } from './redis.ts';

// Where home timelines live: capped lists of post ids per reader, written by the fan-out and read
// by the home page. One interface, two stores: PostgreSQL rows (the default; the embedded
// database alone is enough) or Redis sorted sets when `REDIS_URL` is set. The posts, the graph
// and the counts stay in PostgreSQL either way, so a store can always be rebuilt from them.
// docs/social.md says when to choose which; contract.ts is the suite both pass.

/** One line of a home timeline. */
export interface TimelineEntry {
  /** The post or repost: its order and its cursor. */
  entryId: SocialId;
  /** `entryId`, or for a repost the post reposted: what repost de-duplication compares. */
  originId: SocialId;
  /** Who posted the entry (the reposter for a repost): unfollow and block remove by this. */
  authorId: SocialId;
}

/** A page, newest first: ids below `maxId` and above `sinceId`; `minId` reads upwards from it. */
export interface TimelinePageQuery {
  maxId?: SocialId;
  sinceId?: SocialId;
  /** The entries just above `minId`, oldest first taken, returned newest first (gap filling). */
  minId?: SocialId;
  limit: number;
}

export interface TimelineStore {
  readonly kind: 'postgres' | 'redis';
  /**
   * Adds `entry` to the timeline of each of `userIds` (a fan-out batch). Idempotent: a retried
   * batch adds nothing twice. Keeps each timeline near the cap (it may hold a few extra entries
   * until the next trim: readers take the newest anyway; PostgreSQL trims on one batch in ten,
   * Redis on every one). Adding to a timeline that does not exist does not make it exist.
   */
  addToMany(userIds: SocialId[], entry: TimelineEntry): Promise<void>;
  /**
   * The entries of `userId`'s timeline matching `query`, newest first; undefined when the store
   * holds no timeline for the user (never built, culled, or lost with a Redis restart), which
   * the reader answers by rebuilding it. "Never built" differs by store: in PostgreSQL a profile
   * has a timeline when its `home_state` is `live` (a new profile's is live and empty; `cold` and
   * `rebuilding` have none); in Redis only once a `replace` has built it.
   */
  page(userId: SocialId, query: TimelinePageQuery): Promise<TimelineEntry[] | undefined>;
  /** Takes one entry out of these timelines (a deleted post, an undone repost). */
  removeEntry(userIds: SocialId[], entryId: SocialId): Promise<void>;
  /** Takes every entry of `authorId` out of `userId`'s timeline (unfollow, block). */
  removeAuthor(userId: SocialId, authorId: SocialId): Promise<void>;
  /**
   * Makes `entries` (the newest cap of them, in any order) the whole of `userId`'s timeline (a
   * rebuild): from now on it exists. Whatever was added before is gone: an entry fanned out
   * between the rebuild's read of the posts and this call is lost unless the rebuild adds it again.
   */
  replace(userId: SocialId, entries: TimelineEntry[]): Promise<void>;
  /** Forgets these timelines (inactive users): `page` answers undefined until a `replace`. */
  drop(userIds: SocialId[]): Promise<void>;
}

/** The store `REDIS_URL` chooses: Redis when set, else PostgreSQL. */
export function timelineStoreFor(core: Core): TimelineStore {
  const { timelineCap, redisPrefix } = socialConfig.of(core.config);
  return core.redis
    ? createRedisTimelines(core.redis, { cap: timelineCap, prefix: `${redisPrefix}home:` })
    : createPostgresTimelines(core.database, { cap: timelineCap });
}
