import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';
import { insertToken, insertUser } from '../platform/identity/store.ts';
import { newTokenSecret, tokenHash } from '../platform/identity/tokens.ts';
import { rotateSeen, seenParity } from './impressions.ts';
import { socialOf } from './social.ts';
import { ensureProfileId } from './store/profiles.ts';

let social: SocialTest;
let author: Person;

beforeAll(async () => {
  social = await startSocial();
  author = await social.person('Author');
});

/**
 * `n` people made straight in the database: signing 250 up through the API would spend most of
 * the test hashing passwords (scrypt), which this test is not about.
 */
async function crowd(n: number): Promise<Person[]> {
  const { db } = social.database;
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const email = `fan${i}-${Math.random().toString(36).slice(2)}@example.com`;
      const user = await insertUser(db, {
        email,
        name: `Fan ${i}`,
        passwordHash: 'unused',
        isOperator: false,
      });
      if (!user) throw new Error('no user made');
      const token = newTokenSecret();
      await insertToken(db, {
        userId: user.id,
        name: 'test',
        hash: tokenHash(token),
        expiresAt: null,
      });
      const profileId = await ensureProfileId(db, user.id);
      return {
        userId: user.id,
        profileId,
        token,
        call: (method: string, path: string, body?: unknown) =>
          social.api(method, path, { token, body }),
      };
    }),
  );
}

const newPost = async (text: string) => {
  const response = await author.call('POST', '/v1/social/posts', { text });
  expect(response.status).toBe(201);
  return response.body.id as string;
};

/** The likes rows of `postId`: the truth every count must equal. */
const likeRows = async (postId: string) => {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM social_likes WHERE post_id = ${postId}::bigint`.execute(
    social.database.db,
  );
  return rows[0]?.n ?? 0;
};

const pendingDeltas = async (postId: string) => {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM social_counter_deltas WHERE subject_id = ${postId}::bigint`.execute(
    social.database.db,
  );
  return rows[0]?.n ?? 0;
};

const servedCounts = async (viewer: Person, postId: string) =>
  (await viewer.call('GET', `/v1/social/posts/${postId}`)).body.counts;

describe('likes', () => {
  it('counts liking twice once, and unliking twice once', async () => {
    const postId = await newPost('like me');
    const fan = await social.person('Fan');
    expect((await fan.call('POST', `/v1/social/posts/${postId}/like`)).body).toEqual({
      liked: true,
      likes: 1,
    });
    expect((await fan.call('POST', `/v1/social/posts/${postId}/like`)).body).toEqual({
      liked: true,
      likes: 1,
    });
    const read = await fan.call('GET', `/v1/social/posts/${postId}`);
    expect(read.body.viewer.liked).toBe(true);
    const likers = await author.call('GET', `/v1/social/posts/${postId}/liked_by`);
    expect(likers.body.items.map((p: { id: string }) => p.id)).toEqual([fan.profileId]);
    expect((await fan.call('DELETE', `/v1/social/posts/${postId}/like`)).body).toEqual({
      liked: false,
      likes: 0,
    });
    expect((await fan.call('DELETE', `/v1/social/posts/${postId}/like`)).body.likes).toBe(0);
  });

  it('keeps the count exact through 500 concurrent likes and unlikes by 250 users, before and after the fold', async () => {
    const postId = await newPost('viral');
    const fans = await crowd(250);
    // Every fan likes; every third also unlikes at the same moment (which lands last is a race).
    const calls = fans.flatMap((fan, i) => [
      () => fan.call('POST', `/v1/social/posts/${postId}/like`),
      () => fan.call(i % 3 === 0 ? 'DELETE' : 'POST', `/v1/social/posts/${postId}/like`),
    ]);
    const responses = await Promise.all(calls.map((call) => call()));
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);

    const truth = await likeRows(postId);
    expect(truth).toBeGreaterThanOrEqual(166);
    expect((await servedCounts(author, postId)).likes).toBe(truth);
    await vi.waitFor(async () => expect(await pendingDeltas(postId)).toBe(0), { timeout: 20_000 });
    expect((await servedCounts(author, postId)).likes).toBe(truth);
    const { rows } = await sql<{ value: number }>`
      SELECT value FROM social_counters WHERE subject_id = ${postId}::bigint AND field = 1`.execute(
      social.database.db,
    );
    expect(rows[0]?.value).toBe(truth);
  });

  it('keeps counter + pending deltas = rows under any interleaving of likes and unlikes', async () => {
    const postIds = [await newPost('p0'), await newPost('p1')];
    const people = await crowd(4);
    const change = fc.record({
      who: fc.integer({ min: 0, max: people.length - 1 }),
      post: fc.integer({ min: 0, max: postIds.length - 1 }),
      like: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(change, { maxLength: 8 }), { maxLength: 4 }),
        async (waves) => {
          // Changes of a wave are sent at once (one batch, or several); waves one after another.
          for (const wave of waves) {
            await Promise.all(
              wave.map(({ who, post, like }) =>
                (people[who] as Person).call(
                  like ? 'POST' : 'DELETE',
                  `/v1/social/posts/${postIds[post]}/like`,
                ),
              ),
            );
          }
          for (const postId of postIds) {
            expect((await servedCounts(author, postId)).likes).toBe(await likeRows(postId));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('publishes the folded counts on the post topic', async () => {
    const postId = await newPost('watched');
    const { core } = social.server.server;
    const seen: unknown[] = [];
    const stop = core.events.subscribe([`social:post-${postId}`], (event) => seen.push(event));
    try {
      const fan = await social.person();
      await fan.call('POST', `/v1/social/posts/${postId}/like`);
      await vi.waitFor(
        () =>
          expect(seen).toContainEqual(
            expect.objectContaining({
              type: 'post.counts',
              data: { id: postId, likes: 1, reposts: 0, replies: 0, impressions: 0 },
            }),
          ),
        { timeout: 20_000 },
      );
    } finally {
      stop();
    }
  });
});

describe('impressions', () => {
  it('counts a viewer once per window, and never the author', async () => {
    const postId = await newPost('seen');
    const viewer = await social.person('Viewer');
    const recorder = socialOf(social.server.server.core).impressions;
    await servedCounts(author, postId);
    await servedCounts(viewer, postId);
    await servedCounts(viewer, postId);
    await recorder.flush();
    expect((await servedCounts(author, postId)).impressions).toBe(1);
    await servedCounts(viewer, postId);
    await recorder.flush();
    expect((await servedCounts(author, postId)).impressions).toBe(1);
    const other = await social.person('Other');
    await servedCounts(other, postId);
    await recorder.flush();
    expect((await servedCounts(author, postId)).impressions).toBe(2);
  });

  it('alternates seen tables by window and empties the next one before it starts', async () => {
    expect(seenParity(0, 3600)).toBe(0);
    expect(seenParity(3_599_999, 3600)).toBe(0);
    expect(seenParity(3_600_000, 3600)).toBe(1);
    expect(seenParity(7_200_000, 3600)).toBe(0);
    const { db } = social.database;
    const current = seenParity(Date.now(), 3600);
    const next = 1 - current;
    await sql`INSERT INTO ${sql.table(`social_seen_${next}`)} VALUES (1, 2)`.execute(db);
    await sql`INSERT INTO ${sql.table(`social_seen_${current}`)} VALUES (3, 4)`.execute(db);
    await rotateSeen(social.server.server.core);
    const left = async (parity: number) =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM ${sql.table(`social_seen_${parity}`)}`.execute(db)
      ).rows[0]?.n;
    expect(await left(next)).toBe(0);
    expect(await left(current)).toBeGreaterThanOrEqual(1);
  });
});
