import { createHmac, randomBytes } from 'node:crypto';
import { type LookupAddress, type LookupAllOptions, lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';
import { HttpProblem } from './problems.ts';

// Calls from Meridian to URLs that users chose (webhooks, push services, later the scheduler's
// webhook actions). A user-chosen URL must not become a way into the operator's network, so
// private, loopback and link-local targets are refused unless the operator allows them; the
// check runs on every address a name resolves to, at connect time, so a name that resolves
// differently later (DNS rebinding) is still refused.

/** The target is not one Meridian may call (scheme, or a private address). */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
}

export interface OutboundOptions {
  /** Allow private, loopback and link-local addresses (tests, single-machine use). */
  allowPrivate: boolean;
  /** Connect, response headers and each gap in the body: a target slower than this fails. */
  timeoutMs?: number;
  /** Connections kept per origin. */
  connectionsPerOrigin?: number;
}

export interface OutboundResponse {
  status: number;
  /** The start of the response body (for error messages), never more than 1 KiB. */
  excerpt: string;
}

export interface Outbound {
  /** POSTs `body`; redirects are not followed. Throws on network failure and timeout. */
  post(
    url: string,
    request: { headers: Record<string, string>; body: string | Buffer; signal?: AbortSignal },
  ): Promise<OutboundResponse>;
  /**
   * Any method; with `signed`, the body (empty for none) is signed per Standard Webhooks like
   * `postSignedWebhook`'s. For user-defined calls such as a scheduler task's webhook.
   */
  send(
    url: string,
    request: {
      method: string;
      headers: Record<string, string>;
      body?: string;
      /** Several secrets (a rotation's overlap): one signature each, space-separated. */
      signed?: { id: string; secret: string | string[] };
      signal?: AbortSignal;
    },
  ): Promise<OutboundResponse>;
  /** POSTs a JSON body signed per Standard Webhooks (see `signWebhook`). */
  postSignedWebhook(
    url: string,
    message: { id: string; secret: string; body: string; signal?: AbortSignal },
  ): Promise<OutboundResponse>;
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
    if (error instanceof OutboundRefused) throw new HttpProblem('target-refused', error.message);
    throw error;
  }
}

const excerptBytes = 1024;

/** Reads at most `excerptBytes` of a body and discards the rest, so a target cannot fill memory. */
async function excerptOf(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= excerptBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, excerptBytes).toString('utf8');
}

/**
 * An HTTP client for user-chosen targets: undici with a connection pool, timeouts, no redirects,
 * and the private-address guard (unless `allowPrivate`).
 *
 * @example
 * const outbound = createOutbound({ allowPrivate: config.outboundAllowPrivate });
 * const { status } = await outbound.postSignedWebhook(url, { id, secret, body });
 */
export function createOutbound(options: OutboundOptions): Outbound {
  const timeout = options.timeoutMs ?? 10_000;
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 16,
    headersTimeout: timeout,
    bodyTimeout: timeout,
    connect: options.allowPrivate ? { timeout } : { timeout, lookup: guardedLookup },
  });

  async function request(
    url: string,
    method: string,
    request: { headers: Record<string, string>; body?: string | Buffer; signal?: AbortSignal },
  ) {
    const target = checkUrl(url, options.allowPrivate);
    try {
      const response = await agent.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: method as 'POST',
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
      return { status: response.statusCode, excerpt: await excerptOf(response.body) };
    } catch (error) {
      // undici wraps a refused lookup; the refusal is what the caller needs to see.
      const cause = (error as { cause?: unknown }).cause;
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
    post: (url, message) => request(url, 'POST', message),
    send(url, message) {
      const body = message.body ?? '';
      return request(url, message.method, {
        headers: {
          ...message.headers,
          ...(message.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(message.signed ? signedHeaders(message.signed.id, message.signed.secret, body) : {}),
        },
        body: message.body,
        signal: message.signal,
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
      });
    },
    close: () => agent.close(),
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
