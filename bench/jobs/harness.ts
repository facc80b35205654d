// Processes and servers for bench/jobs.ts: worker processes spoken to over IPC, PostgreSQL (given
// or embedded), Redis (running, or installed and started for the run).
import { type ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import type { WorkerMessage } from './protocol.ts';
import type { System } from './systems.ts';

const run = promisify(execFile);

/** A worker process of one system, and what it has reported so far. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker has started and waits for jobs. */
  ready: Promise<void>;
  firstAt?: number;
  lateness: number[];
  started: { id: string; at: number }[];
  /** Resolves when `check` holds (checked on every message), or rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs: number, what: string): Promise<void>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

export function startWorker(system: System, concurrency: number): WorkerProcess {
  const args = JSON.stringify({
    url: system.url,
    concurrency,
    variant: system.variant,
    prefix: system.prefix,
  });
  // Its stdout goes to our stderr: with --json, our stdout holds the JSON object alone.
  const child = fork(system.worker, [args], {
    execPath: process.execPath,
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  children.add(child);
  let exited = false;
  const waiters = new Set<() => void>();
  const worker: WorkerProcess = {
    child,
    ready: Promise.resolve(),
    lateness: [],
    started: [],
    until(check, timeoutMs, what) {
      if (check()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(test);
        };
        const test = () => {
          if (check()) {
            done();
            resolve();
          } else if (exited) {
            done();
            reject(new Error(`${system.name} worker exited while waiting for ${what}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${system.name}: no ${what} within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiters.add(test);
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
  let ready = false;
  child.on('message', (message: WorkerMessage) => {
    if (message.type === 'ready') ready = true;
    else if (message.type === 'first') worker.firstAt = message.at;
    else if (message.type === 'late') worker.lateness.push(...message.ms);
    else if (message.type === 'started') worker.started.push({ id: message.id, at: message.at });
    for (const waiter of [...waiters]) waiter();
  });
  child.on('exit', () => {
    exited = true;
    children.delete(child);
    for (const waiter of [...waiters]) waiter();
  });
  worker.ready = worker.until(() => ready, 60_000, 'start');
  // Callers wait through `ready`; a failure no one awaited must not end the process.
  worker.ready.catch(() => undefined);
  return worker;
}

/** Kills every worker still running (a failed run must not leave them behind). */
export function killWorkers(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** Polls `pending` every 25 ms until it is false; returns when that was seen (epoch ms). */
export async function whenDrained(system: System, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await system.pending())) return Date.now();
    await sleep(25);
  }
  throw new Error(`${system.name}: jobs still pending after ${timeoutMs / 1000} s`);
}

export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** A fresh database of that name on the server of `adminUrl`; returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const redisPort = 6379;
export const redisUrl = `redis://127.0.0.1:${redisPort}`;

function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(redisPort, '127.0.0.1');
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}

async function onPath(command: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${command}`]).then(
    () => true,
    () => false,
  );
}

/**
 * A Redis on 127.0.0.1:6379: the one running, or `redis-server` started for the run (installed
 * from Debian's packages first if absent). Returns how to stop what it started, or why there is
 * no Redis.
 */
export async function ensureRedis(
  log: (line: string) => void,
): Promise<{ stop?: () => void; note?: string; version?: string }> {
  if (await redisAnswers()) return { version: await redisVersion() };
  if (!(await onPath('redis-server'))) {
    log('redis-server is absent: apt-get install -y redis-server');
    try {
      await run('apt-get', ['install', '-y', 'redis-server'], {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      return { note: `no Redis: installing redis-server failed (${(error as Error).message})` };
    }
  }
  const server = spawn(
    'redis-server',
    ['--port', `${redisPort}`, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers()) {
      return { stop: () => server.kill('SIGTERM'), version: await redisVersion() };
    }
    await sleep(100);
  }
  server.kill('SIGKILL');
  return { note: 'no Redis: redis-server did not answer on 127.0.0.1:6379' };
}

async function redisVersion(): Promise<string | undefined> {
  const output = await run('redis-server', ['--version']).catch(() => undefined);
  return output?.stdout.match(/v=(\S+)/)?.[1];
}

export async function packageVersion(root: string, name: string): Promise<string> {
  const file = `${root}/node_modules/${name}/package.json`;
  if (!existsSync(file)) return 'absent';
  return JSON.parse(await readFile(file, 'utf8')).version;
}
