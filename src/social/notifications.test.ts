import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { signUpOperator, waitForJobState } from '../../test/helpers.ts';
import { type Person, startSocial } from '../../test/social-harness.ts';
import { graph, insertPost } from '../../test/social-posting.ts';
import { openStream, type StreamClient } from '../../test/stream-clients.ts';
import { transaction } from '../platform/db/database.ts';
import { notifyOfFollow, notifyOfPosts, notifyOfReactions } from './notifications.ts';
import { socialOf } from './social.ts';

// Notifications through core.notify, over a real server: in-app always, email (the built-in
// mailbox, no SMTP) only to people not on the stream; muted and blocked actors never notify;
// bell posts by a job; likes grouped into one notification per post and minute.

const test = await startSocial();
const { core } = test.server.server;
const { db } = test.database;
const social = socialOf(core);
const { follow, mute, block } = graph(core);
const operator = await signUpOperator(test.api, test);

const clients: StreamClient[] = [];
afterAll(() => {
  for (const client of clients) client.ws.terminate();
});

const inbox = async (person: Person) =>
  (await person.call('GET', '/v1/notifications?limit=100')).body.items as {
    event: string;
    title: string;
    data: Record<string, unknown>;
  }[];
const emailOf = async (person: Person) =>
  (await sql<{ email: string }>`SELECT email FROM users WHERE id = ${person.userId}`.execute(db))
    .rows[0]?.email;
