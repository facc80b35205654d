import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Agent } from 'undici';
import { checkUrl, guardedLookup, OutboundRefused } from '../platform/outbound/target-guard.ts';
import {
  defaultMaxBytes,
  type NodeListLimits,
  NodeSourceError,
  parseNodeList,
} from './node-list.ts';
import type { NodeSource } from './node-location.ts';

// A service's node source: the object, in the customer's bucket or behind their URL, that lists
// the nodes a certificate is delivered to (docs/design/delivery-node-sources.md). Reading it is
// a call to a place the customer chose, so it goes through the outbound guard (no private
// addresses unless the operator allows them), ends by its deadline, and reads at most `maxBytes`
// whatever the other side sends. No database here: the caller keeps the last good list.

// The parts, re-exported so that callers have one module to import: where a source is
// (node-location.ts) and what its list says (node-list.ts).
export { diffNodes, NodeSourceError, type NodeSourceErrorKind } from './node-list.ts';
export { type NodeSource, parseNodeSource, parseS3Endpoint } from './node-location.ts';

/** A key of the customer's that may read their object (`s3:GetObject` on it and no more). */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials. */
  sessionToken?: string;
}

export interface ReadNodeSourceOptions extends Partial<NodeListLimits> {
  /** The ETag of the last good read: an object that has not changed answers `changed: false`. */
  etag?: string;
  /** Required for `s3://`: a customer's bucket is never read with Meridian's own AWS identity. */
  credentials?: S3Credentials;
  /** An S3-compatible store's endpoint, as `parseS3Endpoint` returned it. Unset: AWS. */
  s3Endpoint?: string;
  /** The bucket's region; default `us-east-1`. */
  s3Region?: string;
  /** Let the source be on a private or loopback address (`OUTBOUND_ALLOW_PRIVATE`, tests). */
  allowPrivate?: boolean;
  /** The whole read, connecting to the last byte; default 30 s. */
  timeoutMs?: number;
  /** Cancels the read (shutdown, the job's attempt aborted): it rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A read's outcome; on any failure `readNodeSource` throws, and nothing is to be removed. */
export type NodeSourceRead =
  | { changed: false }
  | { changed: true; etag: string | undefined; nodes: string[] };

export const defaultReadTimeoutMs = 30_000;

/** The object's bytes and its ETag, or the source's word that the caller's copy is current. */
type Fetched = { etag: string | undefined; body: Buffer } | 'not-modified';

/**
 * Reads a node source once: `{ changed: false }` when it still has `etag`, else its nodes (see
 * `parseNodeList` for the formats and the rules for names) and its new ETag. Throws a
 * `NodeSourceError` for every way a read can fail (its `kind` says which) and never returns a
 * partial list, so the caller keeps the nodes it has; a cancelled `signal` rejects with its
 * reason. Each read has its own connection, closed at the end: reads of one source are minutes
 * apart, and sources are mostly on different hosts, so a shared pool would hold nothing useful.
 *
 * @example
 * const read = await readNodeSource(source, { etag: service.sourceEtag, credentials });
 * if (read.changed) {
 *   const { added, removed } = diffNodes(knownNodes, read.nodes);
 * }
 */
export async function readNodeSource(
  source: NodeSource,
  options: ReadNodeSourceOptions = {},
): Promise<NodeSourceRead> {
  const timeoutMs = options.timeoutMs ?? defaultReadTimeoutMs;
  if (options.signal?.aborted) throw options.signal.reason;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let fetched: Fetched;
  try {
    fetched =
      source.kind === 's3'
        ? await fetchS3(source, options, signal)
        : await fetchHttp(source, options, signal);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (deadline.aborted) {
      throw new NodeSourceError(
        'timeout',
        `${source.location} was not read within ${timeoutMs} ms`,
      );
    }
    throw error;
  }
  if (fetched === 'not-modified') return { changed: false };
  return { changed: true, etag: fetched.etag, nodes: parseNodeList(fetched.body, options) };
}

async function fetchHttp(
  source: NodeSource & { kind: 'http' },
  options: ReadNodeSourceOptions,
  signal: AbortSignal,
): Promise<Fetched> {
  const allowPrivate = options.allowPrivate ?? false;
  const url = refusedAsError(() => checkUrl(source.url, allowPrivate));
  const agent = new Agent({ connect: allowPrivate ? {} : { lookup: guardedLookup } });
  // undici heeds a signal only once the request has a connection (see `untilAborted` in
  // outbound/client.ts); destroying the agent ends a connect or a lookup as well.
  const stop = () => void agent.destroy(signal.reason as Error).catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  try {
    const response = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: {
        accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
        // undici's request() does not decompress; a compressed body would be bytes to refuse.
        'accept-encoding': 'identity',
        'user-agent': 'Meridian node-source',
        ...(options.etag ? { 'if-none-match': options.etag } : {}),
      },
      signal,
    });
    const { statusCode: status, headers } = response;
    if (status === 304 && options.etag) {
      discard(response.body);
      return 'not-modified';
    }
    if (status !== 200) {
      discard(response.body);
      throw statusError(url.host, status, single(headers.location));
    }
    const declared = single(headers['content-length']);
    const body = await readBounded(
      response.body,
      options.maxBytes ?? defaultMaxBytes,
      declared ? Number(declared) : undefined,
    );
    return { etag: single(headers.etag), body };
  } catch (error) {
    throw networkError(error, url.host);
  } finally {
    signal.removeEventListener('abort', stop);
    await agent.destroy().catch(() => {});
  }
}

