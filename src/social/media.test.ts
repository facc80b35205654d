import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiResponse, expectProblem } from '../../test/helpers.ts';
import { type Person, startSocial } from '../../test/social-harness.ts';

// Uploading images for posts through a real server, with images sharp makes here: what is kept
// must carry none of the original's metadata, and what cannot be read is refused, never a 500.

const maxBytes = 1024 * 1024;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-social-media-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));
const { url, api, database, person } = await startSocial({
  env: { DATA_DIR: dataDir, SOCIAL_MEDIA_MAX_BYTES: String(maxBytes) },
});
const ada = await person('ada');
const bob = await person('bob');

/** `POST /v1/social/media` with raw bytes, as a client uploads a file. */
async function upload(
  body: Buffer | string | ReadableStream,
  contentType?: string,
  { as = ada as Person | null, alt }: { as?: Person | null; alt?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (as) headers.authorization = `Bearer ${as.token}`;
  const query = alt === undefined ? '' : `?alt=${encodeURIComponent(alt)}`;
  const response = await fetch(`${url}/v1/social/media${query}`, {
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

/** The bytes a blob URL serves, and the response's headers. */
async function served(blobUrl: string) {
  const response = await fetch(new URL(blobUrl, url));
  expect(response.status).toBe(200);
  return { bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

/** A picture with something in it (a blurhash of one colour says little). */
function picture(width: number, height: number) {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 60, b: 30 } },
  }).composite([
    {
      input: { create: { width: 1, height: 1, channels: 3, background: 'navy' } },
      tile: true,
      blend: 'over',
      left: 0,
      top: 0,
    },
  ]);
}

const gpsXmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/">' +
  '<exif:GPSLatitude>51,30.0N</exif:GPSLatitude></rdf:Description></rdf:RDF></x:xmpmeta>';

/** A 300 × 200 JPEG a phone held sideways took (orientation 6), with where it was taken. */
function phoneJpeg() {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: 'teal' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Phone', Model: 'Camera' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W' },
    })
    .withXmp(gpsXmp)
    .toBuffer();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('POST /v1/social/media', () => {
  it('keeps a JPEG upright and without its EXIF, GPS or XMP, and never the original', async () => {
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(original.includes('GPS')).toBe(true);

    const response = await upload(original, 'image/jpeg', { alt: 'A teal wall' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const media = response.body;
    expect(media).toMatchObject({
      content_type: 'image/jpeg',
      width: 200,
      height: 300,
      alt: 'A teal wall',
    });
    expect(media.id).toMatch(/^[0-9]+$/);
    expect(media.blurhash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,}$/);

    const kept = await served(media.url);
    const after = await sharp(kept.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([200, 300]);
    expect(kept.bytes.includes('GPS')).toBe(false);
    expect(kept.headers.get('content-type')).toBe('image/jpeg');
    expect(kept.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const thumbnail = await served(media.thumbnail_url);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(thumbnail.bytes).metadata()).exif).toBeUndefined();

    const originals = await database.db
      .withTables<{ blobs: { hash: string } }>()
      .selectFrom('blobs')
      .select('hash')
      .where('hash', '=', sha256(original))
      .execute();
    expect(originals).toEqual([]);
  });

  it('keeps the size and type of PNG, WebP and animated GIF, each with a blurhash', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const gif = await sharp([await frame('red'), await frame('blue')], {
      join: { animated: true },
    })
      .gif()
      .toBuffer();
    const cases = [
      { type: 'image/png', bytes: await picture(320, 240).png().toBuffer(), size: [320, 240] },
      { type: 'image/webp', bytes: await picture(500, 100).webp().toBuffer(), size: [500, 100] },
      { type: 'image/gif', bytes: gif, size: [64, 48] },
    ];
    for (const { type, bytes, size } of cases) {
      // No Content-Type: the bytes decide.
      const response = await upload(bytes);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toMatchObject({ content_type: type, width: size[0], height: size[1] });
      expect(response.body.blurhash.length).toBeGreaterThanOrEqual(6);
      const kept = await served(response.body.url);
      expect(kept.headers.get('content-type')).toBe(type);
    }
    const animated = await upload(gif, 'image/gif');
    const kept = await served(animated.body.url);
    expect((await sharp(kept.bytes, { animated: true }).metadata()).pages).toBe(2);
  });

  it('resizes a large image to fit 2,048 px, and makes a 400 px thumbnail', async () => {
    const bytes = await picture(4000, 1000).jpeg({ quality: 30 }).toBuffer();
    expect(bytes.length).toBeLessThan(maxBytes);
    const response = await upload(bytes, 'image/jpeg');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ width: 2048, height: 512 });
    const kept = await sharp((await served(response.body.url)).bytes).metadata();
    expect([kept.width, kept.height]).toEqual([2048, 512]);
    const thumbnail = await sharp((await served(response.body.thumbnail_url)).bytes).metadata();
    expect([thumbnail.width, thumbnail.height]).toEqual([400, 100]);
  });

  it('refuses bytes that are not the claimed type, and types that are not images', async () => {
    expectProblem(await upload('just some text', 'image/jpeg'), 'media-type-mismatch');
    const png = await picture(10, 10).png().toBuffer();
    expectProblem(await upload(png, 'image/jpeg'), 'media-type-mismatch');

    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expectProblem(await upload(svg, 'image/svg+xml'), 'unsupported-media-type');
    expectProblem(await upload(svg), 'unsupported-media-type');
    expectProblem(await upload(Buffer.from('%PDF-1.7\n%\xff\n')), 'unsupported-media-type');
  });

  it('refuses an upload over SOCIAL_MEDIA_MAX_BYTES with a 413, declared or counted', async () => {
    const bytes = Buffer.concat([await picture(10, 10).png().toBuffer(), Buffer.alloc(maxBytes)]);
    expectProblem(await upload(bytes, 'image/png'), 'payload-too-large');
    // Streamed (chunked, no length): refused when the count passes the limit.
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent > 2 * maxBytes) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expectProblem(await upload(stream, 'image/png'), 'payload-too-large');
  });

  it('refuses a decompression bomb and a truncated image as unreadable', async () => {
    const bomb = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: 'white' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(maxBytes);
    const refused = expectProblem(await upload(bomb, 'image/png'), 'media-unreadable');
    expect(refused.detail).toMatch(/pixels/);

    const jpeg = await picture(400, 300).jpeg().toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expectProblem(await upload(truncated, 'image/jpeg'), 'media-unreadable');
  });

  it('takes more uploads at once than it decodes, each in its turn', async () => {
    const images = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        picture(100 + i, 50)
          .png()
          .toBuffer(),
      ),
    );
    const responses = await Promise.all(images.map((bytes) => upload(bytes, 'image/png')));
    expect(responses.map((response) => response.status)).toEqual(images.map(() => 201));
    expect(responses.map((response) => response.body.width)).toEqual(images.map((_, i) => 100 + i));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(12);
  });

  it('asks who uploads, and takes alt text of at most 1,500 characters', async () => {
    const png = await picture(10, 10).png().toBuffer();
    expectProblem(await upload(png, 'image/png', { alt: 'x'.repeat(1501) }), 'validation-failed');
    expectProblem(await upload(png, 'image/png', { alt: 'a\u0000b' }), 'validation-failed');
    const accepted = await upload(png, 'image/png', { alt: '👩‍👩‍👧‍👦'.repeat(100) });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expectProblem(await upload(png, 'image/png', { as: null }), 'unauthorized');
  });
});

