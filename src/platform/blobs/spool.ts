import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { Problem } from '../problems.ts';
import type { SpooledUpload } from './blob-store.ts';

/**
 * Writes `body` to a new file in `dir`, hashing (SHA-256) and counting the bytes as they pass, so
 * an upload of any size costs one chunk of memory. More than `maxBytes` stops the copy at once,
 * removes the file and throws `payload-too-large`; any failure removes the file too. The caller
 * owns the file afterwards (`discard` it, or rename it into place).
 */
export async function spool(
  body: Readable | Uint8Array,
  dir: string,
  maxBytes: number,
): Promise<SpooledUpload> {
  await mkdir(dir, { recursive: true });
  // A random name, not the hash: the hash is known only at the end, and two uploads may race.
  // `flush`: the bytes reach the disk before the file is renamed into place, so a crash cannot
  // leave a kept blob that is empty.
  const file = path.join(dir, `upload-${randomBytes(12).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new Problem('payload-too-large', `An upload may be at most ${maxBytes} bytes`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = body instanceof Uint8Array ? Readable.from([Buffer.from(body)]) : body;
  // Piped by hand, not through `pipeline`, which would destroy the source on a refusal: when the
  // source is a request, that destroys its socket too, and the 413 could not be answered. A
  // refused body is left unread; the route answers and closes the connection.
  // A source that fails, or closes before its end (a client that went away mid-upload), fails
  // the copy: `pipe` alone would leave it waiting for an end that never comes.
  finished(source).catch((error: Error) => meter.destroy(error));
  source.pipe(meter);
  try {
    await pipeline(meter, createWriteStream(file, { flags: 'wx', flush: true }));
  } catch (error) {
    source.unpipe(meter);
    await discard(file);
    throw error;
  }
  return { hash: hash.digest('hex'), size, path: file };
}

/** Removes a spooled file; one already gone is fine. */
export function discard(file: string): Promise<void> {
  return rm(file, { force: true });
}
