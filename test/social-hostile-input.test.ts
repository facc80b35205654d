import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemName } from '../src/platform/problems.ts';
import { type ApiResponse, expectProblem } from './helpers.ts';
import { type Person, type SocialTest, startSocial } from './social-harness.ts';

// Bad input on every route of the social module, table by table: hostile ids in paths, queries
// and bodies, wrong types, over-long and invisible text, huge limits, other people's things. Each
// answers the catalogue's problem (problem+json, its status), never a 500. The first test checks
// that the tables name every route the OpenAPI document lists, so a new route cannot be missed.

let test: SocialTest;
let ada: Person;
let bob: Person;
/** Ada's live post, her deleted post, and an image of hers no post carries. */
let post: string;
let deleted: string;
let media: string;

beforeAll(async () => {
  test = await startSocial();
  ada = await test.person('ada');
  bob = await test.person('bob');
  post = (await ada.call('POST', '/v1/social/posts', { text: 'hello' })).body.id;
  deleted = (await ada.call('POST', '/v1/social/posts', { text: 'gone' })).body.id;
  expect((await ada.call('DELETE', `/v1/social/posts/${deleted}`)).status).toBe(204);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO social_media (owner_id, content_type, blob_hash, thumb_hash, width, height, blurhash)
    VALUES (${ada.profileId}::bigint, 'image/webp', ${'b'.repeat(64)}, ${'b'.repeat(64)}, 8, 8, 'L')
    RETURNING id::text AS id`.execute(test.database.db);
  media = (rows[0] as { id: string }).id;
});

/** A route with `{id}` in its path (or `{idOrHandle}`, `{tag}`). */
const pathRoutes: [method: string, path: string][] = [
  ['GET', '/v1/social/profiles/{idOrHandle}'],
  ['POST', '/v1/social/profiles/{id}/follow'],
  ['DELETE', '/v1/social/profiles/{id}/follow'],
  ['POST', '/v1/social/profiles/{id}/block'],
  ['DELETE', '/v1/social/profiles/{id}/block'],
  ['POST', '/v1/social/profiles/{id}/mute'],
  ['DELETE', '/v1/social/profiles/{id}/mute'],
  ['GET', '/v1/social/profiles/{id}/followers'],
  ['GET', '/v1/social/profiles/{id}/following'],
  ['GET', '/v1/social/profiles/{id}/posts'],
  ['GET', '/v1/social/posts/{id}'],
  ['DELETE', '/v1/social/posts/{id}'],
  ['GET', '/v1/social/posts/{id}/context'],
  ['POST', '/v1/social/posts/{id}/repost'],
  ['DELETE', '/v1/social/posts/{id}/repost'],
  ['POST', '/v1/social/posts/{id}/like'],
  ['DELETE', '/v1/social/posts/{id}/like'],
  ['GET', '/v1/social/posts/{id}/liked_by'],
  ['GET', '/v1/social/posts/{id}/reposted_by'],
  ['GET', '/v1/social/media/{id}'],
  ['PATCH', '/v1/social/media/{id}'],
  ['GET', '/api/v1/tweet/{id}'],
];

/** The routes without a path id, each with a body or query it accepts. */
const otherRoutes: [method: string, path: string][] = [
  ['GET', '/v1/social/profile'],
  ['PUT', '/v1/social/profile'],
  ['POST', '/v1/social/posts'],
  ['GET', '/v1/social/tags/{tag}'],
  ['GET', '/v1/social/timelines/home'],
  ['POST', '/v1/social/media'],
  ['GET', '/v1/social/search'],
  ['POST', '/send'],
  ['GET', '/fetch'],
  ['POST', '/api/v1/tweet'],
  ['POST', '/api/v1/like'],
];

/** A body each path route accepts, so only the id is wrong. */
const bodyOf = (method: string, path: string) =>
  method === 'PATCH'
    ? { alt: 'x' }
    : path.endsWith('/follow') && method === 'POST'
      ? {}
      : undefined;

const twentyDigits = '12345678901234567890';
const pastInt64 = '9223372036854775808';
const unsafe = '9007199254740993';

/** A hostile path id and the problem it is: a bad shape fails the schema, a bad value the parser. */
const hostileIds: [id: string, problem: ProblemName][] = [
  ['abc', 'validation-failed'],
  ['1.5', 'validation-failed'],
  ['-1', 'validation-failed'],
  ['0', 'bad-request'],
  [twentyDigits, 'validation-failed'],
  [pastInt64, 'bad-request'],
];

/** Asserts a problem (never a 500): `expectProblem`, with the route named when it fails. */
function refused(response: ApiResponse, problem: ProblemName, what: string) {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).not.toBe(500);
  return expectProblem(response, problem);
}

describe('every social route', () => {
  it('is in these tables (the OpenAPI document lists no other)', async () => {
    const document = (await test.api('GET', '/openapi.json')).body;
    const listed = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => /^\/(v1\/social|send|fetch|api\/v1)(\/|$)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const tabled = [...pathRoutes, ...otherRoutes].map(([method, path]) => `${method} ${path}`);
    expect(new Set(listed)).toEqual(new Set(tabled));
  });

  it('needs a signed-in user', async () => {
    for (const [method, path] of [...pathRoutes, ...otherRoutes]) {
      const url = path.replace(/\{\w+\}/, post);
      refused(await test.api(method, url), 'unauthorized', `${method} ${url}`);
    }
  });
});

describe('hostile ids in paths', () => {
  it.each(hostileIds)('%s is %s on every route with an id', async (id, problem) => {
    for (const [method, path] of pathRoutes) {
      const url = path.replace(/\{\w+\}/, id);
      const response = await ada.call(method, url, bodyOf(method, path));
      refused(response, expectedFor(path, id, problem), `${method} ${url}`);
    }
  });

  /** An id-or-handle that is no id is a handle nobody has; digits are read as an id. */
  const expectedFor = (path: string, id: string, problem: ProblemName): ProblemName => {
    if (!path.includes('idOrHandle')) return problem;
    return id === 'abc' ? 'not-found' : /^[0-9]+$/.test(id) ? 'bad-request' : problem;
  };

  it('unknown ids are 404 on every route with an id', async () => {
    for (const [method, path] of pathRoutes) {
      const url = path.replace(/\{\w+\}/, '12345');
      refused(await ada.call(method, url, bodyOf(method, path)), 'not-found', `${method} ${url}`);
    }
  });
});

describe('hostile queries', () => {
  const lists = [
    `/v1/social/profiles/{me}/followers`,
    `/v1/social/profiles/{me}/following`,
    `/v1/social/profiles/{me}/posts`,
    `/v1/social/posts/{post}/liked_by`,
    `/v1/social/posts/{post}/reposted_by`,
    '/v1/social/tags/hello',
    '/v1/social/timelines/home',
    '/v1/social/search?q=hello&',
    '/v1/social/search?type=posts&q=hello&',
  ];
  const url = (list: string, query: string) => {
    const path = list.replace('{me}', ada.profileId).replace('{post}', post);
    return path.includes('?') ? `${path}${query}` : `${path}?${query}`;
  };

  it.each(['10000', '101', '0', '-1', '1.5', 'abc', '1e309', twentyDigits])(
    'limit=%s is a 400 on every list',
    async (limit) => {
      for (const list of lists) {
        refused(await ada.call('GET', url(list, `limit=${limit}`)), 'validation-failed', list);
      }
    },
  );

  it('a cursor not given out is a 400 on every list that pages by cursor', async () => {
    for (const list of lists.filter((l) => /follow|_by|search/.test(l))) {
      for (const cursor of ['nonsense', btoa('[1,2,3]'), btoa('["x\\u0000"]'), 'x'.repeat(600)]) {
        const response = await ada.call('GET', url(list, `cursor=${encodeURIComponent(cursor)}`));
        expect(response.status, list).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it.each(hostileIds)('max_id, since_id, min_id, after = %s are a problem', async (id, problem) => {
    const cases = [
      `/v1/social/profiles/${ada.profileId}/posts?max_id=${id}`,
      `/v1/social/profiles/${ada.profileId}/posts?since_id=${id}`,
      `/v1/social/tags/hello?max_id=${id}`,
      `/v1/social/timelines/home?max_id=${id}`,
      `/v1/social/timelines/home?since_id=${id}`,
      `/v1/social/timelines/home?min_id=${id}`,
      `/v1/social/posts/${post}/context?after=${id}`,
      `/fetch?userID=${id}`,
    ];
    for (const path of cases) refused(await ada.call('GET', path), problem, path);
  });

  it.each(oddQueries)('%s: %s is %s', async (_, path, outcome) => {
    const response = await ada.call('GET', path);
    if (outcome === 200) expect(response.status, JSON.stringify(response.body)).toBe(200);
    else refused(response, outcome, path);
  });

  it('length past 100 on /fetch is a 400 naming the limit', async () => {
    for (const length of ['10000', '101', '0', '1e309']) {
      const body = refused(
        await ada.call('GET', `/fetch?userID=${ada.profileId}&length=${length}`),
        'validation-failed',
        length,
      );
      expect(JSON.stringify(body)).toContain('length');
    }
  });

  it('a tag or search too long, or a query field unknown, is a 400', async () => {
    // Past the router's 100 characters of a path parameter: refused before the schema.
    refused(await ada.call('GET', `/v1/social/tags/${'t'.repeat(101)}`), 'bad-request', 'tag');
    refused(
      await ada.call('GET', `/v1/social/search?q=${'q'.repeat(201)}`),
      'validation-failed',
      'q',
    );
    refused(
      await ada.call('GET', '/v1/social/timelines/home?colour=red'),
      'validation-failed',
      '?',
    );
    const alt = `/v1/social/media?alt=${'a'.repeat(1501)}`;
    const upload = { body: 'GIF89a', headers: { 'content-type': 'image/gif' }, token: ada.token };
    refused(await test.api('POST', alt, upload), 'validation-failed', 'alt');
  });
});

/** Odd text in paths and queries: each a problem of its own, or an empty answer. */
const oddQueries: [what: string, path: string, outcome: ProblemName | 200][] = [
  ['a tag that NFKC makes over 100', `/v1/social/tags/${'\uFDFA'.repeat(10)}`, 200],
  ['a tag of invalid UTF-8', '/v1/social/tags/%F0%28', 'bad-request'],
  ['a tag with NUL', '/v1/social/tags/a%00b', 'validation-failed'],
  [
    'a #tag search that NFKC makes over 100',
    `/v1/social/search?type=posts&q=%23${'\uFDFA'.repeat(10)}`,
    200,
  ],
  [
    'tsquery syntax',
    `/v1/social/search?type=posts&q=${encodeURIComponent("a:* & !b | 'c' \\ (")}`,
    200,
  ],
  ['a search of NUL', '/v1/social/search?type=posts&q=%00', 'validation-failed'],
  ['userID twice', '/fetch?userID=1&userID=2', 'validation-failed'],
  ['limit twice', '/v1/social/timelines/home?limit=1&limit=2', 'validation-failed'],
  ['a handle of full-width letters', '/v1/social/profiles/%EF%BC%A1%EF%BC%A2', 'validation-failed'],
];

/** A post's text: what comes back for it, a problem or 201. */
const texts: [what: string, text: string, outcome: ProblemName | 201][] = [
  ['empty', '', 'post-empty'],
  ['whitespace', ' \t\n ', 'post-empty'],
  ['zero-width spaces only', '\u200B\u200B\u200B', 'post-empty'],
  ['an RTL override only', '\u202E', 'post-empty'],
  ['an RTL override in text', '\u202Egnp.exe', 201],
  ['501 graphemes', 'é'.repeat(501), 'post-too-long'],
  // Three code points each: 500 of them fit the 2,000-code-point bound (a four-person family of
  // seven would not: 3,500 code points is post-too-long, as docs/social.md says).
  ['500 emoji ZWJ family sequences', '👩‍👦'.repeat(500), 201],
  ['zalgo past 2,000 code points', `Z${'\u0336\u0334\u0337'.repeat(700)}`, 'post-too-long'],
];

describe('hostile bodies', () => {
  it.each(texts)('a post of %s', async (_, text, outcome) => {
    const bodies: [string, unknown][] = [
      ['/v1/social/posts', { text }],
      ['/send', { text, userID: ada.profileId }],
      ['/api/v1/tweet', { content: text }],
    ];
    for (const [path, body] of bodies) {
      const response = await ada.call('POST', path, body);
      if (outcome === 201) expect(response.status, path).toBe(201);
      else refused(response, outcome, path);
    }
  });

  const bodies: [what: string, method: string, path: string, body: unknown][] = [
    ['text a number', 'POST', '/v1/social/posts', { text: 5 }],
    ['text null', 'POST', '/v1/social/posts', { text: null }],
    ['text an array', 'POST', '/v1/social/posts', { text: ['a'] }],
    ['a body of an array', 'POST', '/v1/social/posts', '[]'],
    ['text over 20,000', 'POST', '/v1/social/posts', { text: 'a'.repeat(20_001) }],
    ['text with NUL', 'POST', '/v1/social/posts', '{"text":"a\\u0000b"}'],
    ['a lone surrogate', 'POST', '/v1/social/posts', '{"text":"a\\ud800b"}'],
    ['reply_to_id abc', 'POST', '/v1/social/posts', { text: 'a', reply_to_id: 'abc' }],
    ['reply_to_id 1.5', 'POST', '/v1/social/posts', { text: 'a', reply_to_id: 1.5 }],
    ['reply_to_id -1', 'POST', '/v1/social/posts', { text: 'a', reply_to_id: '-1' }],
    ['reply_to_id 20 digits', 'POST', '/v1/social/posts', { text: 'a', reply_to_id: twentyDigits }],
    ['reply_to_id unsafe', 'POST', '/v1/social/posts', `{"text":"a","reply_to_id":${unsafe}}`],
    ['media_ids a string', 'POST', '/v1/social/posts', { text: 'a', media_ids: '{media}' }],
    [
      '17 media_ids',
      'POST',
      '/v1/social/posts',
      { text: 'a', media_ids: Array(17).fill('{media}') },
    ],
    ['handle with a space', 'PUT', '/v1/social/profile', { handle: 'a b' }],
    ['handle of digits', 'PUT', '/v1/social/profile', { handle: '12345' }],
    ['handle of 31', 'PUT', '/v1/social/profile', { handle: 'h'.repeat(31) }],
    ['display_name a number', 'PUT', '/v1/social/profile', { display_name: 5 }],
    ['display_name of 51', 'PUT', '/v1/social/profile', { display_name: 'n'.repeat(51) }],
    ['bio an object', 'PUT', '/v1/social/profile', { bio: {} }],
    ['bio of 501', 'PUT', '/v1/social/profile', { bio: 'b'.repeat(501) }],
    ['avatar_media_id abc', 'PUT', '/v1/social/profile', { avatar_media_id: 'abc' }],
    ['an unknown field', 'PUT', '/v1/social/profile', { is_operator: true }],
    ['notify a string', 'POST', '/v1/social/profiles/{bob}/follow', { notify: 'yes' }],
    ['alt a number', 'PATCH', '/v1/social/media/{media}', { alt: 5 }],
    ['alt of 1501', 'PATCH', '/v1/social/media/{media}', { alt: 'a'.repeat(1501) }],
    ['alt with NUL', 'PATCH', '/v1/social/media/{media}', '{"alt":"a\\u0000"}'],
    ['userID abc', 'POST', '/send', { text: 'a', userID: 'abc' }],
    ['userID 1.5', 'POST', '/send', { text: 'a', userID: 1.5 }],
    ['userID -1', 'POST', '/send', { text: 'a', userID: -1 }],
    ['userID 0', 'POST', '/send', { text: 'a', userID: 0 }],
    ['userID 20 digits', 'POST', '/send', { text: 'a', userID: twentyDigits }],
    ['userID missing', 'POST', '/send', { text: 'a' }],
    ['text missing', 'POST', '/send', { userID: '1' }],
    ['content a number', 'POST', '/api/v1/tweet', { content: 1 }],
    ['media an array', 'POST', '/api/v1/tweet', { content: 'a', media: ['{media}'] }],
    ['media of 2049', 'POST', '/api/v1/tweet', { content: 'a', media: 'm'.repeat(2049) }],
    ['tweetId abc', 'POST', '/api/v1/like', { tweetId: 'abc' }],
    ['tweetId 1.5', 'POST', '/api/v1/like', { tweetId: 1.5 }],
    ['tweetId -1', 'POST', '/api/v1/like', { tweetId: -1 }],
    ['tweetId null', 'POST', '/api/v1/like', { tweetId: null }],
    ['tweetId 20 digits', 'POST', '/api/v1/like', { tweetId: twentyDigits }],
  ];
  it.each(bodies)('%s: %s %s is a 400', async (_, method, path, body) => {
    const url = path.replace('{bob}', bob.profileId).replace('{media}', media);
    // Ids made in beforeAll go in now: the table is built before them.
    const text = (typeof body === 'string' ? body : JSON.stringify(body)).replaceAll(
      '{media}',
      media,
    );
    const response = await ada.call(method, url, text);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  const values: [what: string, method: string, path: string, body: string][] = [
    [
      'reply_to_id past 2^63',
      'POST',
      '/v1/social/posts',
      `{"text":"a","reply_to_id":"${pastInt64}"}`,
    ],
    [
      'media_ids past 2^63',
      'POST',
      '/v1/social/posts',
      `{"text":"a","media_ids":["${pastInt64}"]}`,
    ],
    ['avatar past 2^63', 'PUT', '/v1/social/profile', `{"avatar_media_id":"${pastInt64}"}`],
    ['userID unsafe', 'POST', '/send', `{"text":"a","userID":${unsafe}}`],
    ['userID 2^63', 'POST', '/send', `{"text":"a","userID":${pastInt64}}`],
    ['userID "2^63"', 'POST', '/send', `{"text":"a","userID":"${pastInt64}"}`],
    ['tweetId unsafe', 'POST', '/api/v1/like', `{"tweetId":${unsafe}}`],
    ['tweetId 2^63', 'POST', '/api/v1/like', `{"tweetId":"${pastInt64}"}`],
    ['media past 2^63', 'POST', '/api/v1/tweet', `{"content":"a","media":"${pastInt64}"}`],
  ];
  it.each(values)('%s: %s %s is bad-request', async (what, method, path, body) => {
    refused(await ada.call(method, path, body), 'bad-request', what);
  });
});

describe('other people’s things, and rules of the graph and threads', () => {
  it('another user’s post or media is a 404 to change, their id a 403 to act as', async () => {
    refused(await bob.call('DELETE', `/v1/social/posts/${post}`), 'not-found', 'delete');
    refused(await bob.call('PATCH', `/v1/social/media/${media}`, { alt: 'x' }), 'not-found', 'alt');
    refused(await bob.call('GET', `/v1/social/media/${media}`), 'not-found', 'unposted media');
    const theirs = { text: 'a', media_ids: [media] };
    refused(await bob.call('POST', '/v1/social/posts', theirs), 'media-unusable', 'media_ids');
    const tweet = { content: 'a', media };
    refused(await bob.call('POST', '/api/v1/tweet', tweet), 'media-unusable', 'media');
    const avatar = { avatar_media_id: media };
    refused(await bob.call('PUT', '/v1/social/profile', avatar), 'media-unusable', 'avatar');
    const asAda = { text: 'a', userID: ada.profileId };
    refused(await bob.call('POST', '/send', asAda), 'forbidden', '/send');
    refused(await bob.call('GET', `/fetch?userID=${ada.profileId}`), 'forbidden', '/fetch');
  });

  it('a reply, repost or like of a deleted post is a 422', async () => {
    const reply = { text: 'a', reply_to_id: deleted };
    refused(await bob.call('POST', '/v1/social/posts', reply), 'reply-to-deleted', 'reply');
    refused(await bob.call('POST', `/v1/social/posts/${deleted}/repost`), 'reply-to-deleted', 'rp');
    refused(await bob.call('POST', `/v1/social/posts/${deleted}/like`), 'reply-to-deleted', 'like');
    refused(await bob.call('POST', '/api/v1/like', { tweetId: deleted }), 'reply-to-deleted', 'v1');
  });

  it('unknown media, a taken handle, and a blocker are their problems', async () => {
    const unknown = { text: 'a', media_ids: ['12345'] };
    refused(await bob.call('POST', '/v1/social/posts', unknown), 'media-unusable', 'media_ids');
    const avatar = { avatar_media_id: '12345' };
    refused(await bob.call('PUT', '/v1/social/profile', avatar), 'media-unusable', 'avatar');
    const named = await ada.call('PUT', '/v1/social/profile', { handle: 'ada_hostile' });
    expect(named.status).toBe(200);
    const taken = { handle: 'ADA_hostile' };
    refused(await bob.call('PUT', '/v1/social/profile', taken), 'handle-taken', 'handle');
    const carol = await test.person('carol');
    const carolPost = (await carol.call('POST', '/v1/social/posts', { text: 'mine' })).body.id;
    expect((await carol.call('POST', `/v1/social/profiles/${bob.profileId}/block`)).status).toBe(
      200,
    );
    const follow = `/v1/social/profiles/${carol.profileId}/follow`;
    refused(await bob.call('POST', follow, 'null'), 'blocked', 'follow a blocker');
    const reply = { text: 'a', reply_to_id: carolPost };
    refused(await bob.call('POST', '/v1/social/posts', reply), 'not-found', 'reply to a blocker');
    refused(await bob.call('GET', `/api/v1/tweet/${carolPost}`), 'not-found', 'read a blocker');
    refused(await bob.call('POST', '/api/v1/like', { tweetId: carolPost }), 'not-found', 'like');
  });

  it('following, blocking or muting yourself is a 422', async () => {
    for (const what of ['follow', 'block', 'mute']) {
      const url = `/v1/social/profiles/${ada.profileId}/${what}`;
      refused(await ada.call('POST', url, what === 'follow' ? {} : undefined), 'follow-self', url);
    }
  });
});
