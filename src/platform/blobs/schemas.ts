import { Type } from 'typebox';

/** An uploaded blob, as `POST /v1/blobs` answers. */
export const UploadedBlob = Type.Object({
  hash: Type.String({ description: 'SHA-256 of the bytes, hex', pattern: '^[0-9a-f]{64}$' }),
  url: Type.String({ description: 'Where it is served: /v1/blobs/<hash> (immutable)' }),
  content_type: Type.String({ description: 'Sniffed from the bytes' }),
  size: Type.Integer({ description: 'Bytes' }),
});

// No pattern: a malformed hash names no blob, and is a 404 like any other unknown one.
export const BlobParams = Type.Object({ hash: Type.String() });

/** The bytes of a blob, in its own content type; for OpenAPI only (a stream is not serialised). */
export const BlobBytes = Type.Unsafe<unknown>({
  type: 'string',
  format: 'binary',
  description: "The blob's bytes (all, or the range asked for), as its Content-Type",
});
