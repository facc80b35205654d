import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';
import type { SocialId } from './ids.ts';
import { socialOf } from './social.ts';
import { hiddenAmong } from './store/graph.ts';

let social: SocialTest;

beforeAll(async () => {
  social = await startSocial();
});

const profileOf = async (viewer: Person, id: string) =>
  (await viewer.call('GET', `/v1/social/profiles/${id}`)).body;
const countsOf = async (viewer: Person, id: string) => (await profileOf(viewer, id)).counts;
const follow = (who: Person, whom: Person, body?: unknown) =>
  who.call('POST', `/v1/social/profiles/${whom.profileId}/follow`, body);

/** A post (or a reply to `replyTo`) by `author`, written as the post writer would. */
async function postBy(author: Person, replyTo?: string): Promise<SocialId> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO social_posts (id, author_id, text, reply_to_id, conversation_id)
    SELECT x, ${author.profileId}, 'hello', ${replyTo ?? null}::bigint,
           coalesce(${replyTo ?? null}::bigint, x)
      FROM (SELECT social_id() AS x) made
    RETURNING id::text AS id`.execute(social.database.db);
  return (rows[0] as { id: string }).id;
}

const timelines = () => socialOf(social.server.server.core).timelines;

/** Gives these people an empty, live home timeline (as a rebuild would), whatever the store. */
async function startTimelines(...people: Person[]): Promise<void> {
  for (const person of people) await timelines().replace(person.profileId, []);
}

/** A repost by `author` of `original`. */
async function repostBy(author: Person, original: SocialId): Promise<SocialId> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO social_posts (id, author_id, repost_of_id, conversation_id)
    SELECT x, ${author.profileId}, ${original}, x FROM (SELECT social_id() AS x) made
    RETURNING id::text AS id`.execute(social.database.db);
  return (rows[0] as { id: string }).id;
}

/** The entry ids of `reader`'s home timeline, as the running store holds them. */
async function timelineOf(reader: Person): Promise<string[]> {
  const entries = await timelines().page(reader.profileId, { limit: 100 });
  return (entries ?? []).map((entry) => entry.entryId);
}

