// The microblog benchmark's table and its section of docs/benchmarks.md: each measure beside the
// design's aim, the PostgreSQL ceiling or bare Fastify where one exists, and the peers' figures,
// quoted (not run).
import os from 'node:os';
import type { Fanout } from './fanout.ts';
import type { LiveFigure } from './live.ts';

/** CPU per operation, µs, of Meridian, its PostgreSQL and Redis (NaN when not read). */
export interface Cpu {
  meridian: number;
  postgres: number;
  redis: number;
}

export interface Http {
  opsPerSecond: number;
  p50: number;
  p99: number;
  ops: number;
  cpu: Cpu;
}

export interface StoreResults {
  fanout: Fanout & { cpu: Cpu };
  hotVisible?: { seconds: number; reads: number };
  home: Http;
}

export interface Results {
  followers: number;
  hotFollowers: number;
  postgres: StoreResults;
  redis?: StoreResults;
  ceiling: Fanout;
  forced?: Fanout & { cpu: Cpu };
  bare: Http;
  live: LiveFigure;
  likes: Http & { rows: number; exact: boolean };
  impressions: { pairs: number; counted: number; seconds: number; perSecond: number; cpu: Cpu };
  /** From the end of the posts run until their last fan-out job was done (NaN: timed out). */
  posts: Http & { drainSeconds: number };
}

const n = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–';
const s = (seconds: number) => (Number.isFinite(seconds) ? `${seconds.toFixed(2)} s` : '–');
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const cpu = (c?: Cpu) =>
  c
    ? `${n(c.meridian)} / ${n(c.postgres)}${Number.isFinite(c.redis) ? ` / ${n(c.redis)}` : ''}`
    : '–';
const fanoutCell = (f?: Fanout) => (f ? `${s(f.seconds)} (${n(f.rowsPerSecond)} rows/s)` : '–');
const httpCell = (h?: Http) =>
  h ? `${n(h.opsPerSecond)}/s, p50 ${ms(h.p50)}, p99 ${ms(h.p99)} ms` : '–';
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');

