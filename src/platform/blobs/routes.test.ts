import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ApiResponse,
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
} from '../../../test/helpers.ts';
import { jpegBytes, pngBytes } from './test-files.ts';

// Uploading and serving through a real server over the disk store, as a browser or a CDN would.

const maxBytes = 64 * 1024;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-blob-routes-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));
const { url, server, database } = await startTestServer({
  env: { DATA_DIR: dataDir, BLOBS_MAX_BYTES: String(maxBytes) },
});
const api = apiClient(url);
const user = await signUp(api);
const blobsDir = path.join(dataDir, 'blobs');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `POST /v1/blobs` with raw bytes, as a client uploads a file. */
async function upload(
  body: Buffer | string | ReadableStream,
  contentType: string | undefined,
  token: string | null = user.token,
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/v1/blobs`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes('json') ? JSON.parse(text) : text,
  };
}

/** Every kept blob file, and every file left in the spool folder. */
async function filesOnDisk() {
  const entries = await readdir(blobsDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return {
    kept: files.filter((file) => path.basename(file.parentPath) !== 'tmp').map((f) => f.name),
    spooled: files.filter((file) => path.basename(file.parentPath) === 'tmp').map((f) => f.name),
  };
}

async function rowCount(hash: string): Promise<number> {
  const rows = await database.db
    .withTables<{ blobs: { hash: string } }>()
    .selectFrom('blobs')
    .select('hash')
    .where('hash', '=', hash)
    .execute();
  return rows.length;
}

describe('POST /v1/blobs', () => {
  it('keeps a PNG by its hash and serves it back', async () => {
    const bytes = pngBytes(1000);
    const hash = sha256(bytes);
    const response = await upload(bytes, 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      hash,
      url: `/v1/blobs/${hash}`,
      content_type: 'image/png',
      size: bytes.length,
    });
    expect(response.headers.get('location')).toBe(`/v1/blobs/${hash}`);
    expect((await filesOnDisk()).kept).toContain(hash);

    const served = await fetch(`${url}/v1/blobs/${hash}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Object.fromEntries(served.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(bytes.length),
      etag: `"${hash}"`,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
    });
  });

  it('answers the same bytes twice with the same blob', async () => {
    const bytes = jpegBytes();
    const first = await upload(bytes, 'image/jpeg');
    const second = await upload(bytes, 'image/jpeg');
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await rowCount(first.body.hash)).toBe(1);
  });

  it('takes the type from the bytes when the client claims none', async () => {
    const response = await upload(pngBytes(), 'application/octet-stream');
    expect(response.status).toBe(201);
    expect(response.body.content_type).toBe('image/png');
  });

  it('refuses bytes that are not what Content-Type claims, keeping nothing', async () => {
    const text = Buffer.from('just some text, not a picture at all');
    expectProblem(await upload(text, 'image/png'), 'blob-type-mismatch');
    const jpeg = jpegBytes();
    const body = expectProblem(await upload(jpeg, 'image/png'), 'blob-type-mismatch');
    expect(body.detail).toContain('image/jpeg');
    expect(await rowCount(sha256(text))).toBe(0);
    expect(await rowCount(sha256(jpeg))).toBe(0);
    expect((await filesOnDisk()).kept).not.toContain(sha256(text));
  });

  it('refuses a type it does not accept, claimed or sniffed', async () => {
    expectProblem(
      await upload('<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'),
      'unsupported-blob-type',
    );
    expectProblem(await upload('plain words', 'application/octet-stream'), 'unsupported-blob-type');
    expectProblem(await upload('plain words', undefined), 'unsupported-blob-type');
  });

  it('refuses an upload over BLOBS_MAX_BYTES with a 413, keeping nothing', async () => {
    const before = await filesOnDisk();
    const bytes = pngBytes(maxBytes + 1);
    // With Content-Length: refused before a byte is read.
    expectProblem(await upload(bytes, 'image/png'), 'payload-too-large');
    // Streamed (chunked, no length): refused when the count passes the limit.
    const chunks = [bytes.subarray(0, 40_000), bytes.subarray(40_000)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    expectProblem(await upload(stream, 'image/png'), 'payload-too-large');
    expect(await rowCount(sha256(bytes))).toBe(0);
    expect(await filesOnDisk()).toEqual(before);
    expect(before.spooled).toEqual([]);
  });

  it('keeps nothing of an upload whose client goes away half-way', async () => {
    const partial = request(`${url}/v1/blobs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user.token}`,
        'content-type': 'image/png',
        'content-length': String(maxBytes),
      },
    });
    partial.on('error', () => {}); // the socket we destroy
    partial.write(pngBytes(maxBytes).subarray(0, maxBytes / 2));
    await expect.poll(async () => (await filesOnDisk()).spooled.length).toBe(1);
    partial.destroy();
    await expect.poll(async () => (await filesOnDisk()).spooled).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    expectProblem(await upload(pngBytes(), 'image/png', null), 'unauthorized');
    expectProblem(await upload(pngBytes(), 'image/png', 'not-a-token'), 'unauthorized');
  });
});

