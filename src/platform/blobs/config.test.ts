import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { blobsConfig } from './config.ts';
import { blobsModule } from './module.ts';

const read = (env: Record<string, string>) =>
  blobsConfig.of(loadConfig(env, '/nonexistent', [blobsModule]));

describe('the blobs configuration', () => {
  it('keeps blobs on disk, 10 MiB at most, images and PDF, unless told', () => {
    expect(read({})).toEqual({
      maxBytes: 10 * 1024 * 1024,
      contentTypes: [
        'image/jpeg',
        'image/png',
        'image/webp',
        'image/gif',
        'image/avif',
        'application/pdf',
      ],
      s3: undefined,
    });
  });

  it('reads a bucket with its endpoint and keys', () => {
    expect(
      read({
        BLOBS_S3_BUCKET: 'media',
        BLOBS_S3_ENDPOINT: 'http://minio:9000',
        BLOBS_S3_ACCESS_KEY_ID: 'id',
        BLOBS_S3_SECRET_ACCESS_KEY: 'secret',
        BLOBS_S3_FORCE_PATH_STYLE: 'true',
      }).s3,
    ).toEqual({
      bucket: 'media',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      forcePathStyle: true,
      prefix: '',
    });
  });

  it('names the variable at fault', () => {
    expect(() => read({ BLOBS_CONTENT_TYPES: 'image/png,image/svg+xml' })).toThrow(
      /BLOBS_CONTENT_TYPES must list types .* \(got "image\/svg\+xml"\)/,
    );
    expect(() => read({ BLOBS_S3_ENDPOINT: 'http://minio:9000' })).toThrow(
      'BLOBS_S3_BUCKET must be set',
    );
    expect(() => read({ BLOBS_S3_BUCKET: 'media', BLOBS_S3_ACCESS_KEY_ID: 'id' })).toThrow(
      'BLOBS_S3_ACCESS_KEY_ID and BLOBS_S3_SECRET_ACCESS_KEY must be set together',
    );
    expect(() => read({ BLOBS_MAX_BYTES: '0' })).toThrow('BLOBS_MAX_BYTES must be an integer');
  });
});
