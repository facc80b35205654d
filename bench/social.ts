// The microblog's benchmark (docs/design/microblog.md §13), in one run on one PostgreSQL: fan-out
// of one post to BENCH_FOLLOWERS followers (100,000) with the PostgreSQL and the Redis timeline
// store, beside PostgreSQL's ceiling for the same rows; an account of BENCH_HOT_FOLLOWERS
// (1,000,000) merged at read (time to a follower seeing its post) and, unless BENCH_FORCED=0, its
// post fanned out anyway; home timeline reads over HTTP with both stores beside bare Fastify; live
// delivery to 10,000 WebSocket followers; likes of one post; impressions; posts created. Meridian
// runs as `meridian serve` (its embedded PostgreSQL, or a fresh database on BENCH_DATABASE_URL),
// first with the PostgreSQL store, then restarted with REDIS_URL (BENCH_REDIS_URL, default
// redis://127.0.0.1:6379/14, flushed at the start and the end). Run: `npm run bench:social` or
// `npx meridian bench social` (`--json` for the figures only; BENCH_SECONDS per HTTP run, default
// 12). About 8 minutes. Progress on stderr; prints the table and rewrites the "Microblog" section
// of docs/benchmarks.md. A short smoke run: BENCH_SECONDS=2 BENCH_FOLLOWERS=5000.
import { Redis } from 'ioredis';
import { freshDatabase } from './inventory/setup.ts';
import { recordSection } from './results.ts';
import {
  databaseUrl,
  freshDatabaseLabel,
  loadAverage,
  machine,
  meridianDatabaseUrl,
  postmasterPid,
  revisionOf,
  startMeridian,
  stop,
  withBenchDir,
} from './servers.ts';
import {
  measureCeiling,
  measureFanout,
  measureHotVisible,
  postAs,
  setHot,
  withClient,
} from './social/fanout.ts';
import { measureLive } from './social/live.ts';
import {
  bareFastify,
  cpuGroups,
  httpRun,
  impressions,
  likes,
  progress,
  redisServerPid,
  withCpu,
} from './social/measures.ts';
import {
  missedAims,
  type Results,
  renderSection,
  renderTable,
  type StoreResults,
} from './social/report.ts';
import { type Community, createCommunity, posters, profileIds, tokenOf } from './social/setup.ts';

const json = process.argv.includes('--json');
const seconds = Number(process.env.BENCH_SECONDS ?? 12);
const followers = Number(process.env.BENCH_FOLLOWERS ?? 100_000);
const hotFollowers = Number(process.env.BENCH_HOT_FOLLOWERS ?? followers * 10);
const forced = process.env.BENCH_FORCED !== '0';
const liveClients = Math.min(10_000, followers);
const impressionViewers = Math.min(100_000, followers);
const port = 3911;
const barePort = 3912;
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const redisPrefix = 'meridian:bench-social:';
const fanoutTimeoutMs = 600_000;
/** How long the posts' fan-outs may run on after their run before the next measure starts. */
const drainTimeoutMs = 120_000;
const meridianEnv = {
  LOG_LEVEL: 'warn',
  // High enough never to refuse: the limiter runs on every request but no 429 skews ops/s.
  RATE_LIMIT_PER_MINUTE: '10000000',
  // Between the two authors: the wide one is fanned out, the hot one merged at read.
  SOCIAL_HOT_FOLLOWERS: String(Math.floor(hotFollowers / 2)),
  SOCIAL_REDIS_PREFIX: redisPrefix,
  ...(process.env.BENCH_JOB_QUEUES && { JOB_QUEUES: process.env.BENCH_JOB_QUEUES }),
};

