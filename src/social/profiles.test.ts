import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';

let social: SocialTest;
let ada: Person;
let bob: Person;

beforeAll(async () => {
  social = await startSocial();
  ada = await social.person('ada');
  bob = await social.person('bob');
});

/** A processed image row of `owner`'s, as media uploads leave them. */
async function mediaOf(owner: Person): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO social_media (owner_id, content_type, blob_hash, thumb_hash, width, height, blurhash)
    VALUES (${owner.profileId}, 'image/webp', 'full-hash', 'thumb-hash', 10, 10, 'LEHV6nWB2yk8')
    RETURNING id::text AS id`.execute(social.database.db);
  return (rows[0] as { id: string }).id;
}

describe('my profile', () => {
  it('exists from the first request, with a handle made from the id', async () => {
    const mine = await ada.call('GET', '/v1/social/profile');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      id: ada.profileId,
      handle: `u${ada.profileId}`,
      display_name: 'ada',
      bio: '',
      avatar_url: null,
      counts: { followers: 0, following: 0, posts: 0 },
    });
  });

  it('changes handle, name and bio; the handle is kept lower-case', async () => {
    const put = await ada.call('PUT', '/v1/social/profile', {
      handle: 'Ada_Lovelace',
      display_name: '  Ada Lovelace ',
      bio: 'Analytical engines',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      handle: 'ada_lovelace',
      display_name: 'Ada Lovelace',
      bio: 'Analytical engines',
    });
    // Fields left out stay.
    const again = await ada.call('PUT', '/v1/social/profile', { bio: 'Notes on the engine' });
    expect(again.body).toMatchObject({ handle: 'ada_lovelace', display_name: 'Ada Lovelace' });
  });

  it('refuses a handle another profile has, whatever its case', async () => {
    const taken = await bob.call('PUT', '/v1/social/profile', { handle: 'ADA_LOVELACE' });
    expect(expectProblem(taken, 'handle-taken').handle).toBe('ada_lovelace');
    // Keeping one's own handle is no conflict.
    const same = await ada.call('PUT', '/v1/social/profile', { handle: 'ada_LOVELACE' });
    expect(same.status).toBe(200);
  });

  it('takes one of my images as avatar, and refuses anyone else’s', async () => {
    const mine = await mediaOf(ada);
    const set = await ada.call('PUT', '/v1/social/profile', { avatar_media_id: mine });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ avatar_media_id: mine, avatar_url: '/v1/blobs/thumb-hash' });
    const theirs = await bob.call('PUT', '/v1/social/profile', { avatar_media_id: mine });
    expectProblem(theirs, 'media-unusable');
    const unknown = await bob.call('PUT', '/v1/social/profile', {
      avatar_media_id: '7391820048710582273',
    });
    expectProblem(unknown, 'media-unusable');
    const cleared = await ada.call('PUT', '/v1/social/profile', { avatar_media_id: null });
    expect(cleared.body).toMatchObject({ avatar_media_id: null, avatar_url: null });
  });

  it('refuses bad fields with a problem, never a 500', async () => {
    const bad: unknown[] = [
      { handle: '' },
      { handle: 'a'.repeat(31) },
      { handle: 'has space' },
      { handle: 'dash-ed' },
      { handle: 'ümlaut' },
      { handle: '12345' },
      { display_name: 'x'.repeat(51) },
      { display_name: '   ' },
      { display_name: 'evil\u202Eexe' },
      { bio: 'b'.repeat(501) },
      { bio: 'nul\u0000' },
      { avatar_media_id: '123abc' },
      { avatar_media_id: '12345678901234567890' },
      { avatar_media_id: '9999999999999999999' },
      '{"avatar_media_id": 7391820048710582273}',
      { unknown_field: 1 },
      'not json',
    ];
    for (const body of bad) {
      const response = await bob.call('PUT', '/v1/social/profile', body);
      expect([400, 422], `${JSON.stringify(body)}: ${JSON.stringify(response.body)}`).toContain(
        response.status,
      );
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});

describe('looking a profile up', () => {
  it('finds it by id, by handle (any case, with or without @), with counts and relation', async () => {
    const paths = [ada.profileId, 'ada_lovelace', 'ADA_Lovelace', '@ada_lovelace'];
    for (const key of paths) {
      const found = await bob.call('GET', `/v1/social/profiles/${encodeURIComponent(key)}`);
      expect(found.status, key).toBe(200);
      expect(found.body).toMatchObject({
        id: ada.profileId,
        handle: 'ada_lovelace',
        counts: { followers: 0, following: 0, posts: 0 },
        relation: {
          following: false,
          followed_by: false,
          blocking: false,
          muting: false,
          notify: false,
        },
      });
    }
  });

  it('answers 404 for nobody, and 400 for what is not an id or a handle', async () => {
    expectProblem(await bob.call('GET', '/v1/social/profiles/nobody_here'), 'not-found');
    expectProblem(await bob.call('GET', '/v1/social/profiles/123abc'), 'not-found');
    expectProblem(await bob.call('GET', '/v1/social/profiles/7391820048710582273'), 'not-found');
    for (const key of ['12345678901234567890', '9999999999999999999', '0', 'a-b', 'x'.repeat(40)]) {
      const response = await bob.call('GET', `/v1/social/profiles/${key}`);
      expect(response.status, `${key}: ${JSON.stringify(response.body)}`).toBe(400);
    }
  });

  it('needs a signed-in user', async () => {
    expectProblem(await social.api('GET', `/v1/social/profiles/${ada.profileId}`), 'unauthorized');
    expectProblem(await social.api('GET', '/v1/social/profile'), 'unauthorized');
  });
});

describe('profile search', () => {
  let grace: Person;
  beforeAll(async () => {
    grace = await social.person('grace');
    await grace.call('PUT', '/v1/social/profile', {
      handle: 'grace_hopper',
      display_name: 'Grace Brewster Hopper',
    });
    const names = ['Hopper fan club', 'Hopper watcher', 'Another Hopper'];
    for (const [i, name] of names.entries()) {
      const fan = await social.person(`fan${i}`);
      await fan.call('PUT', '/v1/social/profile', { handle: `fan_${i}`, display_name: name });
    }
  });

  const search = async (who: Person, query: string) => {
    const response = await who.call('GET', `/v1/social/search?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { items: { handle: string }[]; next_cursor: string | null };
  };
  const handles = (page: { items: { handle: string }[] }) => page.items.map((p) => p.handle);

  it('finds by handle first, then by name', async () => {
    expect(handles(await search(bob, 'q=grace_hopper'))[0]).toBe('grace_hopper');
    expect(handles(await search(bob, 'q=%40Grace_Hopper'))[0]).toBe('grace_hopper');
    const byName = handles(await search(bob, 'q=hopper&type=profiles'));
    expect(byName).toEqual(expect.arrayContaining(['grace_hopper', 'fan_0', 'fan_1', 'fan_2']));
    expect(handles(await search(bob, 'q=brewster'))).toEqual(['grace_hopper']);
  });

  it('forgives a typo of the handle', async () => {
    expect(handles(await search(bob, 'q=grace_hoper'))).toContain('grace_hopper');
    expect(handles(await search(bob, 'q=ada_lovelcae'))).toContain('ada_lovelace');
  });

  it('pages without skipping or repeating', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { handle: string }[]; next_cursor: string | null } = await search(
        bob,
        `q=hopper&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...handles(page));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.toSorted()).toEqual(['fan_0', 'fan_1', 'fan_2', 'grace_hopper']);
  });

  it('hides a profile from those it blocked', async () => {
    expect((await grace.call('POST', `/v1/social/profiles/${bob.profileId}/block`)).status).toBe(
      200,
    );
    expect(handles(await search(bob, 'q=grace_hopper'))).not.toContain('grace_hopper');
    expect(handles(await search(ada, 'q=grace_hopper'))).toContain('grace_hopper');
  });

  it('answers bad queries with a problem', async () => {
    for (const query of ['', 'q=', `q=${'x'.repeat(201)}`, 'q=a&type=posts', 'q=a&limit=0']) {
      expectProblem(await bob.call('GET', `/v1/social/search?${query}`), 'validation-failed');
    }
    expectProblem(await bob.call('GET', '/v1/social/search?q=a&cursor=bogus'), 'invalid-cursor');
    for (const q of ['%22', '!!!', '%27%20OR%201%3D1', '-', '%E2%80%8B', 'a%20%7C%20b%20%26']) {
      expect((await bob.call('GET', `/v1/social/search?q=${q}`)).status, q).toBe(200);
    }
  });
});
