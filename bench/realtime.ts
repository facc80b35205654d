// Real-time gateway: publish-to-receive latency and delivered messages/s with 1,000 and 10,000
// WebSocket clients on loopback, and memory per idle connection. Meridian runs as its own process;
// the clients run in `clientProcesses` processes of bench/realtime-clients.ts; this process
// publishes through Meridian's own publish (the same SQL function, the same NOTIFY).
// Run: `npm run bench:realtime` (BENCH_DATABASE_URL=postgres://... to skip the embedded
// PostgreSQL). Prints the figures and rewrites the realtime section of docs/benchmarks.md.
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { connectDatabase } from '../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { publishEvent } from '../src/platform/events/publish.ts';
import { recordSection } from './results.ts';

const root = path.resolve(import.meta.dirname, '..');
const port = 3903;
const url = `http://127.0.0.1:${port}`;
/**
 * Clients, and the publishing interval for the latency run: slow enough that the fan-out of one
 * event ends before the next begins, so the figure is latency, not queueing.
 */
const steps = [
  { clients: 1_000, intervalMs: 100 },
  { clients: 10_000, intervalMs: 500 },
];
const clientProcesses = 2;
/** Latency: events published one every `intervalMs`, each to every client. */
const latencyEvents = 50;
/** Throughput: events published back to back. */
const burstEvents = 100;
const log = pino({ level: 'warn' });
const children = new Set<ChildProcess>();
const now = () => performance.timeOrigin + performance.now();

interface Report {
  latencies: number[];
  received: number;
  lastReceivedAt: number;
}

interface Step {
  clients: number;
  intervalMs: number;
  p50: number;
  p99: number;
  max: number;
  messagesPerSecond: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

/** Each process may need one descriptor per connection; ask for the hard limit. */
function checkDescriptorLimit(): number {
  const hard = Number(execFileSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim());
  const needed = Math.max(...steps.map((step) => step.clients)) + 200;
  if (Number.isFinite(hard) && hard < needed) {
    throw new Error(`ulimit -Hn is ${hard}; the server needs ${needed} descriptors`);
  }
  return hard;
}

function startServer(databaseUrl: string, logFile: string): ChildProcess {
  const out = openSync(logFile, 'w');
  // `ulimit -n` raised to the hard limit for the server's 10,000 sockets.
  const script = 'ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"';
  const child = spawn('sh', ['-c', script, process.execPath, 'bin/meridian.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', out, out],
  });
  children.add(child);
  return child;
}

async function waitUntilUp(server: ChildProcess, logFile: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(await readFile(logFile, 'utf8'));
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await sleep(100);
  }
  throw new Error('Meridian did not start within 60 s');
}