describe('GET and PATCH /v1/social/media/:id', () => {
  it('lets the owner change the alt text, and no one else see or change it', async () => {
    const created = await upload(await picture(20, 20).png().toBuffer(), 'image/png');
    const { id } = created.body;

    const changed = await ada.call('PATCH', `/v1/social/media/${id}`, { alt: 'A brick wall' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...created.body, alt: 'A brick wall' });
    expect((await ada.call('GET', `/v1/social/media/${id}`)).body.alt).toBe('A brick wall');

    expectProblem(await bob.call('PATCH', `/v1/social/media/${id}`, { alt: 'mine' }), 'not-found');
    // Not in a post yet: only its owner knows of it.
    expectProblem(await bob.call('GET', `/v1/social/media/${id}`), 'not-found');
    expectProblem(
      await ada.call('PATCH', `/v1/social/media/${id}`, { alt: 'x'.repeat(1501) }),
      'validation-failed',
    );
    expectProblem(
      await ada.call('PATCH', `/v1/social/media/${id}`, { alt: 'a\u0000b' }),
      'validation-failed',
    );
    expectProblem(await ada.call('GET', '/v1/social/media/9999999999999999999'), 'bad-request');
    expectProblem(await ada.call('GET', '/v1/social/media/123'), 'not-found');
    expectProblem(await api('GET', `/v1/social/media/${id}`), 'unauthorized');
  });

  it('shows media in a post to whoever sees the post: not across a block, not once it is deleted', async () => {
    const { id } = (await upload(await picture(20, 20).png().toBuffer(), 'image/png')).body;
    const post = await ada.call('POST', '/v1/social/posts', { text: 'A wall', media_ids: [id] });
    expect(post.status).toBe(201);
    expect((await bob.call('GET', `/v1/social/media/${id}`)).status).toBe(200);

    expect((await ada.call('POST', `/v1/social/profiles/${bob.profileId}/block`)).status).toBe(200);
    expectProblem(await bob.call('GET', `/v1/social/media/${id}`), 'not-found');
    expect((await ada.call('GET', `/v1/social/media/${id}`)).status).toBe(200);
    expect((await ada.call('DELETE', `/v1/social/profiles/${bob.profileId}/block`)).status).toBe(
      200,
    );
    expect((await bob.call('GET', `/v1/social/media/${id}`)).status).toBe(200);

    expect((await ada.call('DELETE', `/v1/social/posts/${post.body.id}`)).status).toBe(204);
    expectProblem(await bob.call('GET', `/v1/social/media/${id}`), 'not-found');
  });
});
