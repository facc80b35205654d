import { readFileSync } from 'node:fs';
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from '../startup.ts';

/** Another live Meridian holds the data directory. */
export class DataDirInUseError extends StartupError {}

/**
 * `<dataDir>/meridian.pid`, the lock on a data directory. Line 1 is the pid of the Meridian that
 * holds it. Line 2, once its cluster is up, is the cluster's port: written only by a Meridian that
 * shares its cluster (`meridian serve`), so that one-off commands use that cluster while it runs.
 */
export interface DataDirLock {
  /** Records the cluster's port for commands to use (replacing the file in one rename). */
  share(port: number): Promise<void>;
  release(): Promise<void>;
}

/** The lock, or who holds it: a live process, and its cluster's port once it shares it. */
export type LockAttempt = { lock: DataDirLock } | { owner: number; port: number | undefined };

/**
 * Claims the data directory for this process with an exclusively created pid file. A file left
 * by a dead process is taken over; one of a live process is not, and says who holds it.
 */
export async function lockDataDir(dataDir: string): Promise<LockAttempt> {
  const lockPath = path.join(dataDir, 'meridian.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { lock: heldLock(lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [owner, port] = (await readFile(lockPath, 'utf8').catch(() => ''))
      .split('\n')
      .map((line) => Number(line.trim()));
    if (owner && owner > 0 && owner !== process.pid && isAlive(owner)) {
      return { owner, port: port && port > 0 ? port : undefined };
    }
    await unlink(lockPath).catch(() => undefined);
  }
  throw new DataDirInUseError(`could not lock DATA_DIR ${dataDir}: ${lockPath} keeps reappearing`);
}

function heldLock(lockPath: string): DataDirLock {
  return {
    async share(port) {
      const next = `${lockPath}.${process.pid}`;
      await writeFile(next, `${process.pid}\n${port}\n`);
      await rename(next, lockPath);
    },
    release: () => unlink(lockPath).catch(() => undefined),
  };
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