const mailTo = async (person: Person) => {
  const email = await emailOf(person);
  const page = await test.api('GET', '/v1/admin/mailbox?limit=100', { token: operator.token });
  return (page.body.items as { to_address: string; subject: string }[]).filter(
    (mail) => mail.to_address === email,
  );
};
const emailJobs = async (person: Person) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs
      WHERE kind = 'notify.email' AND payload->>'userId' = ${person.userId}`.execute(db)
  ).rows[0]?.n;
const eventually = (check: () => Promise<void>) =>
  vi.waitFor(check, { timeout: 20_000, interval: 100 });

/** Connects `person` to the stream and waits until presence says so. */
async function goOnline(person: Person) {
  const client = await openStream(test.url, { token: person.token });
  clients.push(client);
  await eventually(async () => {
    expect((await core.events.online([person.userId])).has(person.userId)).toBe(true);
  });
}

describe('post notifications', () => {
  it('tells the mentioned and the one answered: offline by email too, online in-app only', async () => {
    const [author, parent, away, here, muter, blocked] = await Promise.all([
      test.person('author'),
      test.person('parent'),
      test.person('away'),
      test.person('here'),
      test.person('muter'),
      test.person('blocked'),
    ]);
    await goOnline(here);
    await mute(muter.profileId, author.profileId);
    await block(author.profileId, blocked.profileId);
    const parentPost = await insertPost(core, parent.profileId);
    const id = await insertPost(core, author.profileId, {
      text: 'hi @away @here',
      replyTo: { id: parentPost, authorId: parent.profileId },
    });
    await transaction(db, (tx) =>
      notifyOfPosts(social, tx, [
        {
          id,
          authorId: author.profileId,
          replyToAuthor: parent.profileId,
          mentionIds: [away, here, muter, blocked, author, parent].map((p) => p.profileId),
        },
      ]),
    );
    expect(await inbox(parent)).toMatchObject([
      { event: 'social.reply', title: 'author replied to you', data: { post_id: id } },
    ]);
    expect(await inbox(away)).toMatchObject([
      { event: 'social.mention', title: 'author mentioned you' },
    ]);
    expect(await inbox(here)).toMatchObject([{ event: 'social.mention' }]);
    for (const silent of [muter, blocked, author]) expect(await inbox(silent)).toEqual([]);
    await eventually(async () => {
      expect(await mailTo(away)).toMatchObject([{ subject: 'author mentioned you' }]);
    });
    expect(await emailJobs(here)).toBe(0);
  });

  it('tells bell followers of a post by a job, and no one else', async () => {
    const [author, ringer, plain] = await Promise.all([
      test.person('poster'),
      test.person('ringer'),
      test.person('plain'),
    ]);
    await follow(ringer.profileId, author.profileId, true);
    await follow(plain.profileId, author.profileId);
    const id = await insertPost(core, author.profileId, { text: 'news' });
    await transaction(db, (tx) =>
      notifyOfPosts(social, tx, [
        {
          id,
          authorId: author.profileId,
          replyToAuthor: null,
          mentionIds: [],
        },
      ]),
    );
    await eventually(async () => {
      expect(await inbox(ringer)).toMatchObject([
        { event: 'social.post', title: 'poster posted', data: { post_id: id } },
      ]);
    });
    expect(await inbox(plain)).toEqual([]);
  });
});

describe('follow notifications', () => {
  it('tells the followed, unless they muted the follower', async () => {
    const [star, fan, pest] = await Promise.all([
      test.person('star'),
      test.person('newfan'),
      test.person('pest'),
    ]);
    await mute(star.profileId, pest.profileId);
    for (const follower of [fan, pest]) {
      await transaction(db, (tx) =>
        notifyOfFollow(social, tx, { followerId: follower.profileId, followeeId: star.profileId }),
      );
    }
    expect(await inbox(star)).toMatchObject([
      { event: 'social.follow', title: 'newfan followed you' },
    ]);
  });
});

describe('grouped reactions', () => {
  it('turns a thousand likes into one notification, and emails at most once an hour', async () => {
    const author = await test.person('viral');
    const post = await insertPost(core, author.profileId, { text: 'it went viral' });
    await likeBy(post, 1_000, 'liker');
    // The fold calls once per post each second; here a thousand calls, twenty at a time.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < 50; i++) {
          await transaction(db, (tx) =>
            notifyOfReactions(social, tx, [{ postId: post, kind: 'like', count: 1 }]),
          );
        }
      }),
    );
    const first = await runGroupJob(post);
    expect(first).toHaveLength(1);
    expect(await inbox(author)).toMatchObject([
      {
        event: 'social.like',
        title: expect.stringMatching(/^liker\d+ and 999 others liked your post$/),
      },
    ]);
    await eventually(async () => expect(await mailTo(author)).toHaveLength(1));

    await likeBy(post, 1, 'late');
    await transaction(db, (tx) =>
      notifyOfReactions(social, tx, [{ postId: post, kind: 'like', count: 1 }]),
    );
    expect(await runGroupJob(post)).toHaveLength(2);
    expect((await inbox(author))[0]).toMatchObject({ title: 'late1 liked your post' });
    // In-app again, but no second email within the hour.
    expect(await emailJobs(author)).toBe(1);
  });
});

/** `count` new people named `<prefix><n>` like `post` (made with SQL: a thousand sign-ups is slow). */
async function likeBy(post: string, count: number, prefix: string) {
  await sql`
    WITH made AS (
      INSERT INTO users (id, email, name, password_hash)
      SELECT gen_random_uuid(), ${prefix} || n || '-' || gen_random_uuid() || '@example.com',
             ${prefix} || n, 'none'
      FROM generate_series(1, ${count}::int) n
      RETURNING id, name
    ), profiles AS (
      INSERT INTO social_profiles (user_id, handle, display_name)
      SELECT id, 'h' || left(md5(id::text), 29), name FROM made
      RETURNING id
    )
    INSERT INTO social_likes (post_id, profile_id) SELECT ${post}::bigint, id FROM profiles`.execute(
    db,
  );
}

/** Runs the post's waiting group job now (it is due a minute later); returns all its jobs. */
async function runGroupJob(post: string) {
  const { rows } = await sql<{ id: number; state: string }>`
    SELECT id, state FROM jobs WHERE unique_key = ${`social.notify-group:like:${post}`}
    ORDER BY id`.execute(db);
  const waiting = rows.filter((row) => row.state === 'available');
  expect(waiting).toHaveLength(1);
  const job = waiting[0] as { id: number };
  await core.jobs.reschedule(job.id, new Date());
  await waitForJobState(core.jobs, job.id, 'completed', 20_000);
  return rows;
}
