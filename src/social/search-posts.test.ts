import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';

// `GET /v1/social/search?type=posts` over HTTP: words by full text, `#tag` by the tag, newest
// first in keyset pages; what the viewer may not see (deleted, blocked, muted) never shows.

let test: SocialTest;
let ada: Person;
let bob: Person;
let eve: Person;
let viewer: Person;

beforeAll(async () => {
  test = await startSocial();
  ada = await test.person('ada');
  bob = await test.person('bob');
  eve = await test.person('eve');
  viewer = await test.person('viewer');
});

const post = async (who: Person, text: string): Promise<string> => {
  const response = await who.call('POST', '/v1/social/posts', { text });
  expect(response.status).toBe(201);
  return response.body.id;
};

const search = (q: string, more = '') =>
  viewer.call('GET', `/v1/social/search?type=posts&q=${encodeURIComponent(q)}${more}`);

const idsOf = (response: { body: { items: { id: string }[] } }) =>
  response.body.items.map((item) => item.id);

describe('GET /v1/social/search?type=posts', () => {
  it('finds posts by their words, newest first, in pages that neither skip nor repeat', async () => {
    const first = await post(ada, 'Walrus sighting at the pier');
    const second = await post(bob, 'another walrus, bigger');
    const third = await post(ada, 'THE WALRUS again (the pier is busy)');
    await post(ada, 'nothing to see here');

    const all = await search('walrus');
    expect(all.status).toBe(200);
    expect(idsOf(all)).toEqual([third, second, first]);
    expect(all.body.items[0]).toMatchObject({ author: { id: ada.profileId }, counts: {} });
    expect(all.body.next_cursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const more = cursor ? `&cursor=${cursor}` : '';
      const page = await search('walrus', `&limit=1${more}`);
      seen.push(...idsOf(page));
      cursor = page.body.next_cursor;
    }
    expect(seen).toEqual([third, second, first]);

    // Web-search syntax: every word, "-word" excludes, a quoted phrase.
    expect(idsOf(await search('walrus pier'))).toEqual([third, first]);
    expect(idsOf(await search('walrus -pier'))).toEqual([second]);
    expect(idsOf(await search('"walrus sighting"'))).toEqual([first]);
    expect(idsOf(await search('!!!'))).toEqual([]);
  });

  it('searches a #tag in the tags, case and width aside', async () => {
    const tagged = await post(eve, 'hello #Otters and #sea');
    const later = await post(bob, 'more #OTTERS');
    await post(eve, 'otters without the hash');
    expect(idsOf(await search('#otters'))).toEqual([later, tagged]);
    // NFKC: full-width letters are the tag's.
    expect(idsOf(await search('#ＯＴＴＥＲＳ'))).toEqual([later, tagged]);
    expect(idsOf(await search('#nosuchtag'))).toEqual([]);
    expect(idsOf(await search('#'))).toEqual([]);
    const page = await search('#otters', '&limit=1');
    const next = await search('#otters', `&limit=1&cursor=${page.body.next_cursor}`);
    expect([...idsOf(page), ...idsOf(next)]).toEqual([later, tagged]);
  });

  it('never shows a deleted post, nor one of an account blocked either way or muted', async () => {
    const deleted = await post(ada, 'zebra one');
    const blocker = await test.person('blocker');
    const byBlocker = await post(blocker, 'zebra two');
    const blocked = await test.person('blocked');
    const byBlocked = await post(blocked, 'zebra three');
    const muted = await test.person('muted');
    const byMuted = await post(muted, 'zebra four');
    const kept = await post(bob, 'zebra five');
    expect(idsOf(await search('zebra'))).toEqual([kept, byMuted, byBlocked, byBlocker, deleted]);

    expect((await ada.call('DELETE', `/v1/social/posts/${deleted}`)).status).toBe(204);
    const block = await blocker.call('POST', `/v1/social/profiles/${viewer.profileId}/block`);
    expect(block.status).toBeLessThan(300);
    const blocking = await viewer.call('POST', `/v1/social/profiles/${blocked.profileId}/block`);
    expect(blocking.status).toBeLessThan(300);
    const mute = await viewer.call('POST', `/v1/social/profiles/${muted.profileId}/mute`);
    expect(mute.status).toBeLessThan(300);
    expect(idsOf(await search('zebra'))).toEqual([kept]);
  });

  it('refuses a cursor it did not give out, and an empty or long q', async () => {
    const profiles = Buffer.from(JSON.stringify([1.5, '123'])).toString('base64url');
    expectProblem(await search('walrus', `&cursor=${profiles}`), 'invalid-cursor');
    expectProblem(await search('walrus', '&cursor=nonsense'), 'invalid-cursor');
    const unsafe = Buffer.from(JSON.stringify(['abc'])).toString('base64url');
    expectProblem(await search('walrus', `&cursor=${unsafe}`), 'invalid-cursor');
    expectProblem(await search(''), 'validation-failed');
    expectProblem(await search('w'.repeat(201)), 'validation-failed');
    expectProblem(await search('walrus', '&limit=101'), 'validation-failed');
    expectProblem(
      await viewer.call('GET', '/v1/social/search?type=things&q=a'),
      'validation-failed',
    );
    expectProblem(await test.api('GET', '/v1/social/search?type=posts&q=a'), 'unauthorized');
  });
});
