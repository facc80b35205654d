import { afterAll, describe, expect, it, vi } from 'vitest';
import { startSocial } from '../../test/social-harness.ts';
import { deletePost, graph, insertPost } from '../../test/social-posting.ts';
import { openStream, type StreamClient, type StreamMessage } from '../../test/stream-clients.ts';
import { homeAudiences } from './store/live.ts';

// Live delivery over real WebSockets: the topic rules, a post reaching its author's connected
// followers (and not those who muted or blocked the author, nor strangers), and presence.

const social = await startSocial();
const { core } = social.server.server;
const { db } = social.database;
const { follow, mute, block } = graph(core);

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});
async function connect(person: { token: string }) {
  const client = await openStream(social.url, { token: person.token });
  clients.push(client);
  return client;
}
/** A connected reader of their own home timeline (and their user topic, for markers). */
async function reader(person: { token: string; profileId: string; userId: string }) {
  const client = await connect(person);
  const answer = await client.subscribe([
    `social:home-${person.profileId}`,
    `user:${person.userId}`,
  ]);
  expect(answer.type).toBe('subscribed');
  return client;
}
const isPush = (message: StreamMessage) =>
  message.type === 'event' && message.topic.startsWith('social:home-');
/** Publishes a logged marker on the user's topic: once it arrives, any earlier push has too. */
async function marker(client: StreamClient, userId: string) {
  const { id } = await core.events.publish(db, {
    topic: `user:${userId}`,
    type: 'marker',
    data: 0,
  });
  await client.next((message) => message.id === id && message.event === 'marker');
}

describe('social topics', () => {
  it('gives a home timeline to its owner only, and a post to whoever may see it', async () => {
    const ada = await social.person('ada');
    const bo = await social.person('bo');
    const client = await connect(ada);
    expect(await client.subscribe([`social:home-${ada.profileId}`])).toMatchObject({
      type: 'subscribed',
    });
    expect(await client.subscribe([`social:home-${bo.profileId}`])).toMatchObject({
      type: 'error',
    });
    const post = await insertPost(core, bo.profileId);
    expect(await client.subscribe([`social:post-${post}`])).toMatchObject({ type: 'subscribed' });
    await block(bo.profileId, ada.profileId);
    const other = await insertPost(core, bo.profileId);
    expect(await client.subscribe([`social:post-${other}`])).toMatchObject({ type: 'error' });
    const mine = await insertPost(core, ada.profileId);
    await deletePost(core, mine, ada.profileId);
    for (const topic of [
      `social:post-${mine}`,
      'social:nonsense',
      'social:home-99999999999999999999',
    ]) {
      expect(await client.subscribe([topic])).toMatchObject({ type: 'error', topic });
    }
  });
});

describe('live delivery', () => {
  it("pushes a new post to its author's connected followers", async () => {
    const author = await social.person('author');
    const fan = await social.person('fan');
    await follow(fan.profileId, author.profileId);
    const fanStream = await reader(fan);
    const authorStream = await reader(author);
    const id = await insertPost(core, author.profileId, { text: 'live!' });
    for (const stream of [fanStream, authorStream]) {
      expect(await stream.next(isPush)).toMatchObject({
        event: 'post.created',
        data: { id, text: 'live!' },
      });
    }
  });

  it('never pushes to a follower who muted or blocked the author, nor to a stranger', async () => {
    const author = await social.person('loud');
    const [fan, muter, blocker, blocked, stranger] = await Promise.all([
      social.person('fan'),
      social.person('muter'),
      social.person('blocker'),
      social.person('blocked'),
      social.person('stranger'),
    ]);
    for (const person of [fan, muter, blocker, blocked]) {
      await follow(person.profileId, author.profileId);
    }
    await mute(muter.profileId, author.profileId);
    await block(blocker.profileId, author.profileId);
    await block(author.profileId, blocked.profileId);
    const everyone = [fan, muter, blocker, blocked, stranger];
    const streams = await Promise.all(everyone.map(reader));
    // A deletion goes to the audience a creation does, and needs no hydrated post.
    const [fanStream] = streams as [StreamClient];
    const id = await insertPost(core, author.profileId);
    // Deleted before it was pushed, a post is not pushed at all: wait for it first.
    await fanStream.next((m) => isPush(m) && m.event === 'post.created');
    await deletePost(core, id, author.profileId);
    const deleted = await fanStream.next((m) => isPush(m) && m.event === 'post.deleted');
    expect(deleted.data).toEqual({ id });
    for (const [index, stream] of streams.entries()) {
      await marker(stream, (everyone[index] as { userId: string }).userId);
      const pushes = stream.messages.filter(isPush).map((m) => m.event);
      const expected = index === 0 ? ['post.created', 'post.deleted'] : [];
      expect(pushes, ['fan', 'muter', 'blocker', 'blocked', 'stranger'][index]).toEqual(expected);
    }
  });

  it('applies the reply rule: a reply reaches followers who also follow the one answered', async () => {
    const [author, fan, both, answered] = await Promise.all([
      social.person('replier'),
      social.person('fan'),
      social.person('both'),
      social.person('answered'),
    ]);
    await follow(fan.profileId, author.profileId);
    await follow(both.profileId, author.profileId);
    await follow(both.profileId, answered.profileId);
    await follow(answered.profileId, author.profileId);
    const original = await social.person('original');
    await mute(fan.profileId, original.profileId);
    const originalPost = await insertPost(core, original.profileId);
    const local = [author, fan, both, answered].map((person) => person.profileId);
    const post = (replyToAuthor: string | null, repostOfId: string | null = null) => ({
      authorId: author.profileId,
      replyToAuthor,
      repostOfId,
    });
    // One batch: a post, a self-reply, a reply to another, a repost of someone fan muted.
    const audiences = await homeAudiences(
      db,
      [post(null), post(author.profileId), post(answered.profileId), post(null, originalPost)],
      local,
    );
    const everyone = [...local].sort();
    expect(audiences.map((ids) => ids.sort())).toEqual([
      everyone,
      everyone, // a thread of one's own
      [author.profileId, both.profileId, answered.profileId].sort(),
      [author.profileId, both.profileId, answered.profileId].sort(),
    ]);
    // Only the profiles whose home timelines are open here.
    expect(await homeAudiences(db, [post(null)], [fan.profileId])).toEqual([[fan.profileId]]);
  });
});

describe('presence', () => {
  it('says a connected person is online, and offline once they disconnect', async () => {
    const ida = await social.person('ida');
    const online = async () => (await core.events.online([ida.userId])).has(ida.userId);
    expect(await online()).toBe(false);
    const stream = await connect(ida);
    await vi.waitFor(async () => expect(await online()).toBe(true), { timeout: 20_000 });
    stream.ws.close();
    await stream.closed;
    await vi.waitFor(async () => expect(await online()).toBe(false), { timeout: 20_000 });
  });
});
