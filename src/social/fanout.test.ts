import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  crowd,
  follow,
  holders,
  insertPost,
  openTimelines,
  post,
  setFollowersCount,
  storedIds,
  tombstone,
} from '../../test/social-fanout-fixtures.ts';
import { type SocialTest, startSocial } from '../../test/social-harness.ts';
import { runFanoutBatch, unfanoutJob } from './fanout.ts';
import { evaluateHotAccounts } from './hot-accounts.ts';
import { type Social, socialOf } from './social.ts';
import { homeEntries } from './timelines.ts';

// Fan-out on write, end to end through the job queue of a real server: batches of followers,
// culled readers skipped, the reply rule, deletes, and hot accounts merged in at read instead.

let test: SocialTest;
let social: Social;

beforeAll(async () => {
  test = await startSocial({
    env: { JOB_QUEUES: 'default:10,social:8', SOCIAL_HOT_FOLLOWERS: '10' },
  });
  social = socialOf(test.server.server.core);
});

const db = () => test.database.db;

/** A new person whose home timeline exists (so that fan-out writes are readable at once). */
async function person() {
  const made = await test.person();
  await openTimelines(social, [made.profileId]);
  return made;
}

/** Waits until `check` passes (fan-out runs in the server's workers). */
const eventually = (check: () => Promise<void>) =>
  vi.waitFor(check, { timeout: 60_000, interval: 100 });

describe('a post fanned out in batches', () => {
  it('reaches every live follower of 20,000 exactly once and skips the culled', async () => {
    const author = await person();
    const followers = await crowd(db(), {
      authorId: author.profileId,
      count: 20_000,
      prefix: 'big',
      coldEvery: 10,
    });
    await openTimelines(social, followers.live);
    const started = performance.now();
    const postId = await post(social, author.profileId);
    await eventually(async () => {
      expect((await holders(social, postId, followers.live)).readers).toBe(18_000);
    });
    console.info(
      `fan-out to ${followers.live.length} live followers (batches of ${social.config.fanoutBatch}): ${Math.round(performance.now() - started)} ms`,
    );
    expect(await holders(social, postId, followers.live)).toEqual({
      readers: 18_000,
      rows: 18_000,
    });
    expect(await holders(social, postId, followers.cold)).toEqual({ readers: 0, rows: 0 });
    expect(await storedIds(social, author.profileId)).toContain(postId);
    // 20,000 followers in batches of 5,000: four full ranges and the open last one.
    await eventually(async () => {
      const batches = await sql<{ state: string; n: number }>`
        SELECT state, count(*)::int AS n FROM jobs
         WHERE kind = 'social.fanout-batch' AND payload->>'postId' = ${postId}
         GROUP BY state`.execute(db());
      expect(batches.rows).toEqual([{ state: 'completed', n: 5 }]);
    });
  }, 180_000);

  it('sends a reply only to followers who also follow the person answered', async () => {
    const [author, answered, both, onlyAuthor] = await Promise.all(
      ['replier', 'answered', 'both', 'onlyauthor'].map(() => person()),
    );
    if (!author || !answered || !both || !onlyAuthor) throw new Error('people');
    await follow(db(), both.profileId, author.profileId, answered.profileId);
    await follow(db(), onlyAuthor.profileId, author.profileId);
    await follow(db(), answered.profileId, author.profileId);
    const question = await insertPost(db(), answered.profileId);
    const reply = await post(social, author.profileId, { replyTo: question });
    const selfReply = await post(social, author.profileId, { replyTo: reply });
    await eventually(async () => {
      expect(await storedIds(social, onlyAuthor.profileId)).toContain(selfReply);
    });
    await eventually(async () => {
      expect(await storedIds(social, both.profileId)).toEqual([selfReply, reply]);
    });
    expect(await storedIds(social, answered.profileId)).toEqual([selfReply, reply]);
    expect(await storedIds(social, onlyAuthor.profileId)).toEqual([selfReply]);
  });

  it('writes nothing for a post deleted before its batch, and unfans a deleted one', async () => {
    const author = await person();
    const reader = await person();
    await follow(db(), reader.profileId, author.profileId);
    const gone = await insertPost(db(), author.profileId);
    await tombstone(db(), gone);
    expect(await runFanoutBatch(social, gone, { after: '0', until: null })).toBe(0);
    expect(await storedIds(social, reader.profileId)).toEqual([]);

    const kept = await post(social, author.profileId);
    const deleted = await post(social, author.profileId);
    await eventually(async () => {
      expect(await storedIds(social, reader.profileId)).toEqual([deleted, kept]);
    });
    await tombstone(db(), deleted);
    await social.core.jobs.enqueue(
      unfanoutJob.spec({ postId: deleted, authorId: author.profileId }),
    );
    await eventually(async () => {
      expect(await storedIds(social, reader.profileId)).toEqual([kept]);
    });
    expect(await storedIds(social, author.profileId)).toEqual([kept]);
  });
});

describe('a hot account', () => {
  it('is merged in at read with nothing stored, and fanned out again when it cools', async () => {
    const star = await person();
    const fans = await crowd(db(), { authorId: star.profileId, count: 20, prefix: 'fan' });
    await openTimelines(social, fans.live);
    await setFollowersCount(db(), star.profileId, 20);
    expect(await evaluateHotAccounts(social)).toContainEqual({ id: star.profileId, hot: true });

    const postId = await post(social, star.profileId);
    await eventually(async () => {
      expect(await storedIds(social, star.profileId)).toContain(postId);
    });
    const fan = fans.live[0] as string;
    const page = await homeEntries(social, fan, { limit: 20 });
    expect(page.entries.map((entry) => entry.entryId)).toEqual([postId]);
    expect(await holders(social, postId, fans.live)).toEqual({ readers: 0, rows: 0 });

    // 9 is above 80 % of 10: still hot (no flapping at the line); 7 is below it.
    await setFollowersCount(db(), star.profileId, 9);
    expect(await evaluateHotAccounts(social)).not.toContainEqual({
      id: star.profileId,
      hot: false,
    });
    await setFollowersCount(db(), star.profileId, 7);
    expect(await evaluateHotAccounts(social)).toContainEqual({ id: star.profileId, hot: false });
    await eventually(async () => {
      expect((await holders(social, postId, fans.live)).readers).toBe(20);
    });
  });
});
