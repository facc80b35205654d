// The measures of bench/social.ts that are runs of load: HTTP by autocannon in its own process
// (home reads, likes, posts, bare Fastify), the likes' exact count after the fold, and the
// impressions process; each with the CPU per operation of Meridian and its PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Group, measureCpu, microsecondsEach } from '../scheduler/cpu.ts';
import {
  autocannonCli,
  autocannon as runAutocannon,
  start,
  stop,
  waitUntilUp,
} from '../servers.ts';
import { withClient } from './fanout.ts';
import type { ImpressionFigures, ImpressionOptions } from './impressions.ts';
import type { LoadOptions } from './load.ts';
import type { Cpu, Http, Results } from './report.ts';

export const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The processes whose CPU each run reads: Meridian's and its PostgreSQL's (set per Meridian). */
export const cpuGroups: { current: Record<string, Group> } = { current: {} };

/** Runs `load` and adds the CPU each of its `ops` cost Meridian and PostgreSQL (µs). */
export async function withCpu<F extends { ops: number }>(
  load: () => Promise<F>,
): Promise<F & { cpu: Cpu }> {
  const measuring = measureCpu(() => cpuGroups.current);
  const figure = await load();
  const split = measuring.end();
  const each = (group: string) => microsecondsEach(split, group, figure.ops);
  const postgres = each('postgres') + (each('postgres, exited') || 0);
  return { ...figure, cpu: { meridian: each('meridian'), postgres, redis: each('redis') } };
}

/** The pid of the Redis server on this machine, if one runs here (its CPU is then read too). */
export function redisServerPid(): number | undefined {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'redis-server') return Number(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

const connections = 50;
const warmupSeconds = 2;

/** One autocannon run of bench/social/load.ts (after a warm-up), with its CPU per request. */
export async function httpRun(
  name: string,
  options: Omit<LoadOptions, 'connections' | 'seconds'>,
  seconds: number,
  warmup = true,
): Promise<Http> {
  const run = (duration: number) =>
    runAutocannon(name, [
      'bench/social/load.ts',
      JSON.stringify({ ...options, connections, seconds: duration }),
    ]);
  if (warmup) await run(warmupSeconds);
  const figure = await withCpu(async () => {
    const { result, p50, p99 } = await run(seconds);
    const ops = result.requests.total;
    return { ops, opsPerSecond: ops / result.duration, p50, p99 };
  });
  describe(name, figure);
  return figure;
}

export function describe(name: string, figure: Http): void {
  progress(
    `  ${name}: ${Math.round(figure.opsPerSecond)}/s, p50 ${figure.p50.toFixed(1)} ms, ` +
      `p99 ${figure.p99.toFixed(1)} ms; CPU per op: Meridian ${Math.round(figure.cpu.meridian)} µs, ` +
      `PostgreSQL ${Math.round(figure.cpu.postgres)} µs`,
  );
}

/** Bare Fastify (bench/bare-fastify.ts) under the same load: the home reads' denominator. */
export async function bareFastify(dir: string, port: number, seconds: number): Promise<Http> {
  const logFile = path.join(dir, 'bare.log');
  const bare = start(['bench/bare-fastify.ts'], { PORT: `${port}` }, logFile);
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitUntilUp(url, bare, logFile);
    const args = (duration: number) => [
      autocannonCli,
      '-j',
      '-c',
      `${connections}`,
      '-d',
      `${duration}`,
      url,
    ];
    await runAutocannon('bare Fastify', args(warmupSeconds));
    const { result, p50, p99 } = await runAutocannon('bare Fastify', args(seconds));
    const ops = result.requests.total;
    const none = { meridian: Number.NaN, postgres: Number.NaN, redis: Number.NaN };
    const figure = { ops, opsPerSecond: ops / result.duration, p50, p99, cpu: none };
    describe('bare Fastify', figure);
    return figure;
  } finally {
    await stop(bare);
  }
}

/**
 * Likes of `postId` by users 1..`users`, a different one each request; then waits for the fold
 * (no pending delta left for the post) and compares the count with the rows.
 */
export async function likes(
  databaseUrl: string,
  url: string,
  postId: string,
  users: number,
  seconds: number,
): Promise<Results['likes']> {
  // No warm-up: each user likes once, and a second like by the same user is not a new row.
  const figure = await httpRun(
    'likes',
    { url, kind: 'like', first: 1, users, postId },
    seconds,
    false,
  );
  return withClient(databaseUrl, async (client) => {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query(
        'SELECT count(*)::int AS n FROM social_counter_deltas WHERE subject_id = $1 AND field = 1',
        [postId],
      );
      if (rows[0].n === 0) break;
      await sleep(100);
    }
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM social_likes WHERE post_id = $1) AS rows,
              (SELECT coalesce(sum(value), 0)::int FROM social_counters
                WHERE subject_id = $1 AND field = 1) AS counted`,
      [postId],
    );
    const { rows: liked, counted } = rows[0];
    progress(`  likes: ${liked} rows, counted ${counted} after the fold`);
    return { ...figure, rows: liked, exact: liked === counted };
  });
}

/** Impressions through Meridian's recorder in a process of its own (bench/social/impressions.ts). */
export async function impressions(
  dir: string,
  databaseUrl: string,
  viewerIds: string[],
  postIds: string[],
  seconds: number,
): Promise<Results['impressions']> {
  const logFile = path.join(dir, 'impressions.log');
  const options: ImpressionOptions = { databaseUrl, viewerIds, postIds, seconds };
  const optionsFile = path.join(dir, 'impressions.json');
  await writeFile(optionsFile, JSON.stringify(options));
  const figure = await withCpu(async () => {
    const child = start(['bench/social/impressions.ts', optionsFile], {}, logFile);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    const output = await readFile(logFile, 'utf8');
    if (code !== 0) throw new Error(`impressions exited with ${code}:\n${output}`);
    // The last line: a warning the recorder logs would come before it.
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '') as ImpressionFigures;
    return { ...result, ops: result.counted, perSecond: result.counted / result.seconds };
  });
  progress(
    `  impressions: ${Math.round(figure.perSecond)}/s (${figure.counted} counted of ${figure.pairs} pairs); ` +
      `PostgreSQL ${Math.round(figure.cpu.postgres)} µs each`,
  );
  return figure;
}
