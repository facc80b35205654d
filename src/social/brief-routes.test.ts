import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem, signUpOperator } from '../../test/helpers.ts';
import { follow } from '../../test/social-fanout-fixtures.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';
import { ensureProfileId } from './store/profiles.ts';

// The briefs' routes (002: /send, /fetch; 003: /api/v1/tweet, /api/v1/like) over real HTTP: they
// answer what the clean routes do, in the briefs' shapes, with the same rules.

let test: SocialTest;
let author: Person;
let reader: Person;
let operator: Person;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-social-brief-'));
  test = await startSocial({ env: { DATA_DIR: dataDir } });
  author = await test.person('author');
  reader = await test.person('reader');
  const op = await signUpOperator(test.api, test.server);
  const profileId = await ensureProfileId(test.database.db, op.id);
  operator = {
    userId: op.id,
    profileId,
    token: op.token,
    call: (method, url, body) => test.api(method, url, { token: op.token, body }),
  };
  await follow(test.database.db, reader.profileId, author.profileId);
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const ids = (page: { items: { id: string }[] }) => page.items.map((post) => post.id);

describe('POST /send (brief 002)', () => {
  it('posts as the caller, with userID a string or a safe number, and answers tweetId', async () => {
    const sent = await author.call('POST', '/send', { text: 'hello', userID: author.profileId });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ tweetId: sent.body.id, text: 'hello' });
    expect(sent.body.author.id).toBe(author.profileId);
    expect(typeof sent.body.tweetId).toBe('string');
    const clean = await author.call('GET', `/v1/social/posts/${sent.body.tweetId}`);
    expect(clean.body.text).toBe('hello');

    // A profile id is past 2^53: as a number it cannot be exact, so it is refused, not rounded.
    const rounded = `{"text":"x","userID":${author.profileId}}`;
    expectProblem(await author.call('POST', '/send', rounded), 'bad-request');
    // A safe number is read as the id it is (here nobody's: a stranger's id is a 403).
    expectProblem(await author.call('POST', '/send', { text: 'x', userID: 12345 }), 'forbidden');
  });

  it('refuses another profile to a user, lets an operator post as it', async () => {
    const other = { text: 'not mine', userID: reader.profileId };
    expectProblem(await author.call('POST', '/send', other), 'forbidden');
    const asReader = await operator.call('POST', '/send', {
      text: 'for the reader',
      userID: reader.profileId,
    });
    expect(asReader.status).toBe(201);
    expect(asReader.body.author.id).toBe(reader.profileId);
    expectProblem(
      await operator.call('POST', '/send', { text: 'x', userID: '12345' }),
      'not-found',
    );
  });

  it('checks the text as the clean route does, and needs a signed-in user', async () => {
    const empty = { text: ' \u200b ', userID: author.profileId };
    expectProblem(await author.call('POST', '/send', empty), 'post-empty');
    expectProblem(await author.call('POST', '/send', { text: 'x' }), 'validation-failed');
    expectProblem(
      await author.call('POST', '/send', { text: 'x', userID: 'abc' }),
      'validation-failed',
    );
    expectProblem(
      await test.api('POST', '/send', { body: { text: 'x', userID: author.profileId } }),
      'unauthorized',
    );
  });
});

describe('GET /fetch (brief 002)', () => {
  it('answers what the clean home timeline answers, once the fan-out landed', async () => {
    const sent = await author.call('POST', '/send', { text: 'fan me', userID: author.profileId });
    await vi.waitFor(
      async () => {
        const fetched = await reader.call('GET', `/fetch?userID=${reader.profileId}&length=5`);
        expect(fetched.status).toBe(200);
        expect(ids(fetched.body)).toContain(sent.body.id);
      },
      { timeout: 30_000, interval: 100 },
    );
    const fetched = await reader.call('GET', `/fetch?userID=${reader.profileId}&length=5`);
    const clean = await reader.call('GET', '/v1/social/timelines/home?limit=5');
    expect(ids(fetched.body)).toEqual(ids(clean.body));
    expect(fetched.body.items.length).toBeLessThanOrEqual(5);
    expect(fetched.body).toHaveProperty('next_max_id');
  });

  it('takes length 1–100 (default 20), and userID by the same rule as /send', async () => {
    const own = `/fetch?userID=${reader.profileId}`;
    expect((await reader.call('GET', own)).status).toBe(200);
    expect((await reader.call('GET', `${own}&length=1`)).body.items.length).toBeLessThanOrEqual(1);
    for (const length of ['10000', '101', '0', '-1', '1.5', 'abc']) {
      const body = expectProblem(
        await reader.call('GET', `${own}&length=${length}`),
        'validation-failed',
      );
      expect(JSON.stringify(body.errors)).toContain('length');
    }
    const tooMany = expectProblem(
      await reader.call('GET', `${own}&length=10000`),
      'validation-failed',
    );
    expect(tooMany.detail).toContain('100');
    expectProblem(await author.call('GET', own), 'forbidden');
    expect((await operator.call('GET', own)).status).toBe(200);
    expectProblem(await reader.call('GET', '/fetch?userID=9223372036854775808'), 'bad-request');
    expectProblem(
      await reader.call('GET', '/fetch?userID=99999999999999999999'),
      'validation-failed',
    );
    expectProblem(await reader.call('GET', '/fetch'), 'validation-failed');
  });
});

