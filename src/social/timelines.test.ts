import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  follow,
  insertPost,
  openTimelines,
  post,
  storedIds,
  tombstone,
} from '../../test/social-fanout-fixtures.ts';
import { type SocialTest, startSocial } from '../../test/social-harness.ts';
import { cullTimelines } from './activity.ts';
import type { SocialId } from './ids.ts';
import { type Social, socialOf } from './social.ts';
import type { TimelinePageQuery } from './timeline-store/timeline-store.ts';
import { homeEntries } from './timelines.ts';

// Reading a home timeline at the entry level (the route adds hydration): rebuilt for a reader
// back from the cull, reposts shown once, mutes applied, cursors both ways, and the posts read
// below what is stored.

let test: SocialTest;
let social: Social;

beforeAll(async () => {
  test = await startSocial({ env: { JOB_QUEUES: 'default:10,social:8' } });
  social = socialOf(test.server.server.core);
});

const db = () => test.database.db;

/** A new person whose home timeline exists (so that fan-out writes are readable at once). */
async function person() {
  const made = await test.person();
  await openTimelines(social, [made.profileId]);
  return made;
}

const eventually = (check: () => Promise<void>) =>
  vi.waitFor(check, { timeout: 30_000, interval: 100 });

/** The entry ids of `viewerId`'s home page. */
async function home(viewerId: SocialId, query: Partial<TimelinePageQuery> = {}) {
  const page = await homeEntries(social, viewerId, { limit: 20, ...query });
  return page.entries.map((entry) => entry.entryId);
}

/** Posts `count` posts by `authorId`, oldest first, and waits until `readerId` holds them. */
async function posts(authorId: SocialId, readerId: SocialId, count: number) {
  const ids: SocialId[] = [];
  for (let i = 0; i < count; i++) ids.push(await post(social, authorId, { text: `post ${i}` }));
  await eventually(async () => {
    expect(await storedIds(social, readerId)).toEqual(expect.arrayContaining(ids));
  });
  return ids;
}

describe('the home timeline', () => {
  it('rebuilds a culled reader’s timeline on their first read, once, never empty', async () => {
    const [author, other, reader] = [await person(), await person(), await person()];
    await follow(db(), reader.profileId, author.profileId, other.profileId);
    const written = await posts(author.profileId, reader.profileId, 3);
    await sql`UPDATE social_profiles SET last_active_at = now() - interval '40 days'
               WHERE id = ${reader.profileId}`.execute(db());
    expect(await cullTimelines(social)).toBeGreaterThanOrEqual(1);
    expect(await social.timelines.page(reader.profileId, { limit: 5 })).toBeUndefined();
    // Posted while cold: fan-out skips the reader (or never ran); the rebuild finds them.
    written.push(await insertPost(db(), other.profileId), await post(social, other.profileId));

    const reads = await Promise.all(
      [1, 2, 3].map(() => homeEntries(social, reader.profileId, { limit: 20 })),
    );
    expect(reads.filter((read) => read.rebuilt)).toHaveLength(1);
    const expected = [...written].sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : -1));
    for (const read of reads) expect(read.entries.map((e) => e.entryId)).toEqual(expected);
    const state = await sql<{ home_state: string }>`
      SELECT home_state FROM social_profiles WHERE id = ${reader.profileId}`.execute(db());
    expect(state.rows[0]?.home_state).toBe('live');
  });

  it('loses no post made while a timeline is being rebuilt', async () => {
    const [author, reader] = [await person(), await person()];
    await follow(db(), reader.profileId, author.profileId);
    const before = await posts(author.profileId, reader.profileId, 2);
    await sql`UPDATE social_profiles SET last_active_at = now() - interval '40 days'
               WHERE id = ${reader.profileId}`.execute(db());
    await cullTimelines(social);
    const [during, read] = await Promise.all([
      Promise.all([1, 2, 3, 4, 5].map((n) => post(social, author.profileId, { text: `${n}` }))),
      homeEntries(social, reader.profileId, { limit: 20 }),
    ]);
    expect(read.rebuilt).toBe(true);
    const all = [...before, ...during].sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : -1));
    await eventually(async () => {
      expect(await storedIds(social, reader.profileId)).toEqual(all);
    });
  });

  it('shows a post reposted twice once, and the next repost when the shown one goes', async () => {
    const [author, first, second, reader] = await Promise.all([1, 2, 3, 4].map(() => person()));
    if (!author || !first || !second || !reader) throw new Error('people');
    await follow(db(), reader.profileId, author.profileId, first.profileId, second.profileId);
    const [original] = await posts(author.profileId, reader.profileId, 1);
    const early = await post(social, first.profileId, { repostOf: original });
    const late = await post(social, second.profileId, { repostOf: original });
    await eventually(async () => {
      expect(await storedIds(social, reader.profileId)).toEqual([late, early, original]);
    });
    expect(await home(reader.profileId)).toEqual([late]);
    await tombstone(db(), late);
    expect(await home(reader.profileId)).toEqual([early]);
    // Paging below the shown repost: the original stays hidden (its repost is just above).
    expect(await home(reader.profileId, { maxId: early })).toEqual([]);
  });

  it('pages with max_id and since_id without gaps or repeats, and hides the muted', async () => {
    const [author, muted, reader] = [await person(), await person(), await person()];
    await follow(db(), reader.profileId, author.profileId, muted.profileId);
    const written = await posts(author.profileId, reader.profileId, 25);
    await posts(muted.profileId, reader.profileId, 2);
    await sql`INSERT INTO social_mutes (muter_id, muted_id)
              VALUES (${reader.profileId}, ${muted.profileId})`.execute(db());
    const newestFirst = [...written].reverse();

    const pages: SocialId[][] = [];
    let maxId: SocialId | undefined;
    for (;;) {
      const page = await home(reader.profileId, { limit: 10, ...(maxId && { maxId }) });
      if (page.length === 0) break;
      pages.push(page);
      maxId = page.at(-1);
    }
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(newestFirst);

    const sinceId = written[19] as SocialId;
    expect(await home(reader.profileId, { sinceId })).toEqual(newestFirst.slice(0, 5));
    expect(await home(reader.profileId, { minId: sinceId, limit: 2 })).toEqual([
      written[21],
      written[20],
    ]);
  });

  it('reads past the stored cap from the posts', async () => {
    const [author, reader] = [await person(), await person()];
    await follow(db(), reader.profileId, author.profileId);
    const older = [
      await insertPost(db(), author.profileId),
      await insertPost(db(), author.profileId),
    ];
    const stored = await posts(author.profileId, reader.profileId, 2);
    expect(await home(reader.profileId)).toEqual([...older, ...stored].reverse());
  });
});