/** Runs `use` against a Meridian started with `env`, its CPU groups set; stops it after. */
async function withMeridian<T>(
  dir: string,
  env: Record<string, string>,
  use: (url: string, database: string) => Promise<T>,
): Promise<T> {
  progress(`starting Meridian${env.REDIS_URL ? ' with REDIS_URL' : ''}…`);
  const meridian = await startMeridian(dir, port, { ...meridianEnv, ...env });
  try {
    const database = env.DATABASE_URL ?? (await meridianDatabaseUrl(meridian));
    const postmaster = env.DATABASE_URL ? undefined : await postmasterPid(meridian.clusterDir);
    const redisPid = redisServerPid();
    cpuGroups.current = {
      meridian: { roots: [meridian.child.pid ?? 0], alone: true },
      ...(postmaster
        ? {
            postgres: { roots: [postmaster] },
            'postgres, exited': { roots: [postmaster], reaped: true },
          }
        : {}),
      ...(redisPid && env.REDIS_URL ? { redis: { roots: [redisPid], alone: true } } : {}),
    };
    return await use(meridian.url, database);
  } finally {
    await stop(meridian.child);
  }
}

/**
 * Waits until no fan-out job is left to run; the seconds it took, or NaN past `timeoutMs` (the
 * measures after it then share the machine with the rest).
 */
