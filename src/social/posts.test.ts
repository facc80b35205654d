import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Person, type SocialTest, startSocial } from '../../test/social-harness.ts';
import { hydratePosts } from './hydrate.ts';
import { socialProblems } from './problems.ts';
import { socialOf } from './social.ts';
import { readCounts } from './store/counters.ts';

let social: SocialTest;
let ada: Person;
let bob: Person;

beforeAll(async () => {
  social = await startSocial();
  ada = await social.person('Ada');
  bob = await social.person('Bob');
  await sql`UPDATE social_profiles SET handle = 'ada' WHERE id = ${ada.profileId}::bigint`.execute(
    social.database.db,
  );
});

const post = async (who: Person, body: Record<string, unknown>) => {
  const response = await who.call('POST', '/v1/social/posts', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};

const countsOf = async (id: string) =>
  (await readCounts(social.database.db, [id], ['posts', 'replies', 'reposts'])).get(id);

describe('posts', () => {
  it('creates a post with mentions and tags, reads it, and puts it in its author timeline', async () => {
    const created = await post(bob, { text: 'Hello @Ada and @nobody_here #Meridian #CAFÉ' });
    expect(created).toMatchObject({
      text: 'Hello @Ada and @nobody_here #Meridian #CAFÉ',
      author: { id: bob.profileId },
      reply_to_id: null,
      conversation_id: created.id,
      mentions: [{ id: ada.profileId, handle: 'ada' }],
      tags: ['café', 'meridian'],
      counts: { likes: 0, reposts: 0, replies: 0, impressions: 0 },
      viewer: { liked: false, reposted: false },
      repost_of: null,
    });
    expect(created.id).toMatch(/^[0-9]+$/);
    const read = await ada.call('GET', `/v1/social/posts/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(created.id);
    const own = await social.database.db
      .withTables<{ social_home_entries: { user_id: string; entry_id: string } }>()
      .selectFrom('social_home_entries')
      .select(sql<string>`entry_id::text`.as('entry_id'))
      .where('user_id', '=', bob.profileId)
      .execute();
    expect(own.map((row) => row.entry_id)).toContain(created.id);
    const tag = await ada.call('GET', '/v1/social/tags/MERIDIAN');
    expect(tag.body.items.map((p: { id: string }) => p.id)).toContain(created.id);
  });

  it('answers an Idempotency-Key retry with the same post', async () => {
    const headers = { 'idempotency-key': `post-${Date.now()}` };
    const first = await social.api('POST', '/v1/social/posts', {
      token: bob.token,
      body: { text: 'once' },
      headers,
    });
    const again = await social.api('POST', '/v1/social/posts', {
      token: bob.token,
      body: { text: 'once' },
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('threads replies: conversation, parent counts, context with a deleted ancestor', async () => {
    const root = await post(ada, { text: 'root' });
    const middle = await post(bob, { text: 'middle', reply_to_id: root.id });
    const leaf = await post(ada, { text: 'leaf', reply_to_id: middle.id });
    expect(middle).toMatchObject({ reply_to_id: root.id, conversation_id: root.id });
    expect(leaf.conversation_id).toBe(root.id);
    expect((await countsOf(root.id))?.replies).toBe(1);

    const context = await bob.call('GET', `/v1/social/posts/${middle.id}/context`);
    expect(context.status).toBe(200);
    expect(context.body.ancestors.map((p: { id: string }) => p.id)).toEqual([root.id]);
    expect(context.body.descendants.map((p: { id: string }) => p.id)).toEqual([leaf.id]);

    expect((await ada.call('DELETE', `/v1/social/posts/${root.id}`)).status).toBe(204);
    const after = await bob.call('GET', `/v1/social/posts/${leaf.id}/context`);
    expect(after.body.ancestors).toEqual([
      { id: root.id, deleted: true },
      expect.objectContaining({ id: middle.id }),
    ]);
    const rootContext = await bob.call('GET', `/v1/social/posts/${root.id}/context`);
    expectProblem(rootContext, 'not-found');
    const toDeleted = await bob.call('POST', '/v1/social/posts', {
      text: 'too late',
      reply_to_id: root.id,
    });
    expectProblem(toDeleted, 'reply-to-deleted', socialProblems);
  });

  it('deletes: gone from reads, timelines and counts; only the author may', async () => {
    const parent = await post(bob, { text: 'parent' });
    const before = (await countsOf(ada.profileId))?.posts ?? 0;
    const reply = await post(ada, { text: 'soon gone #vanishing', reply_to_id: parent.id });
    expect((await countsOf(ada.profileId))?.posts).toBe(before + 1);
    expect((await countsOf(parent.id))?.replies).toBe(1);

    expectProblem(await bob.call('DELETE', `/v1/social/posts/${reply.id}`), 'not-found');
    expect((await ada.call('DELETE', `/v1/social/posts/${reply.id}`)).status).toBe(204);
    expectProblem(await ada.call('DELETE', `/v1/social/posts/${reply.id}`), 'not-found');
    expectProblem(await bob.call('GET', `/v1/social/posts/${reply.id}`), 'not-found');
    expect((await countsOf(ada.profileId))?.posts).toBe(before);
    expect((await countsOf(parent.id))?.replies).toBe(0);
    const profile = await bob.call('GET', `/v1/social/profiles/${ada.profileId}/posts`);
    expect(profile.body.items.map((p: { id: string }) => p.id)).not.toContain(reply.id);
    expect((await bob.call('GET', '/v1/social/tags/vanishing')).body.items).toEqual([]);
    const liked = await bob.call('POST', `/v1/social/posts/${reply.id}/like`);
    expectProblem(liked, 'reply-to-deleted', socialProblems);
  });

  it('reposts once per user, undoes, and hides a repost whose original is deleted', async () => {
    const original = await post(ada, { text: 'worth repeating' });
    const first = await bob.call('POST', `/v1/social/posts/${original.id}/repost`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: '', repost_of: { id: original.id } });
    expect(first.body.repost_of.viewer.reposted).toBe(true);
    const again = await bob.call('POST', `/v1/social/posts/${original.id}/repost`);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // Reposting the repost reposts the original: still the one repost.
    const ofRepost = await bob.call('POST', `/v1/social/posts/${first.body.id}/repost`);
    expect(ofRepost.body.id).toBe(first.body.id);
    expect((await countsOf(original.id))?.reposts).toBe(1);
    const people = await ada.call('GET', `/v1/social/posts/${original.id}/reposted_by`);
    expect(people.body.items.map((p: { id: string }) => p.id)).toEqual([bob.profileId]);
    const timeline = await ada.call('GET', `/v1/social/profiles/${bob.profileId}/posts?limit=5`);
    expect(timeline.body.items[0].id).toBe(first.body.id);

    const undone = await bob.call('DELETE', `/v1/social/posts/${original.id}/repost`);
    expect(undone.body).toEqual({ reposted: false, reposts: 0 });
    expectProblem(await ada.call('GET', `/v1/social/posts/${first.body.id}`), 'not-found');

    const second = await bob.call('POST', `/v1/social/posts/${original.id}/repost`);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect((await ada.call('DELETE', `/v1/social/posts/${original.id}`)).status).toBe(204);
    expectProblem(await ada.call('GET', `/v1/social/posts/${second.body.id}`), 'not-found');
    const repostAfter = await bob.call('POST', `/v1/social/posts/${original.id}/repost`);
    expectProblem(repostAfter, 'reply-to-deleted', socialProblems);
  });

  it('lets an operator delete any post', async () => {
    const target = await post(bob, { text: 'moderate me' });
    const operator = await social.person('Op');
    await sql`UPDATE users SET is_operator = true WHERE id = ${operator.userId}`.execute(
      social.database.db,
    );
    expect((await operator.call('DELETE', `/v1/social/posts/${target.id}`)).status).toBe(204);
  });

  it('hides posts across a block both ways, as unknown', async () => {
    const secret = await post(ada, { text: 'not for bob' });
    const dan = await social.person('Dan');
    const relayed = await dan.call('POST', `/v1/social/posts/${secret.id}/repost`);
    expect((await bob.call('GET', `/v1/social/posts/${relayed.body.id}`)).status).toBe(200);
    await sql`INSERT INTO social_blocks (blocker_id, blocked_id)
              VALUES (${ada.profileId}::bigint, ${bob.profileId}::bigint)`.execute(
      social.database.db,
    );
    expectProblem(await bob.call('GET', `/v1/social/posts/${secret.id}`), 'not-found');
    // Someone else's repost does not carry it past the block either.
    expectProblem(await bob.call('GET', `/v1/social/posts/${relayed.body.id}`), 'not-found');
    const dans = await bob.call('GET', `/v1/social/profiles/${dan.profileId}/posts`);
    expect(dans.body.items).toEqual([]);
    expectProblem(await bob.call('POST', `/v1/social/posts/${secret.id}/like`), 'not-found');
    const reply = await bob.call('POST', '/v1/social/posts', {
      text: 'hi',
      reply_to_id: secret.id,
    });
    expectProblem(reply, 'not-found');
    expectProblem(await bob.call('GET', `/v1/social/profiles/${ada.profileId}/posts`), 'not-found');
    await sql`DELETE FROM social_blocks`.execute(social.database.db);
  });

  it('pages a profile timeline newest first with max_id and since_id', async () => {
    const carol = await social.person('Carol');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(carol, { text: `n${i}` })).id);
    const first = await ada.call('GET', `/v1/social/profiles/${carol.profileId}/posts?limit=2`);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([ids[4], ids[3]]);
    const next = await ada.call(
      'GET',
      `/v1/social/profiles/${carol.profileId}/posts?limit=2&max_id=${first.body.next_max_id}`,
    );
    expect(next.body.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    const newer = await ada.call(
      'GET',
      `/v1/social/profiles/${carol.profileId}/posts?since_id=${ids[2]}`,
    );
    expect(newer.body.items.map((p: { id: string }) => p.id)).toEqual([ids[4], ids[3]]);
    expect(newer.body.next_max_id).toBeNull();
  });

  it('group-commits posts that arrive together, each with its own outcome', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ada.call('POST', '/v1/social/posts', { text: i % 10 === 0 ? ' \u200B ' : `burst ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(36);
    expect(results.filter((r) => r.status === 422)).toHaveLength(4);
    await vi.waitFor(async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM social_posts
         WHERE author_id = ${ada.profileId}::bigint AND text LIKE 'burst %'`.execute(
        social.database.db,
      );
      expect(rows[0]?.n).toBe(36);
    });
  });

  it('hydrates in the order asked, dropping unknown ids, tombstones and (when asked) the muted', async () => {
    const hydrator = socialOf(social.server.server.core);
    const one = await post(ada, { text: 'one' });
    const two = await post(bob, { text: 'two' });
    const gone = await post(bob, { text: 'gone' });
    await bob.call('DELETE', `/v1/social/posts/${gone.id}`);
    const ids = [two.id, '42', one.id, gone.id];
    const shown = await hydratePosts(hydrator, ada.profileId, ids);
    expect(shown.map((p) => p.id)).toEqual([two.id, one.id]);
    await sql`INSERT INTO social_mutes (muter_id, muted_id)
              VALUES (${ada.profileId}::bigint, ${bob.profileId}::bigint)`.execute(
      social.database.db,
    );
    const muted = await hydratePosts(hydrator, ada.profileId, ids, { hideMuted: true });
    expect(muted.map((p) => p.id)).toEqual([one.id]);
    expect((await hydratePosts(hydrator, ada.profileId, ids)).map((p) => p.id)).toEqual([
      two.id,
      one.id,
    ]);
    await sql`DELETE FROM social_mutes`.execute(social.database.db);
  });
});
