// Fan-out measures of bench/social.ts: one post to every follower of an account, timed from the
// post's commit (its `created_at`) to the last `social.fanout-batch` job's `finished_at` (the jobs
// table), the timelines holding it counted after; PostgreSQL's ceiling for the same rows (one
// `INSERT … SELECT`); and a hot account's post, timed to its first appearance in a follower's
// home read (merged at read, nothing written).
import type { Redis } from 'ioredis';
import pg from 'pg';
import { tokenOf } from './setup.ts';

/** Posts as the user with `token`; the new post's id. */
export async function postAs(url: string, token: string, text: string): Promise<string> {
  const response = await fetch(`${url}/v1/social/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (response.status !== 201) throw new Error(`post: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export interface Fanout {
  /** Timelines written (the followers not culled, and the author's own). */
  rows: number;
  /** Commit to the last batch's completion. */
  seconds: number;
  rowsPerSecond: number;
  batches: number;
}

/** A `pg` client for the duration of `use`. */
export async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The highest job id now: the fan-out's jobs are above it (a range scan, not the whole table). */
export async function lastJobId(client: pg.Client): Promise<string> {
  const { rows } = await client.query('SELECT coalesce(max(id), 0)::text AS id FROM jobs');
  return rows[0].id;
}

/**
 * Waits until the planner of `postId` and every batch it enqueued completed; the seconds from the
 * post's `created_at` to the last batch's `finished_at`, and the batches.
 */
export async function awaitFanout(
  client: pg.Client,
  postId: string,
  afterJob: string,
  timeoutMs: number,
): Promise<{ seconds: number; batches: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE kind = 'social.fanout' AND state = 'completed')::int AS planned,
              count(*) FILTER (WHERE kind = 'social.fanout-batch')::int AS batches,
              count(*) FILTER (WHERE kind = 'social.fanout-batch' AND state = 'completed')::int AS done,
              count(*) FILTER (WHERE state = 'dead')::int AS dead,
              extract(epoch FROM max(finished_at) - (SELECT created_at FROM social_posts
                                                      WHERE id = $1::text::bigint))::float AS seconds
         FROM jobs
        WHERE id > $2 AND kind IN ('social.fanout', 'social.fanout-batch')
          AND payload->>'postId' = $1::text`,
      [postId, afterJob],
    );
    const row = rows[0];
    if (row.dead > 0) throw new Error(`fan-out of ${postId}: ${row.dead} dead jobs`);
    if (row.planned === 1 && row.done === row.batches) {
      return { seconds: row.seconds, batches: row.batches };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fan-out of ${postId} not done within ${timeoutMs / 1000} s`);
}

