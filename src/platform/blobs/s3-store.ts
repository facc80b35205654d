import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { BlobStore, ByteRange, PutResult } from './blob-store.ts';
import type { S3Settings } from './config.ts';
import { discard, spool } from './spool.ts';

/**
 * Blobs as objects in an S3-compatible bucket, each at `<prefix><hash>`. An upload is received
 * into a local temporary file in `spoolDir` first: its key is its hash, known only at the end,
 * and so S3 gets one plain `PutObject` with a known length (no multipart upload, no temporary
 * object to copy and delete, nothing left in the bucket by a refused upload).
 */
export function createS3Store(settings: S3Settings, spoolDir: string): BlobStore {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // The SDK's default since 2025 adds CRC32 checksums (aws-chunked trailers) to every upload,
    // which many S3-compatible stores refuse; the content hash is checked by Meridian itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const { bucket, prefix } = settings;
  const keyOf = (hash: string) => `${prefix}${hash}`;

  async function head(hash: string) {
    try {
      const object = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(hash) }));
      return { size: object.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  return {
    location: `s3://${bucket}/${prefix}`,
    async put(body, { maxBytes, admit }): Promise<PutResult> {
      const upload = await spool(body, spoolDir, maxBytes);
      try {
        const contentType = admit ? await admit(upload) : 'application/octet-stream';
        const result = { hash: upload.hash, size: upload.size, contentType };
        if (await head(upload.hash)) return { ...result, created: false };
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: keyOf(upload.hash),
            Body: createReadStream(upload.path),
            ContentLength: upload.size,
            ContentType: contentType,
            // For a CDN or browser reading the bucket directly: the bytes never change.
            CacheControl: 'public, max-age=31536000, immutable',
          }),
        );
        return { ...result, created: true };
      } finally {
        await discard(upload.path);
      }
    },
    head,
    async get(hash, range?: ByteRange) {
      try {
        const object = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: keyOf(hash),
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
        );
        const size = range ? totalOf(object.ContentRange) : object.ContentLength;
        return { stream: object.Body as Readable, size: size ?? 0, range };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async has(hash) {
      return (await head(hash)) !== undefined;
    },
    async close() {
      client.destroy();
    },
  };
}

/** HEAD answers a bare 404 (`NotFound`), GET a `NoSuchKey` error. */
function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;
}

/** The whole size from `bytes 0-9/1234`. */
function totalOf(contentRange: string | undefined): number | undefined {
  const total = contentRange?.split('/')[1];
  return total === undefined || total === '*' ? undefined : Number(total);
}
