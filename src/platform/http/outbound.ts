import { createHmac, randomBytes } from 'node:crypto';
import { type LookupAddress, type LookupAllOptions, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { Problem } from '../problems.ts';
import { headerNamePattern, headerProblem } from './header-syntax.ts';

// Calls from Meridian to URLs that users chose (webhooks, push services, later the scheduler's
// webhook actions). A user-chosen URL must not become a way into the operator's network, so
// private, loopback and link-local targets are refused unless the operator allows them; the
// check runs on every address a name resolves to, at connect time, so a name that resolves
// differently later (DNS rebinding) is still refused.

/** The target is not one Meridian may call (scheme, or a private address). */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
}

/**
 * The request cannot be sent as given (a header or method that HTTP does not allow): refused
 * before any connection is taken, and sending it again will fail the same way.
 */
export class OutboundInvalidRequest extends Error {
  override readonly name = 'OutboundInvalidRequest';
}

/** The whole call (waiting for a connection, connecting, sending, the answer) took too long. */
export class OutboundTimeout extends Error {
  override readonly name = 'OutboundTimeout';
}

export interface OutboundOptions {
  /** Allow private, loopback and link-local addresses (tests, single-machine use). */
  allowPrivate: boolean;
  /**
   * The default deadline of a call, from the call to the end of the answer (connecting and
   * waiting for a free connection included); also the connect timeout. Default 10 s.
   */
  timeoutMs?: number;
  /** Connections kept per origin. */
  connectionsPerOrigin?: number;
}

/** What every call takes besides its URL (and method). */
export interface OutboundCall {
  headers: Record<string, string>;
  /** Cancels the call (a job's attempt aborted, shutdown). */
  signal?: AbortSignal;
  /** This call's deadline instead of the client's `timeoutMs`. */
  timeoutMs?: number;
}

export interface OutboundResponse {
  status: number;
  /** The start of the response body (for error messages), never more than 1 KiB. */
  excerpt: string;
}

/**
 * Every call ends by its deadline, whatever the target does, and gives its connection back on
 * every path. It throws `OutboundRefused` (a target Meridian may not call),
 * `OutboundInvalidRequest` (headers or method HTTP does not allow; not worth retrying),
 * `OutboundTimeout`, the `signal`'s reason, or undici's network error.
 */
export interface Outbound {
  /** POSTs `body`; redirects are not followed. */
  post(url: string, request: OutboundCall & { body: string | Buffer }): Promise<OutboundResponse>;
  /**
   * Any method; with `signed`, the body (empty for none) is signed per Standard Webhooks like
   * `postSignedWebhook`'s. For user-defined calls such as a scheduler task's webhook: the
   * caller's headers are sent in lower case, and the ones Meridian sets (`content-type` for a
   * body, `user-agent` and `webhook-*` when signed) replace theirs.
   */
  send(
    url: string,
    request: OutboundCall & {
      method: string;
      body?: string;
      /** Several secrets (a rotation's overlap): one signature each, space-separated. */
      signed?: { id: string; secret: string | string[] };
    },
  ): Promise<OutboundResponse>;
  /** POSTs a JSON body signed per Standard Webhooks (see `signWebhook`). */
  postSignedWebhook(
    url: string,
    message: { id: string; secret: string; body: string; signal?: AbortSignal; timeoutMs?: number },
  ): Promise<OutboundResponse>;
  /** Closes every connection; calls still running fail. For shutdown. */
  close(): Promise<void>;
}

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127], // unspecified and loopback
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/**
 * True for loopback, private, link-local, reserved and multicast addresses. `BlockList` matches
 * an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) against the IPv4 ranges.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `dns.lookup` for sockets: fails when any address of the name is private. */
function guardedLookup(
  hostname: string,
  options: LookupAllOptions | { all?: false },
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) {
      return callback(
        new OutboundRefused(`${hostname} is a private address (${refused.address})`),
        [],
      );
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first?.address ?? '', first?.family);
  });
}

/** Scheme, and the host when it is an address literal (sockets skip the lookup for those). */
function checkUrl(url: string, allowPrivate: boolean): URL {
  if (!URL.canParse(url)) throw new OutboundRefused(`${url} is not a URL`);
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new OutboundRefused(`${parsed.protocol} URLs are not allowed, only http and https`);
  }
  if (parsed.username || parsed.password) {
    throw new OutboundRefused('URLs with credentials are not allowed');
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    throw new OutboundRefused(`${host} is a private address`);
  }
  return parsed;
}

/**
 * Throws `OutboundRefused` for a URL that `Outbound.post` would refuse: not http(s), credentials
 * in it, or (unless `allowPrivate`) a private address or a name that resolves to one. For checking
 * a URL when a user registers it, so that the mistake is told at once.
 */
export async function checkOutboundTarget(url: string, allowPrivate: boolean): Promise<void> {
  const target = checkUrl(url, allowPrivate);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host)) return;
  await new Promise<void>((resolve, reject) =>
    guardedLookup(host, { all: true }, (error) => (error ? reject(error) : resolve())),
  ).catch((error: Error) => {
    throw error instanceof OutboundRefused
      ? error
      : new OutboundRefused(`${host} does not resolve (${error.message})`);
  });
}

