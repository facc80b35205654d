import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer } from '../../../test/helpers.ts';
import type { S3Settings } from './config.ts';
import { createS3Store } from './s3-store.ts';
import { describeBlobStore } from './store-contract.ts';
import { pngBytes } from './test-files.ts';

// A real S3 API (s3rver, in this process, keeping objects in a temporary folder) under the S3
// store: the same contract as the disk store, then the whole upload-and-serve path over it.

const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-s3-'));
const s3rver = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory: path.join(dir, 'objects'),
  configureBuckets: [{ name: 'media' }],
});
const { address, port } = await s3rver.run();
const endpoint = `http://${address}:${port}`;

const settings: S3Settings = {
  bucket: 'media',
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  forcePathStyle: true,
  prefix: 'blobs/',
};
const spoolDir = path.join(dir, 'spool');
const store = createS3Store(settings, spoolDir);

afterAll(async () => {
  await store.close();
  await s3rver.close();
  await rm(dir, { recursive: true, force: true });
});

describeBlobStore('S3', () => ({ store, spoolDir }));

describe('Meridian with BLOBS_S3_BUCKET', async () => {
  const { url } = await startTestServer({
    env: {
      DATA_DIR: path.join(dir, 'data'),
      BLOBS_S3_BUCKET: 'media',
      BLOBS_S3_ENDPOINT: endpoint,
      BLOBS_S3_ACCESS_KEY_ID: 'S3RVER',
      BLOBS_S3_SECRET_ACCESS_KEY: 'S3RVER',
      BLOBS_S3_FORCE_PATH_STYLE: 'true',
      BLOBS_S3_PREFIX: 'served/',
    },
  });
  const user = await signUp(apiClient(url));

  it('uploads to the bucket and serves from it, ranges included', async () => {
    const bytes = pngBytes(2000);
    const uploaded = await fetch(`${url}/v1/blobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'image/png' },
      body: bytes,
    });
    expect(uploaded.status).toBe(201);
    const blob: any = await uploaded.json();
    // In the bucket under the prefix, not on disk: a store of its own settings finds it.
    const bucket = createS3Store({ ...settings, prefix: 'served/' }, spoolDir);
    expect(await bucket.head(blob.hash)).toEqual({ size: bytes.length });
    await bucket.close();

    const whole = await fetch(`${url}${blob.url}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await fetch(`${url}${blob.url}`, { headers: { range: 'bytes=1-3' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1-3/${bytes.length}`);
    expect(await part.text()).toBe('PNG');
  });
});