describe('brief 003: /api/v1/tweet and /api/v1/like', () => {
  it('posts content, reads it back in the brief’s shape, and counts the impression', async () => {
    const made = await author.call('POST', '/api/v1/tweet', { content: 'brief three', media: '' });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body)).toEqual(['tweetId']);
    const read = await reader.call('GET', `/api/v1/tweet/${made.body.tweetId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      tweetId: made.body.tweetId,
      userId: author.profileId,
      content: 'brief three',
      media: '',
      impressions: expect.any(Number),
      likes: 0,
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await vi.waitFor(
      async () => {
        const again = await author.call('GET', `/api/v1/tweet/${made.body.tweetId}`);
        expect(again.body.impressions).toBeGreaterThanOrEqual(1);
      },
      { timeout: 20_000, interval: 200 },
    );
    expectProblem(await reader.call('GET', '/api/v1/tweet/12345'), 'not-found');
    expectProblem(await reader.call('GET', '/api/v1/tweet/abc'), 'validation-failed');
  });

  it('attaches an image by media id or by its blob URL, once', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    const upload = async () => {
      const response = await fetch(`${test.url}/v1/social/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${author.token}`, 'content-type': 'image/png' },
        body: png,
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; url: string };
    };
    const byId = await upload();
    const withId = await author.call('POST', '/api/v1/tweet', { content: '', media: byId.id });
    expect(withId.status).toBe(201);
    const readById = await author.call('GET', `/api/v1/tweet/${withId.body.tweetId}`);
    expect(readById.body.media).toBe(byId.url);

    const byUrl = await upload();
    expectProblem(
      await reader.call('POST', '/api/v1/tweet', { content: 'stolen', media: byUrl.url }),
      'media-unusable',
    );
    const absolute = new URL(byUrl.url, test.url).href;
    const withUrl = await author.call('POST', '/api/v1/tweet', { content: 'pic', media: absolute });
    expect(withUrl.status).toBe(201);
    const readByUrl = await reader.call('GET', `/api/v1/tweet/${withUrl.body.tweetId}`);
    expect(readByUrl.body).toMatchObject({ content: 'pic', media: byUrl.url });
    // Attached now: the same URL again names no free image.
    expectProblem(
      await author.call('POST', '/api/v1/tweet', { content: 'again', media: byUrl.url }),
      'media-unusable',
    );
    expectProblem(
      await author.call('POST', '/api/v1/tweet', {
        content: 'x',
        media: 'https://elsewhere/a.png',
      }),
      'media-unusable',
    );
  });

  it('answers an Idempotency-Key retry of /send and /api/v1/tweet with the same post', async () => {
    for (const [path, body] of [
      ['/send', { text: 'once', userID: author.profileId }],
      ['/api/v1/tweet', { content: 'once' }],
    ] as const) {
      const headers = { 'idempotency-key': `brief-${path}-${Date.now()}` };
      const send = () => test.api('POST', path, { token: author.token, body, headers });
      const first = await send();
      const again = await send();
      expect(first.status).toBe(201);
      expect(again.body.tweetId).toBe(first.body.tweetId);
    }
  });

  it('likes once however often asked, with tweetId a string or a safe number', async () => {
    const made = await author.call('POST', '/api/v1/tweet', { content: 'like me' });
    const { tweetId } = made.body;
    for (let i = 0; i < 2; i++) {
      const liked = await reader.call('POST', '/api/v1/like', { tweetId });
      expect(liked.status).toBe(201);
      expect(liked.body).toEqual({ tweetId });
    }
    const read = await reader.call('GET', `/api/v1/tweet/${tweetId}`);
    expect(read.body.likes).toBe(1);
    const clean = await reader.call('GET', `/v1/social/posts/${tweetId}`);
    expect(clean.body.viewer.liked).toBe(true);

    expectProblem(
      await reader.call('POST', '/api/v1/like', `{"tweetId":${tweetId}}`),
      'bad-request',
    );
    expectProblem(await reader.call('POST', '/api/v1/like', { tweetId: 12345 }), 'not-found');
    expectProblem(await reader.call('POST', '/api/v1/like', { tweetId: 1.5 }), 'validation-failed');
    expectProblem(
      await reader.call('POST', '/api/v1/like', { tweetId: '-1' }),
      'validation-failed',
    );
    expectProblem(await test.api('POST', '/api/v1/like', { body: { tweetId } }), 'unauthorized');
  });

  it('lists the aliases in the OpenAPI document under social-brief', async () => {
    const document = (await test.api('GET', '/openapi.json')).body;
    for (const [route, method] of [
      ['/send', 'post'],
      ['/fetch', 'get'],
      ['/api/v1/tweet/{id}', 'get'],
      ['/api/v1/tweet', 'post'],
      ['/api/v1/like', 'post'],
    ] as const) {
      expect(document.paths[route]?.[method]?.tags, route).toEqual(['social-brief']);
    }
  });
});
