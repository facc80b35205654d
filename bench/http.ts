// HTTP overhead of Meridian's stack: `GET /healthz` and an authenticated `GET /v1/me` against a
// bare Fastify hello-world, each server and each autocannon run in its own process on loopback.
// Run: `npm run bench:http` (BENCH_DATABASE_URL=postgres://... to skip the embedded PostgreSQL).
// Prints a table and rewrites the HTTP section of docs/benchmarks.md.
import path from 'node:path';
import { recordSection } from './results.ts';
import {
  autocannonCli,
  loadAverage,
  machine,
  type Run,
  autocannon as runAutocannon,
  signup,
  start,
  startMeridian,
  waitUntilUp,
  withBenchDir,
} from './servers.ts';

const connections = 50;
const seconds = 10;
const warmupSeconds = 3;
// Two interleaved rounds, the second in reverse order, so drift on a shared machine hits all alike.
const rounds = 2;
const barePort = 3901;
const meridianPort = 3902;
// High enough never to refuse, so the limiter still runs on every request but no 429 skews req/s.
const rateLimitPerMinute = 10_000_000;

interface Target {
  name: string;
  url: string;
  headers?: string[];
}

/** One autocannon run in its own process; refuses a run with errors or non-2xx answers. */
async function autocannon(target: Target, duration: number): Promise<Run> {
  const headers = (target.headers ?? []).flatMap((header) => ['-H', header]);
  const args = ['-j', '-c', `${connections}`, '-d', `${duration}`, ...headers, target.url];
  return runAutocannon(target.name, [autocannonCli, ...args]);
}

function table(targets: Target[], runs: Map<string, Run[]>): string {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const bare = mean((runs.get(targets[0]?.name ?? '') ?? []).map((r) => r.requestsPerSecond));
  const rows = targets.map(({ name }) => {
    const all = runs.get(name) ?? [];
    const rps = mean(all.map((r) => r.requestsPerSecond));
    const p50 = mean(all.map((r) => r.p50)).toFixed(1);
    const p99 = mean(all.map((r) => r.p99)).toFixed(1);
    return `| ${name} | ${Math.round(rps)} | ${p50} | ${p99} | ${(rps / bare).toFixed(2)} |`;
  });
  return [
    '| Target | req/s | p50 ms | p99 ms | req/s vs bare Fastify |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

async function main(dir: string): Promise<void> {
  const loadBefore = loadAverage();
  const bareLog = path.join(dir, 'bare.log');
  const bare = start(['bench/bare-fastify.ts'], { PORT: `${barePort}` }, bareLog);
  const meridian = await startMeridian(dir, meridianPort, {
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: `${rateLimitPerMinute}`,
  });
  const meridianUrl = meridian.url;
  await waitUntilUp(`http://127.0.0.1:${barePort}/`, bare, bareLog);
  const token = await signup(meridianUrl);

  const targets: Target[] = [
    { name: 'bare Fastify `GET /`', url: `http://127.0.0.1:${barePort}/` },
    { name: 'Meridian `GET /healthz`', url: `${meridianUrl}/healthz` },
    {
      name: 'Meridian `GET /v1/me` (bearer token)',
      url: `${meridianUrl}/v1/me`,
      headers: [`authorization=Bearer ${token}`],
    },
  ];
  for (const target of targets) await autocannon(target, warmupSeconds);
  const runs = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...targets].reverse() : targets;
    for (const target of order) {
      const run = await autocannon(target, seconds);
      runs.get(target.name)?.push(run);
      console.log(
        `round ${round + 1} ${target.name}: ${Math.round(run.requestsPerSecond)} req/s, ` +
          `p50 ${run.p50} ms, p99 ${run.p99} ms`,
      );
    }
  }
  const result = table(targets, runs);
  console.log(`\n${result}\n`);

  const section = `## HTTP overhead (\`bench/http.ts\`)

${await machine()}; 1-minute load average
${loadBefore} at the start. The servers and autocannon share the machine: compare the ratio, not
the absolute figures.

${result}

Each row is the mean of ${rounds} runs of ${seconds} s at ${connections} connections (after a
${warmupSeconds} s warm-up), interleaved with the other targets, by autocannon in its own process
on 127.0.0.1. Meridian runs with its production defaults except \`RATE_LIMIT_PER_MINUTE=${rateLimitPerMinute}\`
(the limiter runs on every request but never refuses) and with \`LOG_LEVEL=info\`: one JSON log
line per request, written to a file. \`GET /v1/me\` resolves the token from the in-process cache
(5 s), so it costs a database query only every 5 s. The peer is \`bench/bare-fastify.ts\`: one route,
logger off.

Rerun with \`npm run bench:http\` (\`BENCH_DATABASE_URL=postgres://...\` to use a running
PostgreSQL instead of the embedded one); it rewrites this section.`;
  await recordSection('http', section);
}

await withBenchDir(main);
