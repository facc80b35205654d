import { NodeSourceError } from './node-list.ts';

// Where a node source is: the location a customer registers, checked when they register it so
// that a mistake is told at once (a 422) rather than at the first read. node-source.ts reads it.

/** Where a node source is, as `parseNodeSource` checked it. `location` is the canonical text. */
export type NodeSource =
  | { kind: 's3'; location: string; bucket: string; key: string }
  | { kind: 'http'; location: string; url: string };

/** The longest location taken: a URL column, and a bound on what a request may store. */
const maxLocationLength = 2048;

/**
 * Checks a node source's location as a customer typed it: `s3://bucket/key` (S3's bucket-name
 * rules, a non-empty key taken literally, without percent-decoding) or an `https://` URL, or an
 * `http://` one when `allowHttp` (local development, tests). Throws a `NodeSourceError` of kind
 * `invalid` saying what to change: routes answer it as a 422.
 *
 * @example
 * parseNodeSource('s3://acme-fleet/prod/nodes.json');
 * // { kind: 's3', location: 's3://acme-fleet/prod/nodes.json', bucket: 'acme-fleet', key: 'prod/nodes.json' }
 */
export function parseNodeSource(
  location: string,
  options: { allowHttp?: boolean } = {},
): NodeSource {
  const text = location.trim();
  if (text.length > maxLocationLength) {
    throw invalid(`A node source location is at most ${maxLocationLength} characters`);
  }
  if (/^s3:\/\//i.test(text)) return parseS3Location(text.slice('s3://'.length));
  const url = parseHttpUrl(text, options.allowHttp ?? false, 'node source');
  return { kind: 'http', location: url.href, url: url.href };
}

/**
 * Checks the endpoint of an S3-compatible store (MinIO, R2, B2…): `https://host[:port]`, or
 * `http://` when `allowHttp`; no path, no credentials. Returns it as an origin.
 */
export function parseS3Endpoint(endpoint: string, options: { allowHttp?: boolean } = {}): string {
  const url = parseHttpUrl(endpoint.trim(), options.allowHttp ?? false, 'S3 endpoint');
  if (url.pathname !== '/' || url.search) {
    throw invalid(
      `${url.href}: an S3 endpoint is a scheme and host only, such as https://minio.example.com:9000`,
    );
  }
  return url.origin;
}

function parseS3Location(rest: string): NodeSource {
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? '' : rest.slice(slash + 1);
  const problem = bucketNameProblem(bucket);
  if (problem) throw invalid(`s3://${rest}: the bucket name ${JSON.stringify(bucket)} ${problem}`);
  if (!key) {
    throw invalid(
      `s3://${rest} names a bucket but no object: write s3://${bucket}/path/to/nodes.json`,
    );
  }
  if (Buffer.byteLength(key) > 1024)
    throw invalid(`s3://${bucket}/…: an S3 key is at most 1024 bytes`);
  // S3 takes them, but a key with control characters is a paste gone wrong, not a file name.
  if (/\p{Cc}/u.test(key)) {
    throw invalid(`s3://${bucket}/…: the key holds a control character (a stray tab or newline?)`);
  }
  return { kind: 's3', location: `s3://${bucket}/${key}`, bucket, key };
}

const reservedBucketPrefixes = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const reservedBucketSuffixes = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** S3's rules for general-purpose bucket names, which S3-compatible stores follow too. */
function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) {
    return 'may hold only lower-case letters, digits, dots and hyphens';
  }
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (name.includes('..')) return 'must not hold two dots in a row';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'must not be an IP address';
  const prefix = reservedBucketPrefixes.find((reserved) => name.startsWith(reserved));
  if (prefix) return `must not begin with "${prefix}" (reserved by S3)`;
  const suffix = reservedBucketSuffixes.find((reserved) => name.endsWith(reserved));
  if (suffix) return `must not end with "${suffix}" (reserved by S3)`;
  return undefined;
}

function parseHttpUrl(text: string, allowHttp: boolean, what: string): URL {
  const accepted = allowHttp
    ? 's3://bucket/key, https:// or http://'
    : 's3://bucket/key or https://';
  if (!URL.canParse(text))
    throw invalid(`${JSON.stringify(text)} is not a URL: a ${what} is ${accepted}`);
  const url = new URL(text);
  if (url.protocol === 'http:' && !allowHttp) {
    throw invalid(
      `${url.href} is plain http, which anyone on the way can read and change: use https`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`${url.protocol} is not a ${what} scheme: use ${accepted}`);
  }
  // WHATWG parsing reads "https:///nodes" as the host "nodes"; what was typed has no host.
  if (!/^https?:\/\/[^/\\?#]/i.test(text)) throw invalid(`${JSON.stringify(text)} has no host`);
  if (url.username || url.password) {
    throw invalid(
      `${url.host}: a ${what} must not carry a user name or password, which would be stored and logged with it`,
    );
  }
  // Never sent: a fragment would only make two spellings of one source.
  url.hash = '';
  return url;
}

function invalid(message: string): NodeSourceError {
  return new NodeSourceError('invalid', message);
}