describe('GET /v1/blobs/:hash', async () => {
  const bytes = pngBytes(2000);
  const { body: blob } = await upload(bytes, 'image/png');
  const blobUrl = `${url}${blob.url}`;

  it('serves one range with 206 and Content-Range', async () => {
    const first = await fetch(blobUrl, { headers: { range: 'bytes=0-7' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-7/${bytes.length}`);
    expect(first.headers.get('content-length')).toBe('8');
    expect(Buffer.from(await first.arrayBuffer()).equals(bytes.subarray(0, 8))).toBe(true);

    const last = await fetch(blobUrl, { headers: { range: 'bytes=-12' } });
    expect(last.status).toBe(206);
    expect(Buffer.from(await last.arrayBuffer()).equals(bytes.subarray(-12))).toBe(true);

    const open = await fetch(blobUrl, { headers: { range: `bytes=${bytes.length - 5}-` } });
    expect(open.headers.get('content-range')).toBe(
      `bytes ${bytes.length - 5}-${bytes.length - 1}/${bytes.length}`,
    );
  });

  it('answers 416 for a range past the end', async () => {
    const response = await api('GET', blob.url, {
      headers: { range: `bytes=${bytes.length}-` },
    });
    expectProblem(response, 'range-not-satisfiable');
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('sends the whole blob for several ranges, or an If-Range of another blob', async () => {
    const several = await fetch(blobUrl, { headers: { range: 'bytes=0-1,5-6' } });
    expect(several.status).toBe(200);
    await several.arrayBuffer();
    const stale = await fetch(blobUrl, { headers: { range: 'bytes=0-1', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    expect((await stale.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('answers If-None-Match with its hash with 304', async () => {
    for (const tag of [`"${blob.hash}"`, `W/"${blob.hash}"`, `"x", "${blob.hash}"`, '*']) {
      const response = await fetch(blobUrl, { headers: { 'if-none-match': tag } });
      expect(response.status, tag).toBe(304);
      expect(response.headers.get('etag')).toBe(`"${blob.hash}"`);
      expect(await response.text()).toBe('');
    }
    const other = await fetch(blobUrl, { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await fetch(blobUrl, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('');
  });

  it('answers 404, never 500, for a hash it does not have or that is no hash', async () => {
    for (const hash of [
      sha256(Buffer.from('never uploaded')),
      blob.hash.toUpperCase(),
      blob.hash.slice(1),
      'not-a-hash',
      '..%2F..%2Fetc%2Fpasswd',
    ]) {
      expectProblem(await api('GET', `/v1/blobs/${hash}`), 'not-found');
    }
  });
});

describe('core.blobs', () => {
  const { blobs } = server.core;

  it('tells other modules whether a media URL names an uploaded blob', async () => {
    const { body: blob } = await upload(pngBytes(), 'image/png');
    expect(blobs.urlOf(blob.hash)).toBe(blob.url);
    expect(blobs.hashOf(blob.url)).toBe(blob.hash);
    expect(blobs.hashOf(`https://cdn.example.com${blob.url}`)).toBe(blob.hash);
    expect(blobs.hashOf('/v1/tasks/1')).toBeUndefined();
    expect(blobs.hashOf(`/v1/blobs/${blob.hash}x`)).toBeUndefined();
    expect(await blobs.exists(blob.hash)).toBe(true);
    expect(await blobs.exists(sha256(Buffer.from('nothing')))).toBe(false);
    expect(await blobs.exists('nonsense')).toBe(false);
    expect(await blobs.find(blob.hash)).toMatchObject({
      content_type: 'image/png',
      uploaded_by: user.id,
    });
  });
});
