import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';
import { socialProblems } from './problems.ts';

// Hostile and odd input to the post routes: every one answers a problem (or is accepted), never
// a 500.

let social: SocialTest;
let ada: Person;
let bob: Person;

beforeAll(async () => {
  social = await startSocial();
  ada = await social.person('Ada');
  bob = await social.person('Bob');
});

/** A processed image of `owner`'s, as the media upload would leave it. */
async function media(owner: Person): Promise<string> {
  const hash = 'a'.repeat(64);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO social_media (owner_id, content_type, blob_hash, thumb_hash, width, height, blurhash)
    VALUES (${owner.profileId}::bigint, 'image/webp', ${hash}, ${hash}, 640, 480, 'LEHV6nWB2yk8')
    RETURNING id::text AS id`.execute(social.database.db);
  return (rows[0] as { id: string }).id;
}

const create = (who: Person, body: unknown) => who.call('POST', '/v1/social/posts', body);

describe('post text', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['joiners and bidi controls', '\u200D\u202E\u2066\uFEFF'],
  ])('refuses %s as post-empty', async (_, text) => {
    expectProblem(await create(ada, { text }), 'post-empty', socialProblems);
  });

  it('refuses 501 graphemes with the limit and the length', async () => {
    const response = await create(ada, { text: 'é'.repeat(501) });
    expect(expectProblem(response, 'post-too-long', socialProblems)).toMatchObject({
      limit: 500,
      length: 501,
    });
  });

  it('accepts 500 emoji family sequences (each one character)', async () => {
    const text = '👩‍👦'.repeat(500);
    const response = await create(ada, { text });
    expect(response.status).toBe(201);
    expect(response.body.text).toBe(text);
  });

  it('refuses zalgo past 2,000 code points', async () => {
    const response = await create(ada, { text: `Z${'\u0336\u0334'.repeat(1000)}!` });
    expect(expectProblem(response, 'post-too-long', socialProblems)).toMatchObject({ limit: 2000 });
  });

  it('keeps right-to-left text and an RTL override as written', async () => {
    const text = '\u202Eשלום\u202C مرحبا';
    const response = await create(ada, { text });
    expect(response.status).toBe(201);
    expect(response.body.text).toBe(text);
  });

  it.each([
    ['a NUL character', '{"text":"a\\u0000b"}'],
    ['a lone surrogate', '{"text":"a\\ud800b"}'],
    ['no text', {}],
    ['a number for text', { text: 5 }],
    ['an unknown field', { text: 'hi', userID: 1 }],
    ['an unsafe numeric reply_to_id', '{"text":"hi","reply_to_id":9007199254740993}'],
    ['reply_to_id abc', { text: 'hi', reply_to_id: 'abc' }],
    ['reply_to_id past 2^63', { text: 'hi', reply_to_id: '9223372036854775808' }],
  ])('answers 400 to %s', async (_, body) => {
    const response = await create(ada, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 to a reply to an unknown post', async () => {
    expectProblem(await create(ada, { text: 'hi', reply_to_id: '12345' }), 'not-found');
  });
});

describe('media', () => {
  it('attaches your own media, in order, once', async () => {
    const first = await media(ada);
    const second = await media(ada);
    const response = await create(ada, { text: '', media_ids: [second, first] });
    expect(response.status).toBe(201);
    expect(response.body.media.map((m: { id: string }) => m.id)).toEqual([second, first]);
    expect(response.body.media[0].url).toMatch(/\/v1\/blobs\/a{64}$/);
    const again = await create(ada, { text: 'reuse', media_ids: [first] });
    expectProblem(again, 'media-unusable', socialProblems);
  });

  it("refuses another user's media, unknown media, duplicates and more than 4", async () => {
    const bobs = await media(bob);
    expectProblem(
      await create(ada, { text: 'x', media_ids: [bobs] }),
      'media-unusable',
      socialProblems,
    );
    expectProblem(
      await create(ada, { text: 'x', media_ids: ['42'] }),
      'media-unusable',
      socialProblems,
    );
    const mine = await media(ada);
    const twice = await create(ada, { text: 'x', media_ids: [mine, mine] });
    expectProblem(twice, 'media-unusable', socialProblems);
    const five = await Promise.all(Array.from({ length: 5 }, () => media(ada)));
    expectProblem(
      await create(ada, { text: 'x', media_ids: five }),
      'media-unusable',
      socialProblems,
    );
  });

  it('refuses only the bad post of a batch written together', async () => {
    const bobs = await media(bob);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        create(ada, { text: `batch ${i}`, ...(i === 5 && { media_ids: [bobs] }) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      201, 201, 201, 201, 201, 422, 201, 201, 201, 201,
    ]);
  });

  it('gives a medium to one post only when posts of one batch both claim it', async () => {
    const shared = await media(ada);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        create(ada, { text: `claim ${i}`, media_ids: [shared] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(11).fill(422)]);
  });
});

describe('ids and pages', () => {
  it.each([
    ['GET', '/v1/social/posts/abc'],
    ['GET', '/v1/social/posts/-1'],
    ['GET', '/v1/social/posts/99999999999999999999'],
    ['GET', '/v1/social/posts/9223372036854775808'],
    ['POST', '/v1/social/posts/abc/like'],
    ['DELETE', '/v1/social/posts/1e5/repost'],
    ['GET', '/v1/social/posts/1/context?after=x'],
    ['GET', '/v1/social/profiles/abc/posts'],
    ['GET', '/v1/social/tags/x?limit=1000'],
    ['GET', '/v1/social/tags/x?max_id=abc'],
    ['GET', '/v1/social/posts/1/liked_by?cursor=!!'],
  ])('answers 400 to %s %s', async (method, path) => {
    const response = await ada.call(method, path);
    expect(response.status).toBe(400);
  });

  it.each([
    ['GET', '/v1/social/posts/1'],
    ['GET', '/v1/social/posts/9223372036854775807'],
    ['DELETE', '/v1/social/posts/7'],
    ['POST', '/v1/social/posts/7/like'],
    ['POST', '/v1/social/posts/7/repost'],
    ['GET', '/v1/social/posts/7/liked_by'],
    ['GET', '/v1/social/profiles/7/posts'],
  ])('answers 404 to %s %s', async (method, path) => {
    expectProblem(await ada.call(method, path), 'not-found');
  });

  it('answers a forged cursor naming a non-id with 400', async () => {
    const post = await create(ada, { text: 'liked' });
    const cursor = Buffer.from(JSON.stringify(['1; DROP TABLE'])).toString('base64url');
    const response = await ada.call(
      'GET',
      `/v1/social/posts/${post.body.id}/liked_by?cursor=${cursor}`,
    );
    expectProblem(response, 'invalid-cursor');
  });

  it('refuses anonymous reads', async () => {
    expectProblem(await social.api('GET', '/v1/social/posts/1'), 'unauthorized');
  });

  it('answers an empty page for a tag nobody used', async () => {
    const response = await ada.call('GET', `/v1/social/tags/${encodeURIComponent('#'.repeat(90))}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.items).toEqual([]);
  });
});
