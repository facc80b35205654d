import { sql } from 'kysely';
import { hotAccounts } from './hot-accounts.ts';
import { isShown, type PostStates, readPostStates } from './hydrate.ts';
import { firstIdAt, olderThan, type SocialId } from './ids.ts';
import { semaphore } from './semaphore.ts';
import type { Social } from './social.ts';
import { type PullQuery, pullEntries, setHomeState } from './store/timelines.ts';
import type { TimelineEntry, TimelinePageQuery } from './timeline-store/timeline-store.ts';

// Reading a home timeline (docs/social.md, "Home timelines"): the stored entries (rebuilt first
// if the reader was culled or the store lost them) merged with the posts of the hot accounts the
// reader follows, filtered (deleted, muted, blocked), reposts de-duplicated, and past the stored
// cap the posts themselves. Entries only: the route hydrates them.

/** Posts per followee a rebuild reads (Twitter's figure); the newest cap of all is kept. */
const rebuildPerAuthor = 100;

/** Rounds of reading further when filtering left a page short. */
const maxRounds = 3;

/** Posts this young may still be joined by older ids from batches that commit late. */
export const settleMs = 5_000;

/** A home page's entries, newest first, and the cursors a client continues from. */
export interface HomeEntries {
  entries: TimelineEntry[];
  /** The timeline was rebuilt for this read (the reader came back after the cull). */
  rebuilt: boolean;
  /** What the entries walked are for the viewer: the page is hydrated from this (`hydrateFrom`). */
  states: PostStates;
}

/**
 * The viewer's home timeline page: at most `limit` entries below `maxId`, above `sinceId`, or
 * just above `minId`, newest first. Never empty when there is something to show: a reader
 * without a stored timeline has it rebuilt first, and below the stored cap the posts are read.
 */
export async function homeEntries(
  social: Social,
  viewerId: SocialId,
  query: TimelinePageQuery,
): Promise<HomeEntries> {
  let rebuilt = false;
  // The stored page, the timeline rebuilt first when the store has none for the reader.
  const stored: StoredPage = async (page) => {
    const entries = await social.timelines.page(viewerId, page);
    if (entries !== undefined) return entries;
    rebuilt = (await ensureTimeline(social, viewerId)) || rebuilt;
    return (await social.timelines.page(viewerId, page)) ?? [];
  };
  // Every hot account: the merge reads the posts of those the viewer follows.
  const hot = (await hotAccounts(social)).filter((id) => id !== viewerId);
  const window = social.config.repostWindow;
  const states: PostStates = new Map();
  const context = query.maxId
    ? await newerContext(social, viewerId, stored, hot, query.maxId, states)
    : [];
  const shown: TimelineEntry[] = [];
  const walked: TimelineEntry[] = [...context];
  let cursor = query;
  let floor = query.maxId;
  let storeExhausted = false;
  for (let round = 0; round < maxRounds && shown.length < query.limit; round++) {
    const fetched = fetchedFor(query.limit);
    const batch = await mergedEntries(social, viewerId, stored, hot, { ...cursor, limit: fetched });
    storeExhausted = batch.length < fetched;
    walk(await visible(social, viewerId, batch, states), walked, shown, window);
    floor = batch.at(-1)?.entryId ?? floor;
    if (storeExhausted || query.minId !== undefined) break;
    cursor = { ...cursor, maxId: floor };
  }
  const paging = query.sinceId === undefined && query.minId === undefined;
  if (paging && storeExhausted && shown.length < query.limit) {
    // Past the stored entries (the cap, or a timeline younger than the follows): the posts.
    const older = await pullEntries(social.core.database.pool, viewerId, {
      authors: 'followees',
      ...(floor !== undefined && { maxId: floor }),
      perAuthor: fetchedFor(query.limit),
      limit: fetchedFor(query.limit),
    });
    walk(await visible(social, viewerId, older, states), walked, shown, window);
  }
  // Reading upwards keeps the entries just above min_id: the oldest of those walked.
  const entries =
    query.minId !== undefined ? shown.slice(-query.limit) : shown.slice(0, query.limit);
  return { entries, rebuilt, states };
}

/** The reader's stored entries matching a query (their timeline rebuilt first if need be). */
type StoredPage = (query: TimelinePageQuery) => Promise<TimelineEntry[]>;

/**
 * Entries read for a page: its limit and a quarter more, so that a few filtered out (deleted,
 * muted, a repost shown above) still leave a full page in one round; further rounds read on when
 * more were. The de-dup needs nothing below the page: it compares an entry with newer ones.
 */
const fetchedFor = (limit: number) => limit + Math.ceil(limit / 4);

/**
 * Appends `entries` (newest first, below `walked`) to `walked`, and to `shown` those whose
 * origin is not among the `window` entries walked just before them: a repost of a post seen
 * just above, or a post reposted just above, is shown once.
 */
