import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import type { SocialId } from './ids.ts';
import { isMediaType, mediaTypes, processImage } from './images.ts';
import type { MediaJson } from './post-schemas.ts';
import type { Social } from './social.ts';
import { insertMedia, type MediaRow } from './store/media.ts';

// Uploading an image for a post (docs/social.md, "Media"). The original bytes are read into
// memory, checked, and processed; only the processed image and its thumbnail reach the blob store.
// The original, with whatever its EXIF says (where the photo was taken), is never kept.

/** What an upload is told by the request. */
export interface MediaUpload {
  body: Readable;
  /** The type `Content-Type` claims (blobs' `claimedType`); undefined lets the bytes decide. */
  claimedType: string | undefined;
  /** `Content-Length`, when sent: too large is refused before a byte is read. */
  declaredSize: number | undefined;
  alt: string;
}

/**
 * Reads, checks and processes `upload` for `userId` (profile `ownerId`), keeps the image and its
 * thumbnail as blobs, and records the media. Throws `payload-too-large` (over
 * SOCIAL_MEDIA_MAX_BYTES), `unsupported-media-type` (not JPEG, PNG, WebP or GIF),
 * `media-type-mismatch` (the bytes are not the claimed type) or `media-unreadable`.
 */
export async function uploadMedia(
  social: Social,
  owner: { userId: string; profileId: SocialId },
  upload: MediaUpload,
): Promise<MediaRow> {
  const { core, config } = social;
  checkClaim(upload.claimedType);
  if (upload.declaredSize !== undefined && upload.declaredSize > config.mediaMaxBytes) {
    throw new Problem(
      'payload-too-large',
      `An image may be at most ${config.mediaMaxBytes} bytes; this one says it has ${upload.declaredSize}`,
    );
  }
  const input = await readBounded(upload.body, config.mediaMaxBytes);
  const type = await sniffedType(input, upload.claimedType);
  const image = await processImage(input, type);
  const options = { uploadedBy: owner.userId };
  const [kept, thumbnail] = await Promise.all([
    core.blobs.upload(image.bytes, { ...options, claimedType: image.contentType }),
    core.blobs.upload(image.thumbnail, { ...options, claimedType: 'image/webp' }),
  ]);
  return insertMedia(core.database.db, {
    owner_id: owner.profileId,
    content_type: image.contentType,
    blob_hash: kept.blob.hash,
    thumb_hash: thumbnail.blob.hash,
    width: image.width,
    height: image.height,
    blurhash: image.blurhash,
    alt: upload.alt,
  });
}

/** The columns `mediaJson` reads: what a post's hydration selects of `social_media`. */
export type MediaFields = Omit<MediaRow, 'owner_id' | 'post_id'>;

/**
 * A media row as the API shows it, on its own or in a post (hydration): the blob hashes become
 * URLs under `/v1/blobs/`.
 *
 * @example
 * post.media = rows.map((row) => mediaJson(core, row));
 */
export function mediaJson(core: Core, row: MediaFields): MediaJson {
  return {
    id: row.id,
    content_type: row.content_type,
    url: core.blobs.urlOf(row.blob_hash),
    thumbnail_url: core.blobs.urlOf(row.thumb_hash),
    width: row.width,
    height: row.height,
    blurhash: row.blurhash,
    alt: row.alt,
  };
}

/** A claim of a type no post may carry is refused before a byte is read, as blobs do. */
function checkClaim(claimed: string | undefined): void {
  if (claimed !== undefined && !isMediaType(claimed)) {
    throw new Problem(
      'unsupported-media-type',
      `Images of type ${claimed} are not accepted; send one of ${mediaTypes.join(', ')}`,
    );
  }
}

/** The type the bytes show (`file-type`, as blobs sniff), which must be the claimed one. */
async function sniffedType(input: Buffer, claimed: string | undefined) {
  const sniffed = (await fileTypeFromBuffer(input))?.mime;
  const shown = sniffed ?? 'of no type Meridian recognises';
  if (claimed !== undefined && sniffed !== claimed) {
    throw new Problem(
      'media-type-mismatch',
      `The upload says it is ${claimed}, but its bytes are ${shown}`,
    );
  }
  if (!isMediaType(sniffed)) {
    throw new Problem(
      'unsupported-media-type',
      `The bytes are ${shown}; send one of ${mediaTypes.join(', ')}`,
    );
  }
  return sniffed;
}

/**
 * The whole of `body`, refused with `payload-too-large` as soon as it passes `maxBytes`. A refused
 * body is left unread and the stream undestroyed (destroying a request destroys its socket, and the
 * 413 could not be answered): the route answers and closes the connection, as blobs' does.
 */
function readBounded(body: Readable, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const take = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      body.off('data', take).off('end', done).pause();
      reject(new Problem('payload-too-large', `An image may be at most ${maxBytes} bytes`));
    };
    const done = () => resolve(Buffer.concat(chunks, size));
    // A client that goes away mid-upload fails the read: `close` before `end` means so.
    body.on('data', take).once('end', done).once('error', reject);
    body.once('close', () => reject(new Problem('bad-request', 'The upload ended before its end')));
  });
}
