import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore, ByteRange, PutResult } from './blob-store.ts';
import { discard, spool } from './spool.ts';

/**
 * Blobs as files under `root`: `root/<first two hex digits>/<hash>` (256 folders, so no folder
 * grows past what a file system lists quickly), uploads received in `root/tmp`. A blob appears
 * by `rename` from `tmp`, atomic on one file system: a reader sees all of it or none, and a crash
 * mid-upload leaves only a temporary file.
 *
 * @example
 * const store = createDiskStore(path.join(config.dataDir, 'blobs'));
 */
export function createDiskStore(root: string): BlobStore {
  const tmp = path.join(root, 'tmp');
  const pathOf = (hash: string) => path.join(root, hash.slice(0, 2), hash);

  async function head(hash: string) {
    try {
      const stats = await stat(pathOf(hash));
      return { size: stats.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  return {
    location: root,
    async put(body, { maxBytes, admit }): Promise<PutResult> {
      const upload = await spool(body, tmp, maxBytes);
      try {
        const contentType = admit ? await admit(upload) : 'application/octet-stream';
        const result = { hash: upload.hash, size: upload.size, contentType };
        if (await head(upload.hash)) return { ...result, created: false };
        await mkdir(path.dirname(pathOf(upload.hash)), { recursive: true });
        // Two uploads of the same bytes may both get here: the second rename replaces the first
        // file with identical bytes, which no reader can tell apart.
        await rename(upload.path, pathOf(upload.hash));
        return { ...result, created: true };
      } finally {
        await discard(upload.path);
      }
    },
    head,
    async get(hash, range?: ByteRange) {
      const found = await head(hash);
      if (!found) return undefined;
      const stream = createReadStream(pathOf(hash), range);
      return { stream, size: found.size, range };
    },
    async has(hash) {
      return (await head(hash)) !== undefined;
    },
    async close() {},
  };
}