/** The figures' table (markdown). */
export function renderTable(r: Results): string {
  const { postgres: pgStore, redis } = r;
  const followers = r.followers.toLocaleString('en');
  const million = r.hotFollowers.toLocaleString('en');
  const live = r.live.skipped
    ? `not measured: ${r.live.skipped}`
    : `${n(r.live.received)} of ${n(r.live.clients)}: p50 ${n(r.live.p50)}, p99 ${n(r.live.p99)}, max ${n(r.live.max)} ms`;
  const rows = [
    [
      `fan-out, ${followers} followers: commit → last batch done`,
      fanoutCell(pgStore.fanout),
      fanoutCell(redis?.fanout),
      '< 5 s at 100k',
      `ceiling ${ratio(pgStore.fanout.rowsPerSecond, r.ceiling.rowsPerSecond)} / ${ratio(redis?.fanout.rowsPerSecond ?? Number.NaN, r.ceiling.rowsPerSecond)}`,
      `${cpu(pgStore.fanout.cpu)} (Redis ${cpu(redis?.fanout.cpu)}) per row`,
      'Mastodon: 30 min at 20k (#17856); Twitter: 5 s target; Bluesky: p99 < 10 s',
    ],
    [
      `PostgreSQL's ceiling: one \`INSERT … SELECT\` of the same rows`,
      fanoutCell(r.ceiling),
      '',
      'reference',
      '1.00',
      '',
      '',
    ],
    [
      `${million} followers, hot (merged at read): commit → first home read showing it`,
      pgStore.hotVisible ? s(pgStore.hotVisible.seconds) : '–',
      redis?.hotVisible ? s(redis.hotVisible.seconds) : '–',
      'report',
      '',
      'no timeline written',
      'Bluesky: 2M in 20 min sequential, 1.2 s 1,000-way parallel',
    ],
    [
      `${million} followers, forced fan-out`,
      fanoutCell(r.forced),
      'not run',
      'report',
      `ceiling ${ratio(r.forced?.rowsPerSecond ?? Number.NaN, r.ceiling.rowsPerSecond)}`,
      `${cpu(r.forced?.cpu)} per row`,
      '',
    ],
    [
      'home timeline read, `limit=20`, 50 connections',
      httpCell(pgStore.home),
      httpCell(redis?.home),
      '≥ 10,000/s, p99 < 20 ms',
      `bare Fastify ${ratio(pgStore.home.opsPerSecond, r.bare.opsPerSecond)} / ${ratio(redis?.home.opsPerSecond ?? Number.NaN, r.bare.opsPerSecond)}`,
      `${cpu(pgStore.home.cpu)} (Redis ${cpu(redis?.home.cpu)}) per read`,
      'Twitter: 300k/s cluster-wide',
    ],
    ['bare Fastify `GET /`, 50 connections', httpCell(r.bare), '', 'reference', '1.00', '', ''],
    [
      `live delivery to ${n(r.live.clients)} WebSocket followers: commit → receipt`,
      live,
      '',
      'p99 < 1 s',
      '',
      '',
      'Twitter: 5 s',
    ],
    [
      'likes of one post, a different user each',
      `${httpCell(r.likes)}; ${n(r.likes.rows)} rows, count ${r.likes.exact ? 'exact' : 'WRONG'}`,
      '',
      '≥ 5,000/s',
      '',
      `${cpu(r.likes.cpu)} per like`,
      'brief 003: 11,600/s',
    ],
    [
      'impressions counted (recorder + flush, own process)',
      `${n(r.impressions.perSecond)}/s (${n(r.impressions.counted)} of ${n(r.impressions.pairs)} pairs)`,
      '',
      '≥ 50,000/s',
      '',
      `– / ${n(r.impressions.cpu.postgres)} per impression`,
      'brief 003: 58,000/s',
    ],
    [
      'posts created, 50 connections, a different user each',
      `${httpCell(r.posts)}; fan-outs done ${Number.isFinite(r.posts.drainSeconds) ? s(r.posts.drainSeconds) : '> 120 s'} after`,
      '',
      '≥ 2,000/s',
      '',
      `${cpu(r.posts.cpu)} per post`,
      'Twitter: 4,600/s (2013)',
    ],
  ];
  return [
    '| Measure | PostgreSQL store | Redis store | Aim | Ratio (PG / Redis) | CPU µs per op, Meridian / PostgreSQL (/ Redis) | Peers (quoted, not run) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The aims missed, one line each (an empty list: all met). */
export function missedAims(r: Results): string[] {
  const missed: string[] = [];
  const check = (ok: boolean, line: string) => ok || missed.push(line);
  if (r.followers >= 100_000) {
    check(r.postgres.fanout.seconds < 5, `fan-out (PostgreSQL): ${s(r.postgres.fanout.seconds)}`);
    if (r.redis) check(r.redis.fanout.seconds < 5, `fan-out (Redis): ${s(r.redis.fanout.seconds)}`);
  }
  for (const [store, res] of [
    ['PostgreSQL', r.postgres],
    ['Redis', r.redis],
  ] as const) {
    if (!res) continue;
    check(res.home.opsPerSecond >= 10_000, `home reads (${store}): ${n(res.home.opsPerSecond)}/s`);
    check(res.home.p99 < 20, `home reads p99 (${store}): ${ms(res.home.p99)} ms`);
  }
  if (!r.live.skipped) check(r.live.p99 < 1000, `live delivery p99: ${n(r.live.p99)} ms`);
  check(r.likes.opsPerSecond >= 5_000, `likes: ${n(r.likes.opsPerSecond)}/s`);
  check(r.impressions.perSecond >= 50_000, `impressions: ${n(r.impressions.perSecond)}/s`);
  check(r.posts.opsPerSecond >= 2_000, `posts: ${n(r.posts.opsPerSecond)}/s`);
  return missed;
}

/**
 * What bounds the request figures: the CPU each operation costs Meridian and PostgreSQL (the
 * table's column) allows at most this many a second on the machine's cores, before the load
 * generator takes its share.
 */
function cpuBound(r: Results): string {
  const cores = os.cpus().length;
  const most = (http: Http) =>
    n((cores * 1_000_000) / (http.cpu.meridian + http.cpu.postgres + (http.cpu.redis || 0)));
  return `What bounds the request figures is CPU, not waiting: at the CPU per operation above, the
${cores} cores of this machine could serve at most ${most(r.postgres.home)} home reads, ${most(r.likes)} likes or
${most(r.posts)} posts a second if nothing else ran on them (the load generator takes a share). A home
read is three round trips to PostgreSQL (the stored page, the hot accounts' posts merged in, the
page's states: visibility, counts, the viewer's marks, one function), each planned once per
connection; 10,000 reads a second on two cores would need all of it under 200 µs, which a read
that asks PostgreSQL anything does not reach here: that aim needs the reads served from memory
(Twitter's timeline cache) or more cores (Meridian's processes are stateless: they scale out, and
a read replica takes the reads). Each like and each post here is by a user never seen before:
its token, its profile and its first activity are read or written on the way, as for a user
coming back; a post is also its fan-out job (claimed, run, completed) and its event.`;
}

export interface Context {
  machine: string;
  revision: string;
  loadBefore: string;
  database: string;
  seconds: number;
}

/** The section of docs/benchmarks.md. */
export function renderSection(r: Results, c: Context): string {
  const missed = missedAims(r);
  return `## Microblog (\`bench/social.ts\`)

${c.machine}; Redis on 127.0.0.1 (db 14); revision ${c.revision}; 1-minute load average
${c.loadBefore} at the start. Meridian, PostgreSQL, Redis and the load generators share the cores:
compare the ratios, not the absolute figures.

${renderTable(r)}

${missed.length === 0 ? 'Every aim was met in this run.' : `Aims missed in this run: ${missed.join('; ')}.`}

${cpuBound(r)}

How each figure is made, in one run on ${c.database}, one Meridian (\`meridian serve\`,
\`LOG_LEVEL=warn\`, \`RATE_LIMIT_PER_MINUTE=10000000\`) with the PostgreSQL timeline store, then the
same Meridian restarted with \`REDIS_URL\` (same database) for the Redis column:

- People are made by SQL (\`INSERT … SELECT generate_series\`): ${r.hotFollowers.toLocaleString('en')}
  users with profiles (one in twenty culled: fan-out skips them), tokens for the first
  ${r.followers.toLocaleString('en')}; an author followed by ${r.followers.toLocaleString('en')}
  of them, a hot one (flag and followers count set) followed by all, and 50 posters followed by
  the first 50 users, whose 50 posts (made over HTTP) fill the readers' timelines.
- Fan-out: one post over HTTP; from its \`created_at\` to the \`finished_at\` of its last
  \`social.fanout-batch\` job (jobs table), then the timelines holding it are counted (rows, or
  Redis sets with its member) and must equal the live followers plus the author. The ceiling is
  one \`INSERT INTO social_home_entries … SELECT … FROM social_follows\` of the same rows, timed
  with \`pg\` (then deleted): one backend, where the batches run 16 at a time, so a ratio above 1
  is possible. The forced fan-out is the hot author's post with its flag cleared.
- Hot: the hot author posts; a follower reads its home page back to back until the post is on
  it; the time from the post's \`created_at\` to that answer.
- HTTP runs: autocannon in its own process, 50 connections, ${c.seconds} s after a 2 s warm-up,
  every request with the next user's token (home reads: the 50 readers; likes and posts: users
  1..${r.followers.toLocaleString('en')}, a like or post each). After the likes, the counter fold
  is awaited and the post's count compared with its rows; after the posts, their fan-out jobs
  (up to 120 s), so that the next measure does not share the machine with them.
- Live: followers connected over WebSocket, each with its own token and its own
  \`social:home-<profile id>\` topic (bench/social/live-clients.ts, 2 processes); the author
  posts; each receipt of \`post.created\` minus the post's \`created_at\`.
- Impressions: Meridian's \`ImpressionRecorder\` in a process of its own (its own pool), fed 20
  posts per viewer as home reads would, flushed each 20,000 pairs, for ${c.seconds} s; counted
  is what the database added (first sightings), per second to the last flush's commit.
- CPU per op: user + system time of Meridian's process, of the PostgreSQL server's processes
  and (Redis store) of \`redis-server\` over the run (/proc), divided by the operations (rows for
  fan-out). Redis's figure counts whatever else that server did meanwhile.

Rerun with \`npm run bench:social\` or \`npx meridian bench social\` (about 8 minutes;
BENCH_SECONDS, BENCH_FOLLOWERS, BENCH_HOT_FOLLOWERS, BENCH_FORCED=0 to skip the forced fan-out,
BENCH_DATABASE_URL for a running PostgreSQL); it rewrites this section.`;
}
