import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Problem } from '../problems.ts';
import type { BlobBody, BlobStore } from './blob-store.ts';
import { pngBytes } from './test-files.ts';

/** What the contract needs of a store under test: the store, and where it spools uploads. */
export interface StoreUnderTest {
  store: BlobStore;
  spoolDir: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function filesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** The bytes of an open blob, which must have been found. */
async function bytesOf(body: BlobBody | undefined): Promise<Buffer> {
  if (!body) throw new Error('the blob was not found');
  const chunks: Buffer[] = [];
  for await (const part of body.stream) chunks.push(part as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The behaviour every `BlobStore` shares, run against each implementation (disk, S3) with real
 * files and a real server: one set of expectations, so the two cannot drift apart.
 */
export function describeBlobStore(name: string, open: () => StoreUnderTest): void {
  describe(`${name}: the BlobStore contract`, () => {
    it('keeps a buffer under its SHA-256 and gives it back whole or in part', async () => {
      const { store } = open();
      const bytes = pngBytes(3000);
      const put = await store.put(bytes, { maxBytes: 10_000 });
      expect(put).toEqual({
        hash: sha256(bytes),
        size: bytes.length,
        contentType: 'application/octet-stream',
        created: true,
      });
      expect(await store.has(put.hash)).toBe(true);
      expect(await store.head(put.hash)).toEqual({ size: bytes.length });
      const whole = await store.get(put.hash);
      expect(whole?.size).toBe(bytes.length);
      expect((await bytesOf(whole)).equals(bytes)).toBe(true);
      const part = await store.get(put.hash, { start: 10, end: 19 });
      expect(part?.size).toBe(bytes.length);
      expect((await bytesOf(part)).equals(bytes.subarray(10, 20))).toBe(true);
    });

    it('hashes a stream as it comes, and the same bytes again are the same blob', async () => {
      const { store } = open();
      const bytes = pngBytes(200_000);
      // Many small chunks, as a request body arrives.
      const chunks = Array.from({ length: 200 }, (_, i) =>
        bytes.subarray(i * 1000, (i + 1) * 1000),
      );
      const first = await store.put(Readable.from([...chunks, bytes.subarray(200_000)]), {
        maxBytes: 1_000_000,
      });
      expect(first).toMatchObject({ hash: sha256(bytes), size: bytes.length, created: true });
      const again = await store.put(bytes, { maxBytes: 1_000_000 });
      expect(again).toMatchObject({ hash: first.hash, created: false });
    });

    it('lets admit name the type or refuse, and keeps nothing it refuses', async () => {
      const { store, spoolDir } = open();
      const bytes = pngBytes();
      const put = await store.put(bytes, {
        maxBytes: 10_000,
        // It sees the whole upload, in a file it may read.
        admit: async (upload) => {
          expect(upload.hash).toBe(sha256(bytes));
          expect((await readFile(upload.path)).equals(bytes)).toBe(true);
          return 'image/png';
        },
      });
      expect(put.contentType).toBe('image/png');

      const refused = pngBytes();
      await expect(
        store.put(refused, {
          maxBytes: 10_000,
          admit: () => {
            throw new Problem('blob-type-mismatch', 'no');
          },
        }),
      ).rejects.toMatchObject({ problem: 'blob-type-mismatch' });
      expect(await store.has(sha256(refused))).toBe(false);
      expect(await filesIn(spoolDir)).toEqual([]);
    });

    it('refuses one byte over the limit, whether a buffer or a stream, keeping nothing', async () => {
      const { store, spoolDir } = open();
      const bytes = pngBytes(5000);
      for (const body of [bytes, Readable.from([bytes.subarray(0, 2500), bytes.subarray(2500)])]) {
        await expect(store.put(body, { maxBytes: bytes.length - 1 })).rejects.toMatchObject({
          problem: 'payload-too-large',
        });
      }
      expect(await store.has(sha256(bytes))).toBe(false);
      expect(await filesIn(spoolDir)).toEqual([]);
      // Exactly the limit is fine.
      await expect(store.put(bytes, { maxBytes: bytes.length })).resolves.toMatchObject({
        created: true,
      });
    });

    it('knows nothing of bytes it was never given', async () => {
      const { store } = open();
      const unknown = sha256(Buffer.from('never stored'));
      expect(await store.has(unknown)).toBe(false);
      expect(await store.head(unknown)).toBeUndefined();
      expect(await store.get(unknown)).toBeUndefined();
    });

    it('passes on a failing source, keeping nothing', async () => {
      const { store, spoolDir } = open();
      const failing = new Readable({
        read() {
          this.destroy(new Error('the client went away'));
        },
      });
      await expect(store.put(failing, { maxBytes: 1000 })).rejects.toThrow('the client went away');
      expect(await filesIn(spoolDir)).toEqual([]);
    });
  });
}
