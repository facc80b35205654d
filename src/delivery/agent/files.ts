import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

// What the agent writes in its directory: each file whole or not at all. A file is written to a
// temporary name in the same directory, flushed to disk, then renamed over the old one (a rename
// within a file system is atomic), and the directory is flushed so that the rename survives a
// power cut. A reader (the node's server, on reload) sees the old file or the new one.

/** Private keys and the credential: the owner only. */
export const secretMode = 0o600;
/** Certificates and metadata: anyone on the node may read them. */
export const publicMode = 0o644;

/** Replaces `dir/name` with `content` atomically, with file mode `mode`. */
export async function writeFileAtomic(
  dir: string,
  name: string,
  content: string,
  mode: number,
): Promise<void> {
  const target = path.join(dir, name);
  const temporary = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'wx', mode);
  try {
    await file.chmod(mode); // the umask may have taken bits away
    await file.writeFile(content);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, target);
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot flush a directory; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
