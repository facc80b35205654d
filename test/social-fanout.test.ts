import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectDatabase, type Database } from '../src/platform/db/database.ts';
import type { SocialId } from '../src/social/ids.ts';
import { ensureProfileId } from '../src/social/store/profiles.ts';
import { apiClient, createTestDatabase, signUp, silentLog } from './helpers.ts';
import { killLeftovers, type MeridianProcess, startMeridian } from './processes.ts';
import { crowd } from './social-fanout-fixtures.ts';

// Fan-out across processes: two real Meridians share one database and both run the `social`
// queue, so one post's batches are spread over both. Every live follower of 20,000 must hold the
// post exactly once, the culled none, both when the batches run in both processes and when one
// process is killed (SIGKILL) in the middle of a fan-out, its batches rescued and run again by
// the other. The PostgreSQL store (the rows are what is counted).

let processes: MeridianProcess[];
let database: Database;
let env: Record<string, string>;

beforeAll(async () => {
  env = {
    DATABASE_URL: await createTestDatabase(),
    DATABASE_POOL_SIZE: '8',
    RATE_LIMIT_PER_MINUTE: '0',
    REDIS_URL: '',
    LOG_LEVEL: 'debug',
    // Small batches, few at a time: a post is many jobs, so both processes get some.
    SOCIAL_FANOUT_BATCH: '500',
    JOB_QUEUES: 'default:4,social:2',
    // A killed worker's jobs go back to the queue within seconds.
    JOB_LEASE_SECONDS: '3',
  };
  processes = await Promise.all([startMeridian(env), startMeridian(env)]);
  database = connectDatabase(env.DATABASE_URL as string, 4, silentLog);
});

afterAll(async () => {
  await Promise.all(
    (processes ?? []).map(async (p) => {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      await p.exited;
    }),
  );
  await killLeftovers();
  await database?.close();
});

const db = () => database.db;
const first = () => processes[0] as MeridianProcess;

/** A signed-up author (on the first process) followed by 20,000, every tenth culled. */
async function authorWithCrowd(prefix: string) {
  const api = apiClient(first().url);
  const user = await signUp(api, prefix);
  const profileId = await ensureProfileId(db(), user.id);
  const followers = await crowd(db(), {
    authorId: profileId,
    count: 20_000,
    prefix,
    coldEvery: 10,
  });
  const postAs = async (text: string) => {
    const made = await api('POST', '/v1/social/posts', { token: user.token, body: { text } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body.id as SocialId;
  };
  return { profileId, followers, postAs };
}

/** Readers holding `postId` among `userIds`, and its rows: equal when each holds it once. */
async function holders(postId: SocialId, userIds: SocialId[]) {
  const { rows } = await sql<{ readers: number; rows: number }>`
    SELECT count(DISTINCT user_id)::int AS readers, count(*)::int AS rows
      FROM social_home_entries
     WHERE entry_id = ${postId} AND user_id = ANY(${userIds}::bigint[])`.execute(db());
  return rows[0] as { readers: number; rows: number };
}

/** Waits until every batch of `postIds` completed, then checks who holds each post. */
async function expectExactlyOnce(postIds: SocialId[], live: SocialId[], cold: SocialId[]) {
  await vi.waitFor(
    async () => {
      const { rows } = await sql<{ unfinished: number }>`
        SELECT count(*)::int AS unfinished FROM jobs
         WHERE kind IN ('social.fanout', 'social.fanout-batch') AND state <> 'completed'`.execute(
        db(),
      );
      expect(rows[0]?.unfinished).toBe(0);
    },
    { timeout: 120_000, interval: 200 },
  );
  for (const postId of postIds) {
    expect(await holders(postId, live)).toEqual({ readers: live.length, rows: live.length });
    expect(await holders(postId, cold)).toEqual({ readers: 0, rows: 0 });
  }
}

/** How many fan-out batches each process wrote (their debug lines). */
const batchesRun = (postId: SocialId) =>
  processes.map(
    (p) =>
      p.logs.filter((line) => line.msg === 'fan-out batch written' && line.postId === postId)
        .length,
  );

describe('fan-out across two processes', () => {
  it('runs one post’s batches in both, and each live follower holds it once', async () => {
    const { followers, postAs } = await authorWithCrowd('two');
    const started = performance.now();
    const postId = await postAs('to twenty thousand');
    await expectExactlyOnce([postId], followers.live, followers.cold);
    console.info(
      `fan-out to ${followers.live.length} live followers over 2 processes: ${Math.round(performance.now() - started)} ms`,
    );
    const perProcess = batchesRun(postId);
    // 20,000 followers in batches of 500: 40 ranges and the open last one.
    expect(perProcess.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(41);
    expect(
      perProcess.every((count) => count > 0),
      `batches per process: ${perProcess}`,
    ).toBe(true);
  });

  it('still writes each entry once when a worker is killed in the middle', async () => {
    const { followers, postAs } = await authorWithCrowd('kill');
    const victim = processes[1] as MeridianProcess;
    const victimId = await instanceIdOf(victim);
    const postIds = await Promise.all([1, 2, 3, 4, 5].map((n) => postAs(`post ${n}`)));
    // Killed while it holds a fan-out job, if it gets one before they are all done.
    const caught = await waitForRunningJob(victimId);
    victim.child.kill('SIGKILL');
    await victim.exited;
    await expectExactlyOnce(postIds, followers.live, followers.cold);
    const { rows } = await sql<{ rerun: number }>`
      SELECT count(*)::int AS rerun FROM jobs
       WHERE kind IN ('social.fanout', 'social.fanout-batch') AND attempt > 1`.execute(db());
    console.info(
      `killed ${caught ? 'while running a fan-out job' : 'after the fan-out'}; ${rows[0]?.rerun} job(s) rescued and run again`,
    );
    if (caught) expect(rows[0]?.rerun).toBeGreaterThan(0);
  });
});

/** The `instances` id a process registered under (its jobs' `worker_id`). */
async function instanceIdOf(process: MeridianProcess): Promise<string> {
  return vi.waitFor(
    async () => {
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM instances WHERE pid = ${process.child.pid as number}
         ORDER BY started_at DESC LIMIT 1`.execute(db());
      expect(rows[0]).toBeDefined();
      return (rows[0] as { id: string }).id;
    },
    { timeout: 20_000, interval: 100 },
  );
}

/** Waits (briefly) until `workerId` runs a fan-out job; returns whether it saw one. */
async function waitForRunningJob(workerId: string): Promise<boolean> {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM jobs
       WHERE kind IN ('social.fanout', 'social.fanout-batch') AND state = 'running'
         AND worker_id = ${workerId}::uuid`.execute(db());
    if ((rows[0]?.n ?? 0) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}