/** A client process, with a function that sends a command and resolves with its answer. */
async function startClients() {
  const child = fork(path.join(root, 'bench/realtime-clients.ts'), {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const replies: Array<(message: unknown) => void> = [];
  child.on('message', (message: { closed?: number }) => {
    if (message.closed) console.error('a client was closed:', message);
    else replies.shift()?.(message);
  });
  await new Promise((resolve) => replies.push(resolve));
  return <T>(command: object) =>
    new Promise<T>((resolve) => {
      replies.push(resolve as (message: unknown) => void);
      child.send(command);
    });
}

async function serverMemory(): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1]);
  return {
    rss: value('meridian_process_resident_memory_bytes'),
    heap: value('meridian_nodejs_heap_size_used_bytes'),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

async function main(): Promise<void> {
  const hardLimit = checkDescriptorLimit();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-bench-'));
  await chmod(dir, 0o711); // as root, the embedded PostgreSQL runs as `postgres`
  const embedded = process.env.BENCH_DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(path.join(dir, 'data'), log);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? (embedded?.url as string);
  const database = connectDatabase(databaseUrl, 2, log);
  const loadBefore = os.loadavg()[0]?.toFixed(2);
  try {
    const logFile = path.join(dir, 'meridian.log');
    const server = startServer(databaseUrl, logFile);
    await waitUntilUp(server, logFile);
    const signup = await fetch(`${url}/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench-${Date.now()}@example.com`,
        password: 'bench-pass',
        name: 'B',
      }),
    });
    const { token, user } = (await signup.json()) as { token: string; user: { id: string } };
    const topic = `user:${user.id}`;
    const clients = await Promise.all(Array.from({ length: clientProcesses }, startClients));
    const all = <T = unknown>(command: object) =>
      Promise.all(clients.map((client) => client<T>(command)));
    const publish = (data: object) =>
      publishEvent(database.db, { topic, type: 'bench', data: { ...data, sentAt: now() } });

    await sleep(2_000); // let the server settle before the baseline
    const baseline = await serverMemory();
    const results: Step[] = [];
    let connected = 0;
    for (const { clients: target, intervalMs } of steps) {
      const perProcess = (target - connected) / clientProcesses;
      await all({ cmd: 'connect', url, token, topic, count: perProcess });
      connected = target;
      await sleep(2_000);
      const memory = await serverMemory();

      /** Waits until every client has `count` events, then merges their reports. */
      const collect = async (count: number): Promise<Report[]> => {
        for (let i = 0; i < 600; i++) {
          const reports = await all<Report>({ cmd: 'report' });
          if (reports.every((r) => r.received >= (count * target) / clientProcesses))
            return reports;
          await sleep(100);
        }
        throw new Error(`not every client received ${count} events within 60 s`);
      };

      await all({ cmd: 'reset' });
      for (let i = 0; i < latencyEvents; i++) {
        const started = now();
        await publish({ i });
        await sleep(Math.max(0, intervalMs - (now() - started)));
      }
      const latencies = (await collect(latencyEvents))
        .flatMap((r) => r.latencies)
        .sort((a, b) => a - b);

      await all({ cmd: 'reset' });
      const burstStart = now();
      for (let i = 0; i < burstEvents; i++) await publish({ i });
      const burst = await collect(burstEvents);
      const burstEnd = Math.max(...burst.map((r) => r.lastReceivedAt));

      const step: Step = {
        clients: target,
        intervalMs,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? NaN,
        messagesPerSecond: (burstEvents * target) / ((burstEnd - burstStart) / 1000),
        rssPerConnection: (memory.rss - baseline.rss) / target,
        heapPerConnection: (memory.heap - baseline.heap) / target,
      };
      results.push(step);
      console.log(step);
    }
    for (const client of clients) client({ cmd: 'close' }); // it exits without answering
    await record(results, { loadBefore, hardLimit });
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      [...children].map((child) =>
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
      ),
    );
    await database.close();
    await embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function record(results: Step[], context: { loadBefore?: string; hardLimit: number }) {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const rows = results.map(
    (r) =>
      `| ${r.clients.toLocaleString('en')} | ${r.intervalMs} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ` +
      `${Math.round(r.messagesPerSecond).toLocaleString('en')} | ${kb(r.rssPerConnection)} | ${kb(r.heapPerConnection)} |`,
  );
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const section = `## Real-time gateway (\`bench/realtime.ts\`)

Run ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${cpu}), Node ${process.version};
1-minute load average ${context.loadBefore} at the start; \`ulimit -Hn\` ${context.hardLimit}.

| clients | publish interval ms | p50 ms | p99 ms | max ms | messages/s delivered | RSS KiB per idle connection | heap KiB per idle connection |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

One Meridian process (\`meridian serve\`, production defaults, \`LOG_LEVEL=warn\`) serves every
client; the clients are real WebSockets (\`ws\`) in ${clientProcesses} other processes, all subscribed
to one user topic, so each event is sent to every client. Latency is from just before
\`publish\` (its own transaction: INSERT, NOTIFY, commit) to the client's parse of the frame, over
${latencyEvents} events, one per interval. Messages/s is ${burstEvents} events published back to back,
times the clients, over the time until the last client had the last one. Memory is the server's
growth (RSS and V8 heap in use, from \`/metrics\`) from no connection to that many idle,
subscribed ones, divided by their number. The server, PostgreSQL, the clients and this driver
share the machine's cores.

Rerun with \`npm run bench:realtime\` (\`BENCH_DATABASE_URL=postgres://...\` for a running
PostgreSQL); it rewrites this section.`;
  await recordSection('realtime', section);
}

process.on('SIGINT', () => {
  process.exitCode = 130;
  for (const child of children) child.kill('SIGTERM');
});

await main();
