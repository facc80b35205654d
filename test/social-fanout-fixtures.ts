import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import { fanoutJob } from '../src/social/fanout.ts';
import type { SocialId } from '../src/social/ids.ts';
import type { Social } from '../src/social/social.ts';

// What the fan-out and home timeline tests share: crowds of followers made server-side (20,000
// sign-ups through the API would be the test), posts inserted as rows (the posts routes are
// another file's), and where an entry is stored. Timeline rows are read through the store,
// except the one count a 20,000-reader check needs, which is SQL for the PostgreSQL store.

/**
 * Makes `count` users and profiles (handles `<prefix><n>`) following `authorId`; every
 * `coldEvery`-th one culled. Returns the followers' profile ids.
 */
export async function crowd(
  db: Db,
  options: { authorId: SocialId; count: number; prefix: string; coldEvery?: number },
): Promise<{ live: SocialId[]; cold: SocialId[] }> {
  const { authorId, count, prefix, coldEvery = 0 } = options;
  const { rows } = await sql<{ id: SocialId; home_state: string }>`
    WITH made AS (
      INSERT INTO users (id, email, name, password_hash)
      SELECT gen_random_uuid(), ${prefix} || i || '@example.test', ${prefix} || i, 'unusable'
        FROM generate_series(1, ${count}) i
      RETURNING id, name),
    profiles AS (
      INSERT INTO social_profiles (user_id, handle, home_state)
      SELECT id, name,
             CASE WHEN ${coldEvery} > 0
                   AND substring(name FROM '[0-9]+$')::int % ${coldEvery} = 0
                  THEN 'cold' ELSE 'live' END
        FROM made
      RETURNING id, home_state),
    follows AS (
      INSERT INTO social_follows (followee_id, follower_id)
      SELECT ${authorId}::bigint, id FROM profiles)
    SELECT id::text AS id, home_state FROM profiles`.execute(db);
  return {
    live: rows.filter((row) => row.home_state !== 'cold').map((row) => row.id),
    cold: rows.filter((row) => row.home_state === 'cold').map((row) => row.id),
  };
}

/** `followerId` follows each of `followeeIds`. */
export async function follow(db: Db, followerId: SocialId, ...followeeIds: SocialId[]) {
  await sql`
    INSERT INTO social_follows (followee_id, follower_id)
    SELECT unnest(${followeeIds}::bigint[]), ${followerId}::bigint
    ON CONFLICT DO NOTHING`.execute(db);
}

/** Inserts a post as the posts code would (a reply, a repost, or a root); returns its id. */
export async function insertPost(
  db: Db,
  authorId: SocialId,
  options: { text?: string; replyTo?: SocialId; repostOf?: SocialId } = {},
): Promise<SocialId> {
  const replyTo = options.replyTo ?? null;
  const { rows } = await sql<{ id: SocialId }>`
    WITH made AS (SELECT social_id() AS id),
    parent AS (SELECT author_id, conversation_id FROM social_posts WHERE id = ${replyTo}::bigint)
    INSERT INTO social_posts
      (id, author_id, text, reply_to_id, reply_to_author, conversation_id, repost_of_id)
    SELECT made.id, ${authorId}::bigint,
           ${options.repostOf ? '' : (options.text ?? 'hello')},
           ${replyTo}::bigint, (SELECT author_id FROM parent),
           coalesce((SELECT conversation_id FROM parent), made.id),
           ${options.repostOf ?? null}::bigint
      FROM made
    RETURNING id::text AS id`.execute(db);
  return (rows[0] as { id: SocialId }).id;
}

/** Inserts a post and enqueues its fan-out, as the post's transaction does. */
export async function post(
  social: Social,
  authorId: SocialId,
  options: Parameters<typeof insertPost>[2] = {},
): Promise<SocialId> {
  const id = await insertPost(social.core.database.db, authorId, options);
  await social.core.jobs.enqueue(fanoutJob.spec({ postId: id }));
  return id;
}

/** Marks a post deleted (a tombstone), as the delete does. */
export async function tombstone(db: Db, postId: SocialId): Promise<void> {
  await sql`
    UPDATE social_posts SET deleted_at = now(), text = '' WHERE id = ${postId}`.execute(db);
}

/** The entry ids of `userId`'s stored timeline, newest first (none: no timeline). */
export async function storedIds(social: Social, userId: SocialId): Promise<SocialId[] | undefined> {
  const page = await social.timelines.page(userId, { limit: 1_000 });
  return page?.map((entry) => entry.entryId);
}

/**
 * How many of `userIds` hold `entryId`, and how many times in all (PostgreSQL: the rows; Redis:
 * each reader's page).
 */
export async function holders(social: Social, entryId: SocialId, userIds: SocialId[]) {
  if (social.timelines.kind === 'postgres') {
    const { rows } = await sql<{ readers: string; rows: string }>`
      SELECT count(DISTINCT user_id) AS readers, count(*) AS rows FROM social_home_entries
       WHERE entry_id = ${entryId} AND user_id = ANY(${userIds}::bigint[])`.execute(
      social.core.database.db,
    );
    const row = rows[0] as { readers: string; rows: string };
    return { readers: Number(row.readers), rows: Number(row.rows) };
  }
  let readers = 0;
  let count = 0;
  for (let i = 0; i < userIds.length; i += 200) {
    const pages = await Promise.all(userIds.slice(i, i + 200).map((id) => storedIds(social, id)));
    for (const ids of pages) {
      const n = (ids ?? []).filter((id) => id === entryId).length;
      count += n;
      if (n > 0) readers++;
    }
  }
  return { readers, rows: count };
}

/** Sets the followers counter of `profileId` (field 5), as the fold would have it. */
export async function setFollowersCount(db: Db, profileId: SocialId, value: number) {
  await sql`
    INSERT INTO social_counters (subject_id, field, value) VALUES (${profileId}, 5, ${value})
    ON CONFLICT (subject_id, field) DO UPDATE SET value = excluded.value`.execute(db);
}

/**
 * Gives each of `userIds` an empty stored timeline, as a first home read would. PostgreSQL: a
 * new profile has one already (`home_state` live). Redis: a reader has none until a rebuild.
 */
export async function openTimelines(social: Social, userIds: SocialId[]): Promise<void> {
  if (social.timelines.kind === 'postgres') return;
  for (let i = 0; i < userIds.length; i += 500)
    await Promise.all(userIds.slice(i, i + 500).map((id) => social.timelines.replace(id, [])));
}