function walk(
  entries: TimelineEntry[],
  walked: TimelineEntry[],
  shown: TimelineEntry[],
  window: number,
): void {
  for (const entry of entries) {
    if (walked.some((e) => e.entryId === entry.entryId)) continue;
    const newer = walked.slice(Math.max(0, walked.length - window));
    if (!newer.some((e) => e.originId === entry.originId)) shown.push(entry);
    walked.push(entry);
  }
}

/** The `repostWindow` visible entries just above `maxId`, newest first: the page's de-dup context. */
async function newerContext(
  social: Social,
  viewerId: SocialId,
  stored: StoredPage,
  hot: SocialId[],
  maxId: SocialId,
  states: PostStates,
): Promise<TimelineEntry[]> {
  const window = social.config.repostWindow;
  if (window === 0) return [];
  const minId = (BigInt(maxId) - 1n).toString();
  const above = await mergedEntries(social, viewerId, stored, hot, { minId, limit: window });
  return visible(social, viewerId, above, states);
}

/** The stored entries and the hot followees' posts matching `query`, newest first, by id. */
async function mergedEntries(
  social: Social,
  viewerId: SocialId,
  storedPage: StoredPage,
  hot: SocialId[],
  query: TimelinePageQuery,
): Promise<TimelineEntry[]> {
  const stored = await storedPage(query);
  if (hot.length === 0) return stored;
  const pull: PullQuery = { ...query, authors: { followedAmong: hot }, perAuthor: query.limit };
  const merged = new Map<SocialId, TimelineEntry>();
  for (const entry of [
    ...stored,
    ...(await pullEntries(social.core.database.pool, viewerId, pull)),
  ])
    merged.set(entry.entryId, entry);
  const sorted = [...merged.values()].sort((a, b) => (olderThan(a.entryId, b.entryId) ? 1 : -1));
  // Reading upwards keeps the oldest above the cursor; downwards, the newest below it.
  return query.minId !== undefined ? sorted.slice(-query.limit) : sorted.slice(0, query.limit);
}

/**
 * `entries` without what the viewer may not see (deleted, muted, blocked), order kept; what was
 * read of them is added to `states`, which the page is then hydrated from.
 */
async function visible(
  social: Social,
  viewerId: SocialId,
  entries: TimelineEntry[],
  states: PostStates,
): Promise<TimelineEntry[]> {
  const ids = entries.map((entry) => entry.entryId);
  for (const [id, state] of await readPostStates(social, viewerId, ids, true))
    states.set(id, state);
  return entries.filter((entry) => isShown(states, entry.entryId));
}

/**
 * Rebuilds the viewer's timeline, which the store does not have (they were culled, a rebuild
 * crashed, or the store lost it), unless a concurrent read did it first. Returns whether it
 * rebuilt.
 */
function ensureTimeline(social: Social, viewerId: SocialId): Promise<boolean> {
  return rebuildSlots(social)(() => rebuildTimeline(social, viewerId));
}

const slots = new WeakMap<Social, ReturnType<typeof semaphore>>();

/**
 * The process's rebuild slots: a rebuild holds two connections (its lock's and its queries'),
 * so a burst of returning readers (or a Redis restart: every reader at once) could take the
 * whole pool and wait on itself. A quarter of the pool rebuilds; the other readers queue.
 */
function rebuildSlots(social: Social) {
  let run = slots.get(social);
  if (!run) {
    run = semaphore(Math.max(1, Math.floor(social.core.config.databasePoolSize / 4)));
    slots.set(social, run);
  }
  return run;
}

/**
 * Rebuilds the viewer's timeline under a session advisory lock on them: a concurrent reader
 * waits, then finds it built. (1) `rebuilding` is committed, so that fan-out includes the viewer
 * from then on; (2) the timeline is computed from the posts and replaces what was stored;
 * (3) the posts of the last seconds are added again, since a post committed between (2)'s read
 * and its replace may have had its fan-out wiped by the replace; then `live`.
 */
async function rebuildTimeline(social: Social, viewerId: SocialId): Promise<boolean> {
  const db = social.core.database.db;
  return db.connection().execute(async (connection) => {
    const lock = sql`hashtextextended(${`social.home:${viewerId}`}, 0)`;
    await sql`SELECT pg_advisory_lock(${lock})`.execute(connection);
    try {
      if ((await social.timelines.page(viewerId, { limit: 1 })) !== undefined) return false;
      await setHomeState(db, viewerId, 'rebuilding');
      const started = Date.now();
      const entries = await pullEntries(social.core.database.pool, viewerId, {
        authors: 'followees',
        perAuthor: rebuildPerAuthor,
        limit: social.config.timelineCap,
      });
      await social.timelines.replace(viewerId, entries);
      const sinceId = firstIdAt(new Date(started - settleMs));
      const recent = await pullEntries(social.core.database.pool, viewerId, {
        authors: 'followees',
        sinceId,
        perAuthor: rebuildPerAuthor,
        limit: social.config.timelineCap,
      });
      for (const entry of recent) await social.timelines.addToMany([viewerId], entry);
      await setHomeState(db, viewerId, 'live');
      return true;
    } finally {
      await sql`SELECT pg_advisory_unlock(${lock})`.execute(connection);
    }
  });
}
