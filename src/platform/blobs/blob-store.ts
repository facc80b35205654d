import type { Readable } from 'node:stream';

/** A blob's name: the SHA-256 of its bytes, 64 lower-case hex digits. */
export const blobHashPattern = /^[0-9a-f]{64}$/;

/** Whether `value` is a well-formed blob hash (not whether such a blob exists). */
export function isBlobHash(value: string): boolean {
  return blobHashPattern.test(value);
}

/** An upload received whole in a temporary file, hashed, not yet kept. */
export interface SpooledUpload {
  hash: string;
  size: number;
  /** The temporary file: read it (to sniff its type), never move or delete it. */
  path: string;
}

export interface PutOptions {
  /** Bytes at most: one more and `put` throws `payload-too-large`, having kept nothing. */
  maxBytes: number;
  /**
   * Looks at the upload once it is whole and before it is kept, and gives its content type;
   * throwing refuses it, and nothing is kept. Without it the type is `application/octet-stream`.
   */
  admit?(upload: SpooledUpload): Promise<string> | string;
}

/** What `put` kept. `created` is false when a blob with these bytes was there already. */
export interface PutResult {
  hash: string;
  size: number;
  contentType: string;
  created: boolean;
}

/** Bytes `start` to `end`, both included (as in HTTP's `Content-Range`). */
export interface ByteRange {
  start: number;
  end: number;
}

/** An open blob: its bytes (the range asked for, or all) and its whole size. */
export interface BlobBody {
  stream: Readable;
  size: number;
  range: ByteRange | undefined;
}

/**
 * Where blob bytes live, named by their hash: local disk (`createDiskStore`) or an S3-compatible
 * bucket (`createS3Store`). Bytes are written once and never change, so every read may be cached
 * forever. A store knows bytes only: content types and uploaders are rows in PostgreSQL.
 */
export interface BlobStore {
  /** Where it keeps blobs, for the log: a directory or `s3://bucket/prefix`. */
  readonly location: string;
  /**
   * Receives `body` into a temporary file (hashing and counting as it comes, never holding it in
   * memory), lets `admit` look at it, then keeps it under its hash. Putting bytes that are there
   * already keeps nothing new.
   */
  put(body: Readable | Uint8Array, options: PutOptions): Promise<PutResult>;
  /** The size of a kept blob, or undefined. */
  head(hash: string): Promise<{ size: number } | undefined>;
  /** A kept blob's bytes, or those of `range` (which the caller has checked lies within it). */
  get(hash: string, range?: ByteRange): Promise<BlobBody | undefined>;
  has(hash: string): Promise<boolean>;
  /** Lets go of connections (S3); a disk store has none. */
  close(): Promise<void>;
}