/** For request handlers: a URL that Meridian may not call is the user's mistake, a 422 saying why. */
export async function requireCallableTarget(url: string, allowPrivate: boolean): Promise<void> {
  try {
    await checkOutboundTarget(url, allowPrivate);
  } catch (error) {
    if (error instanceof OutboundRefused) throw new Problem('target-refused', error.message);
    throw error;
  }
}

const excerptBytes = 1024;

/** A method is a token, as a header name is (RFC 9110 §9.1). */
const methodToken = new RegExp(headerNamePattern);

/**
 * Reads at most `excerptBytes` of a body. Leaving the loop early destroys the body, which closes
 * the connection rather than read the rest: a target cannot make Meridian read or hold much.
 */
async function excerptOf(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= excerptBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, excerptBytes).toString('utf8');
}

/**
 * `work`'s result, or `signal`'s reason as soon as it aborts. undici acts on a signal only once
 * the request has a connection: a request still queued for one of its origin's connections
 * (all busy with slow targets) would wait on, so the call does not wait for undici to give up.
 * `work` must release what it holds by itself when it ends later.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const undiciTimeouts = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * An HTTP client for user-chosen targets: undici with a connection pool, one deadline per call,
 * no redirects, and the private-address guard (unless `allowPrivate`).
 *
 * Nothing a caller passes may make undici throw once it has picked a connection for the
 * request: its pool then counts that connection as busy for good, and after
 * `connectionsPerOrigin` such requests every later one to the origin waits forever. So the
 * method and headers are checked here first (`headerProblem`), and the deadline is kept here
 * rather than left to undici.
 *
 * @example
 * const outbound = createOutbound({ allowPrivate: config.outboundAllowPrivate });
 * const { status } = await outbound.postSignedWebhook(url, { id, secret, body });
 */
export function createOutbound(options: OutboundOptions): Outbound {
  const defaultTimeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 16,
    headersTimeout: defaultTimeoutMs,
    bodyTimeout: defaultTimeoutMs,
    connect: options.allowPrivate
      ? { timeout: defaultTimeoutMs }
      : { timeout: defaultTimeoutMs, lookup: guardedLookup },
  });

  /** One request and the start of its answer; the body is released however it ends. */
  async function exchange(
    target: URL,
    method: string,
    call: OutboundCall & { body?: string | Buffer },
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<OutboundResponse> {
    const response = await agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: method as Dispatcher.HttpMethod,
      headers: call.headers,
      body: call.body,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    try {
      return { status: response.statusCode, excerpt: await excerptOf(response.body) };
    } finally {
      // A body read to its end leaves the connection for the next call; one left anywhere
      // before (an error, an abort, the excerpt full) closes it.
      response.body.destroy();
    }
  }

  async function request(
    url: string,
    method: string,
    call: OutboundCall & { body?: string | Buffer },
  ): Promise<OutboundResponse> {
    const target = checkUrl(url, options.allowPrivate);
    if (!methodToken.test(method)) {
      throw new OutboundInvalidRequest(`${JSON.stringify(method)} is not an HTTP method`);
    }
    const problem = headerProblem(call.headers, call.body ? Buffer.byteLength(call.body) : 0);
    if (problem) throw new OutboundInvalidRequest(problem);

    const timeoutMs = call.timeoutMs ?? defaultTimeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    const timedOut = (detail: string) =>
      new OutboundTimeout(`timeout: ${target.origin} ${detail} within ${timeoutMs} ms`);
    if (call.signal?.aborted) throw call.signal.reason;
    try {
      return await untilAborted(exchange(target, method, call, signal, timeoutMs), signal);
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      if (deadline.aborted) throw timedOut('gave no complete answer');
      const { code, cause } = error as { code?: string; cause?: unknown };
      if (code && undiciTimeouts.has(code)) {
        throw timedOut(code === 'UND_ERR_CONNECT_TIMEOUT' ? 'did not connect' : 'stalled');
      }
      // undici wraps a refused lookup; the refusal is what the caller needs to see.
      throw cause instanceof OutboundRefused ? cause : error;
    }
  }

  function signedHeaders(
    id: string,
    secret: string | string[],
    body: string,
  ): Record<string, string> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signatures = [secret].flat().map((key) => signWebhook(key, id, timestamp, body));
    return {
      'user-agent': 'Meridian-Webhooks/1',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatures.join(' '),
    };
  }

  return {
    post: (url, call) => request(url, 'POST', call),
    send(url, call) {
      const body = call.body ?? '';
      const own: Record<string, string> = {
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call.signed ? signedHeaders(call.signed.id, call.signed.secret, body) : {}),
      };
      // The caller's spelling of a header Meridian sets would otherwise be sent beside it.
      const theirs = Object.entries(call.headers).filter(
        ([name]) => !Object.hasOwn(own, name.toLowerCase()),
      );
      return request(url, call.method, {
        headers: { ...Object.fromEntries(theirs), ...own },
        body: call.body,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    },
    postSignedWebhook(url, message) {
      return request(url, 'POST', {
        headers: {
          'content-type': 'application/json',
          ...signedHeaders(message.id, message.secret, message.body),
        },
        body: message.body,
        signal: message.signal,
        timeoutMs: message.timeoutMs,
      });
    },
    close: () => agent.destroy(),
  };
}

/** A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,` and the base64 HMAC-SHA256, keyed by
 * the secret's bytes, of `<id>.<timestamp>.<body>`. Receivers recompute it to trust the body, and
 * reject old timestamps to stop replays.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}