async function fanoutsDrained(database: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  return withClient(database, async (client) => {
    while (performance.now() - started < timeoutMs) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM jobs
          WHERE kind LIKE 'social.fanout%' AND state IN ('available', 'running')`,
      );
      if (rows[0].n === 0) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Number.NaN;
  });
}

/** Each poster posts once (over HTTP); waits until every fan-out is done. Their post ids. */
async function postersPost(url: string, database: string): Promise<string[]> {
  const ids: string[] = [];
  for (let g = hotFollowers + 1; g <= hotFollowers + posters; g++) {
    ids.push(await postAs(url, tokenOf(g), `Poster ${g} says hello to #bench readers`));
  }
  if (!Number.isFinite(await fanoutsDrained(database, 60_000))) {
    throw new Error('the posters’ fan-outs did not end within 60 s');
  }
  return ids;
}

/** What is measured with each store: fan-out, a hot account's post, home reads. */
async function storeMeasures(
  url: string,
  database: string,
  community: Community,
  redis?: Redis,
): Promise<StoreResults> {
  const store = redis ? 'Redis' : 'PostgreSQL';
  progress(`fan-out of one post to ${followers.toLocaleString('en')} followers (${store} store)…`);
  const target = redis ? { client: redis, prefix: `${redisPrefix}home:` } : undefined;
  const fanout = await withCpu(async () => {
    const figure = await measureFanout(database, url, community.wide, fanoutTimeoutMs, target);
    return { ...figure, ops: figure.rows };
  });
  progress(
    `  ${fanout.rows} timelines in ${fanout.seconds.toFixed(2)} s (${Math.round(fanout.rowsPerSecond)} rows/s, ${fanout.batches} batches)`,
  );
  progress(
    `a hot account's post (${hotFollowers.toLocaleString('en')} followers), merged at read…`,
  );
  const hotVisible = await measureHotVisible(database, url, community.hot, 1, 60_000);
  progress(`  visible after ${hotVisible.seconds.toFixed(2)} s (${hotVisible.reads} reads)`);
  // One reader at a time first: a reader without a stored timeline (every reader of a new Redis)
  // has it rebuilt by its first read, and 50 rebuilds at once exhaust Meridian's pool (each holds
  // a connection for its advisory lock while it queries on others).
  for (let g = 1; g <= posters; g++) await homeRead(url, g);
  progress(`home reads (${store} store), ${seconds} s:`);
  const home = await httpRun(
    `home reads, ${store}`,
    { url, kind: 'home', first: 1, users: posters },
    seconds,
  );
  return { fanout, hotVisible, home };
}

/** One home page read as user `g`; refuses an answer other than 200. */
async function homeRead(url: string, g: number): Promise<void> {
  const response = await fetch(`${url}/v1/social/timelines/home?limit=20`, {
    headers: { authorization: `Bearer ${tokenOf(g)}` },
  });
  if (response.status !== 200)
    throw new Error(`home read: ${response.status} ${await response.text()}`);
  const page = (await response.json()) as { items: unknown[] };
  if (page.items.length < 20) throw new Error(`user ${g}'s home holds ${page.items.length} posts`);
}

/** The hot account's post fanned out anyway (its flag cleared meanwhile). */
async function forcedFanout(url: string, database: string, community: Community) {
  progress(`forced fan-out to ${hotFollowers.toLocaleString('en')} followers (PostgreSQL store)…`);
  await setHot(database, community.hot.profileId, false, hotFollowers);
  try {
    const figure = await withCpu(async () => {
      const fanout = await measureFanout(database, url, community.hot, fanoutTimeoutMs);
      return { ...fanout, ops: fanout.rows };
    });
    progress(`  ${figure.rows} timelines in ${figure.seconds.toFixed(2)} s`);
    return figure;
  } finally {
    await setHot(database, community.hot.profileId, true, hotFollowers);
  }
}

/** Everything measured with the PostgreSQL store (and once only), setting the community up. */
async function postgresPhase(dir: string, url: string, database: string) {
  const community = await createCommunity(database, followers, hotFollowers);
  const posterPosts = await postersPost(url, database);
  const postgres = await storeMeasures(url, database, community);
  progress("PostgreSQL's ceiling (one INSERT … SELECT, pg)…");
  const ceiling = await measureCeiling(database, community.wide.profileId);
  progress(`  ${ceiling.rows} rows in ${ceiling.seconds.toFixed(2)} s`);
  progress('bare Fastify:');
  const bare = await bareFastify(dir, barePort, seconds);
  progress(`live delivery to ${liveClients} WebSocket followers…`);
  const live = await measureLive(database, url, community.wide, liveClients);
  progress(
    live.skipped
      ? `  not measured: ${live.skipped}`
      : `  ${live.received} received: p50 ${Math.round(live.p50)}, p99 ${Math.round(live.p99)}, max ${Math.round(live.max)} ms`,
  );
  progress(`likes of one post, ${seconds} s:`);
  const liked = await likes(database, url, posterPosts[0] as string, followers, seconds);
  progress(`impressions (recorder in its own process), ${seconds} s:`);
  const viewers = await profileIds(database, 1, impressionViewers);
  const seen = await impressions(dir, database, viewers, posterPosts, seconds);
  progress(`posts created, ${seconds} s:`);
  const created = await httpRun(
    'posts',
    { url, kind: 'post', first: 1, users: followers },
    seconds,
  );
  const drainSeconds = await fanoutsDrained(database, drainTimeoutMs);
  progress(`  their fan-outs done ${drainSeconds.toFixed(1)} s after the run`);
  const posts = { ...created, drainSeconds };
  const forcedFigure = forced ? await forcedFanout(url, database, community) : undefined;
  return {
    community,
    results: {
      postgres,
      ceiling,
      bare,
      live,
      likes: liked,
      impressions: seen,
      posts,
      forced: forcedFigure,
    },
  };
}

async function main(dir: string): Promise<void> {
  if (hotFollowers < 2 * followers)
    throw new Error('BENCH_HOT_FOLLOWERS must be ≥ 2 × BENCH_FOLLOWERS');
  const loadBefore = loadAverage();
  const revision = revisionOf();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  const fresh = databaseUrl ? await freshDatabase(databaseUrl, 'social') : undefined;
  const env: Record<string, string> = fresh ? { DATABASE_URL: fresh.url } : {};
  let results: Results;
  try {
    const { community, results: once } = await withMeridian(dir, env, (url, database) =>
      postgresPhase(dir, url, database),
    );
    const redisStore = await withMeridian(dir, { ...env, REDIS_URL: redisUrl }, (url, database) =>
      storeMeasures(url, database, community, redis),
    );
    results = { followers, hotFollowers, ...once, redis: redisStore };
  } finally {
    await fresh?.drop();
    await redis.flushdb().catch(() => undefined);
    redis.disconnect();
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ loadBefore, revision, ...results })}\n`);
  } else {
    console.log(`\n${renderTable(results)}\n`);
    const missed = missedAims(results);
    console.log(missed.length === 0 ? 'Every aim met.' : `Aims missed: ${missed.join('; ')}`);
  }
  await recordSection(
    'social',
    renderSection(results, {
      machine: await machine(),
      revision,
      loadBefore,
      database: freshDatabaseLabel,
      seconds,
    }),
  );
}

await withBenchDir(main);
