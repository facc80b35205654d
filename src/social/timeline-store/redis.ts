import type { ChainableCommander, Redis } from 'ioredis';
import type { SocialId } from '../ids.ts';
import type { TimelineEntry, TimelinePageQuery, TimelineStore } from './timeline-store.ts';

// Home timelines as Redis sorted sets, one per reader at `<prefix><userId>`. The score is the
// entry id's millisecond (its top 48 bits: exact in a double, which a 64-bit id is not); the member
// is `<entryId>:<originId>:<authorId>` with both ids zero-padded to 20 digits, so that members of
// one millisecond sort by id and the whole set is in id order. A rebuilt timeline holds the
// sentinel member "0" (score 0, below every entry): a set without it (never built, dropped, lost
// with a Redis restart, or recreated by a fan-out after that) reads as no timeline, so an empty
// timeline and a lost one differ.

const sentinel = '0';
const idWidth = 20;

/** Home timelines as Redis sorted sets, trimmed to `cap` on every write. */
export function createRedisTimelines(
  redis: Redis,
  { cap, prefix }: { cap: number; prefix: string },
): TimelineStore {
  const key = (userId: SocialId) => `${prefix}${userId}`;
  return {
    kind: 'redis',

    async addToMany(userIds, entry) {
      if (userIds.length === 0) return;
      const batch = redis.pipeline();
      for (const userId of new Set(userIds)) {
        batch.zadd(key(userId), scoreOf(entry.entryId), memberOf(entry));
        trimTo(batch, key(userId), cap);
      }
      await run(batch);
    },

    async page(userId, query) {
      const replies = await run(rangeCommands(redis.multi(), key(userId), query));
      const [exists, ...ranges] = replies as [string | null, ...string[][]];
      if (exists === null) return undefined;
      return pageOf(ranges.flat(), query);
    },

    async removeEntry(userIds, entryId) {
      if (userIds.length === 0) return;
      // Lexicographic ranges are only meaningful within one score, so the entry's millisecond is
      // read and its members matched here; a set holds at most cap members of one millisecond.
      const ms = scoreOf(entryId);
      const keys = [...new Set(userIds)].map(key);
      const reads = redis.pipeline();
      for (const k of keys) reads.zrange(k, ms, ms, 'BYSCORE');
      const members = (await run(reads)) as string[][];
      const removal = redis.pipeline();
      keys.forEach((k, i) => {
        const matching = members[i]?.filter((m) => entryOf(m)?.entryId === entryId) ?? [];
        if (matching.length > 0) removal.zrem(k, ...matching);
      });
      if (removal.length > 0) await run(removal);
    },

    async removeAuthor(userId, authorId) {
      const members = await redis.zrange(key(userId), 0, -1);
      const matching = members.filter((m) => entryOf(m)?.authorId === authorId);
      if (matching.length > 0) await redis.zrem(key(userId), ...matching);
    },

    async replace(userId, entries) {
      const k = key(userId);
      const scored = entries.flatMap((e) => [scoreOf(e.entryId), memberOf(e)]);
      const rebuild = redis.multi().del(k).zadd(k, 0, sentinel);
      if (scored.length > 0) rebuild.zadd(k, ...scored);
      await run(trimTo(rebuild, k, cap));
    },

    async drop(userIds) {
      if (userIds.length === 0) return;
      await redis.del(...userIds.map(key));
    },
  };
}

/** The entry's millisecond: exact as a double, unlike the id. */
function scoreOf(entryId: SocialId): number {
  return Number(BigInt(entryId) >> 16n);
}

function memberOf({ entryId, originId, authorId }: TimelineEntry): string {
  return `${entryId.padStart(idWidth, '0')}:${originId.padStart(idWidth, '0')}:${authorId}`;
}

/** The entry a member holds; undefined for the sentinel. */
function entryOf(member: string): TimelineEntry | undefined {
  const [entryId, originId, authorId] = member.split(':');
  if (!entryId || !originId || !authorId) return undefined;
  return { entryId: BigInt(entryId).toString(), originId: BigInt(originId).toString(), authorId };
}

/**
 * Keeps the newest `cap` entries and rank 0: the sentinel when the set has one (score 0 and "0"
 * sort it first). A set without it keeps its oldest entry too, which nobody reads (see above).
 */
function trimTo<T extends ChainableCommander>(commands: T, key: string, cap: number): T {
  commands.zremrangebyrank(key, 1, -(cap + 1));
  return commands;
}

/**
 * The commands of one page, after the sentinel check: a page starts at an exclusive id bound, but
 * a score bound is a millisecond that may hold ids on both sides of it. So the bound's millisecond
 * is read whole, and the scores strictly past it with the page's limit (one more downwards, where
 * the range ends at the sentinel); `pageOf` filters by exact id.
 */
function rangeCommands(
  multi: ChainableCommander,
  key: string,
  { maxId, sinceId, minId, limit }: TimelinePageQuery,
): ChainableCommander {
  multi.zscore(key, sentinel);
  const above = lowerBound(sinceId, minId);
  if (minId !== undefined && above !== undefined) {
    const ms = scoreOf(above);
    const top = maxId === undefined ? '+inf' : scoreOf(maxId);
    return multi
      .zrange(key, ms, ms, 'BYSCORE')
      .zrange(key, `(${ms}`, top, 'BYSCORE', 'LIMIT', 0, limit);
  }
  const bottom = above === undefined ? '-inf' : scoreOf(above);
  if (maxId === undefined) {
    return multi.zrange(key, '+inf', bottom, 'BYSCORE', 'REV', 'LIMIT', 0, limit + 1);
  }
  const ms = scoreOf(maxId);
  return multi
    .zrange(key, ms, ms, 'BYSCORE', 'REV')
    .zrange(key, `(${ms}`, bottom, 'BYSCORE', 'REV', 'LIMIT', 0, limit + 1);
}

/**
 * The page out of the members read, in read order (upwards for `minId`): the entries strictly
 * between the bounds, the first `limit`, newest first.
 */
function pageOf(members: string[], { maxId, sinceId, minId, limit }: TimelinePageQuery) {
  const above = lowerBound(sinceId, minId);
  const below = maxId === undefined ? undefined : BigInt(maxId);
  const inside = members.flatMap((member) => {
    const entry = entryOf(member);
    if (!entry) return [];
    const id = BigInt(entry.entryId);
    const fits = (above === undefined || id > BigInt(above)) && (below === undefined || id < below);
    return fits ? [entry] : [];
  });
  const taken = inside.slice(0, limit);
  return minId === undefined ? taken : taken.reverse();
}

/** The higher of the two exclusive lower bounds. */
function lowerBound(sinceId?: SocialId, minId?: SocialId): SocialId | undefined {
  if (sinceId === undefined) return minId;
  if (minId === undefined) return sinceId;
  return BigInt(sinceId) > BigInt(minId) ? sinceId : minId;
}

/** Runs queued commands; the first failed command's error fails the whole. */
async function run(commands: ChainableCommander): Promise<unknown[]> {
  const replies = (await commands.exec()) ?? [];
  const failed = replies.find(([error]) => error);
  if (failed) throw failed[0];
  return replies.map(([, reply]) => reply);
}
