import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskStore } from './disk-store.ts';
import { describeBlobStore } from './store-contract.ts';
import { pngBytes } from './test-files.ts';

const root = await mkdtemp(path.join(os.tmpdir(), 'meridian-blobs-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const store = createDiskStore(root);
describeBlobStore('disk', () => ({ store, spoolDir: path.join(root, 'tmp') }));

describe('the disk store', () => {
  it('keeps a blob at <root>/<first two hex digits>/<hash>, and nothing in tmp', async () => {
    const { hash } = await store.put(pngBytes(), { maxBytes: 10_000 });
    expect(await readdir(path.join(root, hash.slice(0, 2)))).toContain(hash);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });
});
