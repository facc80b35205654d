import { ConfigError, defineConfigSection, type EnvReader } from '../config.ts';

/**
 * The content types an upload may be when `BLOBS_CONTENT_TYPES` does not say: raster images a
 * browser shows, and PDF (item manuals, spec sheets). Never SVG or HTML: they can carry script,
 * and being text they cannot be recognised from their bytes anyway.
 */
export const defaultContentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'application/pdf',
] as const;

/** The types Meridian can recognise from the bytes and may therefore accept (`file-type` knows more). */
const recognisable = new Set<string>([
  ...defaultContentTypes,
  'image/bmp',
  'image/tiff',
  'image/heic',
  'image/jxl',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/ogg',
]);

/** Where uploads are kept, how large they may be, and which types are taken. */
export const blobsConfig = defineConfigSection('blobs', (env) => ({
  /** Largest upload; one byte more is a 413 and nothing is kept. */
  maxBytes: env.integer('BLOBS_MAX_BYTES', 10 * 1024 * 1024, 1, 5 * 1024 * 1024 * 1024),
  /** Content types an upload may be, as sniffed from its bytes. */
  contentTypes: contentTypes(env),
  /** Unset: blobs live on local disk under `DATA_DIR/blobs`. */
  s3: s3Settings(env),
}));

export type BlobsConfig = ReturnType<typeof blobsConfig.of>;

/** An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2, …). */
export interface S3Settings {
  bucket: string;
  /** Unset: AWS's endpoint for `region`. */
  endpoint: string | undefined;
  region: string;
  /** Unset (both): the AWS SDK's default chain (instance role, `AWS_*` variables, profile). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key` (MinIO, most self-hosted). */
  forcePathStyle: boolean;
  /** Prepended to every key, so that one bucket can hold other things too. */
  prefix: string;
}

function contentTypes(env: EnvReader): string[] {
  const value = env.raw('BLOBS_CONTENT_TYPES');
  if (value === undefined) return [...defaultContentTypes];
  const types = value.split(',').map((type) => type.trim().toLowerCase());
  for (const type of types) {
    if (!recognisable.has(type)) {
      throw new ConfigError(
        `BLOBS_CONTENT_TYPES must list types Meridian can recognise from the bytes, such as ${defaultContentTypes.join(',')} (got "${type}")`,
      );
    }
  }
  return types;
}

function s3Settings(env: EnvReader): S3Settings | undefined {
  const bucket = env.raw('BLOBS_S3_BUCKET');
  const endpoint = env.url('BLOBS_S3_ENDPOINT', ['http:', 'https:'], 'https://s3.example.com');
  const accessKeyId = env.raw('BLOBS_S3_ACCESS_KEY_ID');
  const secretAccessKey = env.raw('BLOBS_S3_SECRET_ACCESS_KEY');
  const region = env.text('BLOBS_S3_REGION', 'us-east-1');
  const forcePathStyle = env.boolean('BLOBS_S3_FORCE_PATH_STYLE', false);
  const prefix = env.text('BLOBS_S3_PREFIX', '');
  if (bucket === undefined) {
    if (endpoint !== undefined || accessKeyId !== undefined) {
      throw new ConfigError('BLOBS_S3_BUCKET must be set when other BLOBS_S3_ variables are');
    }
    return undefined;
  }
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(
      'BLOBS_S3_ACCESS_KEY_ID and BLOBS_S3_SECRET_ACCESS_KEY must be set together',
    );
  }
  return {
    bucket,
    endpoint,
    region,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle,
    prefix,
  };
}