/** How many timelines should hold a post of `authorId`: its live followers and itself. */
export async function expectedTimelines(client: pg.Client, authorId: string): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*)::int + 1 AS n FROM social_follows f
       JOIN social_profiles p ON p.id = f.follower_id AND p.home_state <> 'cold'
      WHERE f.followee_id = $1`,
    [authorId],
  );
  return rows[0].n;
}

/** The timelines holding `postId`: rows of `social_home_entries`, or Redis sets with its member. */
export async function timelinesHolding(
  client: pg.Client,
  postId: string,
  authorId: string,
  redis?: { client: Redis; prefix: string },
): Promise<number> {
  if (!redis) {
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM social_home_entries WHERE entry_id = $1',
      [postId],
    );
    return rows[0].n;
  }
  const { rows } = await client.query(
    `SELECT follower_id::text AS id FROM social_follows WHERE followee_id = $1
      UNION ALL SELECT $1::text`,
    [authorId],
  );
  const member = `${postId.padStart(20, '0')}:${postId.padStart(20, '0')}:${authorId}`;
  let holding = 0;
  for (let i = 0; i < rows.length; i += 10_000) {
    const batch = redis.client.pipeline();
    for (const row of rows.slice(i, i + 10_000)) batch.zscore(`${redis.prefix}${row.id}`, member);
    for (const [, score] of (await batch.exec()) ?? []) if (score !== null) holding++;
  }
  return holding;
}

/** Posts as `author` and times its fan-out; refuses a run whose timelines miss the post. */
export async function measureFanout(
  databaseUrl: string,
  url: string,
  author: { profileId: string; token: string },
  timeoutMs: number,
  redis?: { client: Redis; prefix: string },
): Promise<Fanout> {
  return withClient(databaseUrl, async (client) => {
    const afterJob = await lastJobId(client);
    const postId = await postAs(url, author.token, `Fan-out bench ${Date.now()}`);
    const { seconds, batches } = await awaitFanout(client, postId, afterJob, timeoutMs);
    const rows = await timelinesHolding(client, postId, author.profileId, redis);
    const expected = await expectedTimelines(client, author.profileId);
    if (rows !== expected) throw new Error(`fan-out of ${postId}: ${rows} of ${expected}`);
    return { rows, seconds, rowsPerSecond: rows / seconds, batches };
  });
}

/** PostgreSQL's ceiling: the same rows in one `INSERT … SELECT` (then taken out again). */
export async function measureCeiling(databaseUrl: string, authorId: string): Promise<Fanout> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query('SELECT social_id()::text AS id');
    const entryId = rows[0].id;
    const started = performance.now();
    const result = await client.query(
      `INSERT INTO social_home_entries (user_id, entry_id, origin_id, author_id)
       SELECT f.follower_id, $2, $2, $1 FROM social_follows f
         JOIN social_profiles p ON p.id = f.follower_id AND p.home_state <> 'cold'
        WHERE f.followee_id = $1`,
      [authorId, entryId],
    );
    const seconds = (performance.now() - started) / 1000;
    await client.query('DELETE FROM social_home_entries WHERE entry_id = $1', [entryId]);
    const inserted = result.rowCount ?? 0;
    return { rows: inserted, seconds, rowsPerSecond: inserted / seconds, batches: 1 };
  });
}

/**
 * A hot account's post: seconds from its commit to the first home read of follower `readerG`
 * that shows it on top (reads back to back).
 */
export async function measureHotVisible(
  databaseUrl: string,
  url: string,
  author: { token: string },
  readerG: number,
  timeoutMs: number,
): Promise<{ seconds: number; reads: number }> {
  const read = async () => {
    const response = await fetch(`${url}/v1/social/timelines/home?limit=20`, {
      headers: { authorization: `Bearer ${tokenOf(readerG)}` },
    });
    return (await response.json()) as { items?: { id: string }[] };
  };
  await read(); // a timeline the store lost (a new Redis) is rebuilt by this one, not timed
  const postId = await postAs(url, author.token, `Hot bench ${Date.now()}`);
  const deadline = Date.now() + timeoutMs;
  for (let reads = 1; Date.now() < deadline; reads++) {
    const page = await read();
    const seenAt = Date.now();
    if (page.items?.some((item) => item.id === postId)) {
      const createdAt = await withClient(databaseUrl, async (client) => {
        const { rows } = await client.query(
          'SELECT extract(epoch FROM created_at)::float * 1000 AS ms FROM social_posts WHERE id = $1',
          [postId],
        );
        return rows[0].ms as number;
      });
      return { seconds: (seenAt - createdAt) / 1000, reads };
    }
  }
  throw new Error(`hot post ${postId} not in follower ${readerG}'s home within ${timeoutMs} ms`);
}

/** Makes the hot account ordinary (or hot again): its next post is fanned out to every follower. */
export async function setHot(databaseUrl: string, authorId: string, hot: boolean, count: number) {
  await withClient(databaseUrl, async (client) => {
    // The count too: the periodic re-evaluation would set the flag back from it.
    await client.query('UPDATE social_profiles SET hot = $2 WHERE id = $1', [authorId, hot]);
    await client.query(
      'UPDATE social_counters SET value = $2 WHERE subject_id = $1 AND field = 5',
      [authorId, hot ? count : 0],
    );
  });
}