/**
 * Drops a body that will not be read. undici's body reports being cut short as an error, which
 * nobody would be listening for: the connection closes with the agent anyway.
 */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function single(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/** What an HTTP status other than 200 (or an awaited 304) means for the customer. */
function statusError(host: string, status: number, location: string | undefined): NodeSourceError {
  if (status === 401 || status === 403) {
    return new NodeSourceError(
      'denied',
      `${host} answered ${status}: the list is not readable without credentials; use a URL that carries its own access token (such as a presigned URL) or an s3:// source with a key`,
    );
  }
  if (status === 404 || status === 410) {
    return new NodeSourceError(
      'not-found',
      `${host} answered ${status}: there is no list at this URL`,
    );
  }
  if (status >= 500) {
    return new NodeSourceError(
      'server-error',
      `${host} answered ${status}: the server failed; the read is retried`,
    );
  }
  if (status >= 300 && status < 400 && location) {
    return new NodeSourceError(
      'unexpected-status',
      `${host} answered ${status} towards ${location}: redirects are not followed, register the URL the list is at`,
    );
  }
  return new NodeSourceError(
    'unexpected-status',
    `${host} answered ${status}, not 200 with the list`,
  );
}

async function fetchS3(
  source: NodeSource & { kind: 's3' },
  options: ReadNodeSourceOptions,
  signal: AbortSignal,
): Promise<Fetched> {
  const { credentials, s3Endpoint } = options;
  if (!credentials) {
    throw new NodeSourceError(
      'invalid',
      `${source.location}: an s3:// node source needs the access key id and secret of a key that may read it`,
    );
  }
  const allowPrivate = options.allowPrivate ?? false;
  if (s3Endpoint) refusedAsError(() => checkUrl(s3Endpoint, allowPrivate));
  // The guard at connect time, as for URLs: an endpoint is the customer's choice too.
  const lookup = allowPrivate ? undefined : guardedLookup;
  const httpAgent = new http.Agent({ lookup });
  const httpsAgent = new https.Agent({ lookup });
  const client = new S3Client({
    region: options.s3Region ?? 'us-east-1',
    endpoint: s3Endpoint,
    // Self-hosted stores (MinIO) are reached by path; AWS by host, as the SDK chooses.
    forcePathStyle: s3Endpoint !== undefined,
    credentials,
    // The caller's next periodic read is the retry; within one read the deadline is the bound.
    maxAttempts: 1,
    // As in blobs/s3-store.ts: S3-compatible stores often lack the SDK's default checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { httpAgent, httpsAgent },
  });
  const where = s3Endpoint ? new URL(s3Endpoint).host : 'S3';
  try {
    const object = await client.send(
      new GetObjectCommand({ Bucket: source.bucket, Key: source.key, IfNoneMatch: options.etag }),
      { abortSignal: signal },
    );
    const body = await readBounded(
      object.Body as Readable,
      options.maxBytes ?? defaultMaxBytes,
      object.ContentLength,
    );
    return { etag: object.ETag, body };
  } catch (error) {
    if (!(error instanceof S3ServiceException)) throw networkError(error, where);
    if (error.$metadata.httpStatusCode === 304 && options.etag) return 'not-modified';
    throw s3Error(source, error);
  } finally {
    client.destroy();
    httpAgent.destroy();
    httpsAgent.destroy();
  }
}

/** An S3 error answer, with S3's code (`NoSuchKey`, `InvalidAccessKeyId`…) for the customer. */
function s3Error(source: NodeSource, error: S3ServiceException): NodeSourceError {
  const status = error.$metadata.httpStatusCode ?? 0;
  const said = `${source.location}: S3 answered ${status} ${error.name}`;
  if (status === 401 || status === 403) {
    return new NodeSourceError(
      'denied',
      `${said}: the key may not read this object (check the key, its secret and its s3:GetObject permission)`,
    );
  }
  if (status === 404) {
    return new NodeSourceError(
      'not-found',
      `${said}: ${error.name === 'NoSuchBucket' ? 'there is no such bucket' : 'there is no object at this key'}`,
    );
  }
  if (status >= 500) return new NodeSourceError('server-error', `${said}; the read is retried`);
  // 301 PermanentRedirect and 400 AuthorizationHeaderMalformed mostly mean the wrong region.
  return new NodeSourceError(
    'unexpected-status',
    `${said}: ${error.message} (is the region right?)`,
  );
}

/**
 * The whole body, refused as soon as it passes `maxBytes` (or says it will, by its length):
 * leaving the loop destroys the stream and so closes the connection, whatever is still coming.
 * A body that stalls is ended by the deadline, through the signal each client was given.
 */
async function readBounded(
  stream: Readable,
  maxBytes: number,
  declaredLength: number | undefined,
): Promise<Buffer> {
  const tooLarge = () =>
    new NodeSourceError(
      'too-large',
      `the list is larger than ${maxBytes} bytes, the most a node source may hold`,
    );
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    discard(stream);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  if (declaredLength !== undefined && size !== declaredLength) {
    throw new NodeSourceError(
      'unreachable',
      `the answer ended after ${size} of its ${declaredLength} bytes`,
    );
  }
  return Buffer.concat(chunks, size);
}

/** A refusal of the outbound guard, by whichever path it came, as the customer's mistake. */
function refusedAsError<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw networkError(error, '');
  }
}

function networkError(error: unknown, where: string): unknown {
  if (error instanceof NodeSourceError) return error;
  const { code, cause, message } = error as { code?: string; cause?: unknown; message?: string };
  const refusal = [error, cause].find((reason) => reason instanceof OutboundRefused);
  if (refusal)
    return new NodeSourceError(
      'refused',
      `Meridian may not read this source: ${(refusal as Error).message}`,
    );
  return new NodeSourceError(
    'unreachable',
    `${where ? `${where}: ` : ''}${code ?? message ?? String(error)}`,
  );
}