describe('following', () => {
  it('follows and unfollows, with exact counts and the relation', async () => {
    const [ada, bob] = [await social.person(), await social.person()];
    const followed = await follow(ada, bob);
    expect(followed.status, JSON.stringify(followed.body)).toBe(200);
    expect(followed.body).toEqual({
      following: true,
      followed_by: false,
      blocking: false,
      muting: false,
      notify: false,
    });
    // Again: the same follow, counted once; the bell can be set on it.
    expect((await follow(ada, bob, { notify: true })).body).toMatchObject({ notify: true });
    expect((await follow(ada, bob)).body).toMatchObject({ following: true, notify: true });
    expect(await countsOf(ada, bob.profileId)).toMatchObject({ followers: 1, following: 0 });
    expect(await countsOf(bob, ada.profileId)).toMatchObject({ followers: 0, following: 1 });
    expect((await profileOf(bob, ada.profileId)).relation).toMatchObject({ followed_by: true });

    const unfollowed = await ada.call('DELETE', `/v1/social/profiles/${bob.profileId}/follow`);
    expect(unfollowed.body).toMatchObject({ following: false, notify: false });
    await ada.call('DELETE', `/v1/social/profiles/${bob.profileId}/follow`);
    expect(await countsOf(ada, bob.profileId)).toMatchObject({ followers: 0 });
    expect(await countsOf(bob, ada.profileId)).toMatchObject({ following: 0 });
  });

  it('counts 20 concurrent followers, and one person following 10 times at once, exactly', async () => {
    const star = await social.person('star');
    // Signed up one by one (password hashing is slow); they follow all at once.
    const fans: Person[] = [];
    for (let i = 0; i < 20; i++) fans.push(await social.person());
    const answers = await Promise.all(fans.map((fan) => follow(fan, star)));
    expect(answers.map((answer) => answer.status)).toEqual(fans.map(() => 200));
    const eager = fans[0] as Person;
    await Promise.all(Array.from({ length: 10 }, () => follow(eager, star)));
    expect(await countsOf(eager, star.profileId)).toMatchObject({ followers: 20 });
    expect(await countsOf(star, eager.profileId)).toMatchObject({ following: 1 });
    // Unfollows at once count once too.
    await Promise.all(
      Array.from({ length: 5 }, () =>
        eager.call('DELETE', `/v1/social/profiles/${star.profileId}/follow`),
      ),
    );
    expect(await countsOf(eager, star.profileId)).toMatchObject({ followers: 19 });
    // The counters agree with the rows, folded or not.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM social_follows WHERE followee_id = ${star.profileId}`.execute(
      social.database.db,
    );
    expect(rows[0]?.n).toBe(19);
  }, 120_000); // 21 sign-ups hash 21 passwords: most of the time, on a busy machine

  it('refuses oneself, nobody, and what is not an id', async () => {
    const ada = await social.person();
    expectProblem(await follow(ada, ada), 'follow-self');
    for (const what of ['block', 'mute']) {
      expectProblem(
        await ada.call('POST', `/v1/social/profiles/${ada.profileId}/${what}`),
        'follow-self',
      );
    }
    expectProblem(
      await ada.call('POST', '/v1/social/profiles/7391820048710582273/follow'),
      'not-found',
    );
    for (const id of ['123abc', '12345678901234567890', '9999999999999999999', '0', '-1', '1.5']) {
      for (const [method, what] of [
        ['POST', 'follow'],
        ['DELETE', 'follow'],
        ['POST', 'block'],
        ['DELETE', 'mute'],
        ['GET', 'followers'],
      ] as const) {
        const response = await ada.call(method, `/v1/social/profiles/${id}/${what}`);
        expect(response.status, `${method} ${id}/${what}: ${JSON.stringify(response.body)}`).toBe(
          400,
        );
      }
    }
    const bob = await social.person();
    for (const body of [{ notify: 'yes' }, { other: 1 }, '[]', 'nope']) {
      const response = await follow(ada, bob, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('copies the followee’s latest posts into my timeline, and unfollowing takes them out', async () => {
    const [reader, author, other] = [
      await social.person(),
      await social.person(),
      await social.person(),
    ];
    const root = await postBy(author);
    await postBy(author, root); // a reply: not copied
    const deleted = await postBy(author);
    await sql`UPDATE social_posts SET deleted_at = now() WHERE id = ${deleted}`.execute(
      social.database.db,
    );
    const latest = await postBy(author);
    const kept = await postBy(other);
    const repost = await repostBy(author, kept);
    await startTimelines(reader);
    await follow(reader, other);
    await follow(reader, author);
    expect(await timelineOf(reader)).toEqual([repost, kept, latest, root]);
    const entries = await timelines().page(reader.profileId, { limit: 1 });
    expect(entries).toEqual([{ entryId: repost, originId: kept, authorId: author.profileId }]);

    await reader.call('DELETE', `/v1/social/profiles/${author.profileId}/follow`);
    expect(await timelineOf(reader)).toEqual([kept]);
  });

  it('copies nothing from a hot account (it is merged at read)', async () => {
    const [reader, hot] = [await social.person(), await social.person()];
    await postBy(hot);
    await startTimelines(reader);
    await sql`UPDATE social_profiles SET hot = true WHERE id = ${hot.profileId}`.execute(
      social.database.db,
    );
    await follow(reader, hot);
    expect(await timelineOf(reader)).toEqual([]);
  });
});

describe('blocking and muting', () => {
  it('ends follows both ways, hides the blocker, and refuses follows either way', async () => {
    const [ada, bob] = [await social.person(), await social.person()];
    const adaPost = await postBy(ada);
    const bobPost = await postBy(bob);
    await startTimelines(ada, bob);
    await follow(ada, bob);
    await follow(bob, ada);
    expect(await timelineOf(bob)).toEqual([adaPost]);
    expect(await timelineOf(ada)).toEqual([bobPost]);

    const blocked = await ada.call('POST', `/v1/social/profiles/${bob.profileId}/block`);
    expect(blocked.body).toEqual({
      following: false,
      followed_by: false,
      blocking: true,
      muting: false,
      notify: false,
    });
    expect(await countsOf(ada, ada.profileId)).toMatchObject({ followers: 0, following: 0 });
    expect(await countsOf(ada, bob.profileId)).toMatchObject({ followers: 0, following: 0 });
    expect(await timelineOf(bob)).toEqual([]);
    expect(await timelineOf(ada)).toEqual([]);

    // Bob sees nothing of Ada; Ada still sees Bob.
    expectProblem(await bob.call('GET', `/v1/social/profiles/${ada.profileId}`), 'not-found');
    expectProblem(
      await bob.call('GET', `/v1/social/profiles/${ada.profileId}/followers`),
      'not-found',
    );
    expect((await profileOf(ada, bob.profileId)).relation).toMatchObject({ blocking: true });
    expectProblem(await follow(bob, ada), 'blocked');
    expectProblem(await follow(ada, bob), 'blocked');
    expect(await hiddenAmong(social.database.db, bob.profileId, [ada.profileId])).toEqual(
      new Set([ada.profileId]),
    );

    await ada.call('DELETE', `/v1/social/profiles/${bob.profileId}/block`);
    expect((await follow(bob, ada)).body).toMatchObject({ following: true });
    expect(await countsOf(ada, ada.profileId)).toMatchObject({ followers: 1 });
  });

  it('mutes and unmutes', async () => {
    const [ada, bob, cy] = [await social.person(), await social.person(), await social.person()];
    const muted = await ada.call('POST', `/v1/social/profiles/${bob.profileId}/mute`);
    expect(muted.body).toMatchObject({ muting: true, blocking: false });
    await ada.call('POST', `/v1/social/profiles/${bob.profileId}/mute`);
    expect(
      await hiddenAmong(social.database.db, ada.profileId, [bob.profileId, cy.profileId]),
    ).toEqual(new Set([bob.profileId]));
    // A mute is one-way and silent: Bob still sees Ada.
    expect((await profileOf(bob, ada.profileId)).relation).toMatchObject({ muting: false });
    const unmuted = await ada.call('DELETE', `/v1/social/profiles/${bob.profileId}/mute`);
    expect(unmuted.body).toMatchObject({ muting: false });
    expectProblem(
      await ada.call('POST', '/v1/social/profiles/7391820048710582273/mute'),
      'not-found',
    );
  });
});

describe('followers and following lists', () => {
  it('pages newest follow first, neither skipping nor repeating', async () => {
    const star = await social.person('listed');
    const fans: Person[] = [];
    for (let i = 0; i < 5; i++) {
      const fan = await social.person(`fan${i}`);
      await follow(fan, star);
      fans.push(fan);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await star.call(
        'GET',
        `/v1/social/profiles/${star.profileId}/followers?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      expect(response.body.items[0]).toMatchObject({ avatar_url: null });
      cursor = response.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(fans.map((fan) => fan.profileId).reverse());

    const following = await star.call(
      'GET',
      `/v1/social/profiles/${(fans[0] as Person).profileId}/following`,
    );
    expect(following.body.items).toEqual([
      expect.objectContaining({ id: star.profileId, display_name: 'listed' }),
    ]);
    expectProblem(
      await star.call('GET', `/v1/social/profiles/${star.profileId}/followers?cursor=bogus`),
      'invalid-cursor',
    );
    expectProblem(
      await star.call('GET', '/v1/social/profiles/7391820048710582273/following'),
      'not-found',
    );
  });
});

describe('the following limit', () => {
  it('refuses a follow past SOCIAL_FOLLOWING_MAX, naming the limit', async () => {
    const small = await startSocial({ env: { SOCIAL_FOLLOWING_MAX: '2' } });
    const [me, a, b, c] = [
      await small.person(),
      await small.person(),
      await small.person(),
      await small.person(),
    ];
    const followOn = (whom: Person, body?: unknown) =>
      me.call('POST', `/v1/social/profiles/${whom.profileId}/follow`, body);
    expect((await followOn(a)).status).toBe(200);
    expect((await followOn(b)).status).toBe(200);
    expect(expectProblem(await followOn(c), 'following-limit').limit).toBe(2);
    // At the limit, an existing follow can still set its bell.
    expect((await followOn(a, { notify: true })).body).toMatchObject({ notify: true });
    await me.call('DELETE', `/v1/social/profiles/${a.profileId}/follow`);
    expect((await followOn(c)).status).toBe(200);
  });
});
