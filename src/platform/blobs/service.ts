import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { Problem } from '../problems.ts';
import { type BlobBody, type BlobStore, type ByteRange, isBlobHash } from './blob-store.ts';
import { blobsConfig } from './config.ts';
import { createDiskStore } from './disk-store.ts';
import { createS3Store } from './s3-store.ts';
import { admitByContent, checkClaim } from './sniff.ts';
import { type BlobRow, findBlob, insertBlob } from './store.ts';

/** The type an upload's `Content-Type` header claims, read as blobs read it (for modules that take uploads of their own). */
export { claimedType } from './sniff.ts';

/** Where every blob is served, below the API's origin (a CDN may sit in front). */
const urlPrefix = '/v1/blobs/';

/** What one upload is told. */
export interface UploadOptions {
  /** The type the client says it sends (`Content-Type`); undefined lets the bytes decide. */
  claimedType: string | undefined;
  /** `Content-Length`, when the client sent one: too large is refused before a byte is read. */
  declaredSize?: number;
  uploadedBy: string | null;
}

export interface Uploaded {
  blob: BlobRow;
  /** False when these bytes had been uploaded before: the blob is the one already there. */
  created: boolean;
}

/**
 * `core.blobs`: content-addressed media (item photos, post images). Other modules keep a blob's
 * URL or hash and check it with `exists`; the bytes are uploaded by clients to `POST /v1/blobs`.
 *
 * @example
 * const hash = core.blobs.hashOf(body.image_url);
 * if (!hash || !(await core.blobs.exists(hash))) throw new Problem('unprocessable', 'no such image');
 */
export interface Blobs {
  /** Largest upload, in bytes (`BLOBS_MAX_BYTES`). */
  readonly maxBytes: number;
  /**
   * Stores `body` and records it: its type sniffed from the bytes (and checked against the
   * claimed one), at most `maxBytes`. The same bytes again give the same blob (`created` false).
   * Throws `unsupported-blob-type`, `blob-type-mismatch` or `payload-too-large`, keeping nothing.
   */
  upload(body: Readable | Uint8Array, options: UploadOptions): Promise<Uploaded>;
  /** The blob named `hash`, or undefined (a malformed hash included). */
  find(hash: string): Promise<BlobRow | undefined>;
  /** Whether `hash` names an uploaded blob. */
  exists(hash: string): Promise<boolean>;
  /** The blob's bytes, or those of `range` (checked by the caller to lie within its size). */
  open(hash: string, range?: ByteRange): Promise<BlobBody | undefined>;
  /** The path a blob is served at: `/v1/blobs/<hash>`. */
  urlOf(hash: string): string;
  /**
   * The hash in a blob URL, as `urlOf` gives it or absolute (`https://cdn.example.com/v1/blobs/<hash>`);
   * undefined when `url` is not one. Says nothing about whether the blob exists (`exists`).
   */
  hashOf(url: string): string | undefined;
  /** Where the bytes are kept, for the log. */
  readonly location: string;
  close(): Promise<void>;
}

/** The blob store the configuration asks for: the S3 bucket if one is set, else `DATA_DIR/blobs`. */
export function blobStoreFor(config: Config): BlobStore {
  const root = path.join(config.dataDir, 'blobs');
  const { s3 } = blobsConfig.of(config);
  return s3 ? createS3Store(s3, path.join(root, 'tmp')) : createDiskStore(root);
}

/** Builds `core.blobs` over `store`, with the metadata in `db`. */
export function createBlobs(db: Db, store: BlobStore, config: Config): Blobs {
  const { maxBytes, contentTypes } = blobsConfig.of(config);

  async function find(hash: string) {
    return isBlobHash(hash) ? findBlob(db, hash) : undefined;
  }

  return {
    maxBytes,
    location: store.location,
    async upload(body, { claimedType, declaredSize, uploadedBy }) {
      checkClaim(claimedType, contentTypes);
      if (declaredSize !== undefined && declaredSize > maxBytes) {
        throw new Problem(
          'payload-too-large',
          `An upload may be at most ${maxBytes} bytes; this one says it has ${declaredSize}`,
        );
      }
      const stored = await store.put(body, {
        maxBytes,
        admit: admitByContent(claimedType, contentTypes),
      });
      const row = await insertBlob(db, {
        hash: stored.hash,
        content_type: stored.contentType,
        size: stored.size,
        uploaded_by: uploadedBy,
      });
      if (row) return { blob: row, created: true };
      return { blob: (await findBlob(db, stored.hash)) as BlobRow, created: false };
    },
    find,
    async exists(hash) {
      return (await find(hash)) !== undefined;
    },
    async open(hash, range) {
      return isBlobHash(hash) ? store.get(hash, range) : undefined;
    },
    urlOf: (hash) => `${urlPrefix}${hash}`,
    hashOf(url) {
      // A path alone is read against a placeholder origin; any origin goes (a CDN's, say).
      if (!URL.canParse(url, 'http://placeholder.invalid')) return undefined;
      const { pathname } = new URL(url, 'http://placeholder.invalid');
      if (!pathname.startsWith(urlPrefix)) return undefined;
      const hash = pathname.slice(urlPrefix.length);
      return isBlobHash(hash) ? hash : undefined;
    },
    close: () => store.close(),
  };
}
