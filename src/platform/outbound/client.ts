import { Agent, type Dispatcher } from 'undici';
import { headerNamePattern, headerProblem } from './header-syntax.ts';
import { signedWebhookHeaders } from './signing.ts';
import {
  type AllowedRanges,
  checkUrl,
  guardedLookup,
  guardedLookupAllowing,
  OutboundRefused,
} from './target-guard.ts';

// The client for calls from Meridian to URLs that users chose: one deadline per call, no
// redirects, a bounded read of the answer, and the private-address guard of target-guard.ts at
// connect time.

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
  /**
   * Private ranges this call may reach (an organisation's networks, allowed by an operator);
   * every other private address stays refused. Calls with the same `key` share a pool.
   */
  allowedRanges?: AllowedRanges;
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
/** Connection pools kept for calls with allowed ranges (one per organisation that has some). */
const maxRangePools = 64;

export function createOutbound(options: OutboundOptions): Outbound {
  const defaultTimeoutMs = options.timeoutMs ?? 10_000;
  const agentWith = (lookup: typeof guardedLookup | undefined) =>
    new Agent({
      connections: options.connectionsPerOrigin ?? 16,
      headersTimeout: defaultTimeoutMs,
      bodyTimeout: defaultTimeoutMs,
      connect: lookup ? { timeout: defaultTimeoutMs, lookup } : { timeout: defaultTimeoutMs },
    });
  const agent = agentWith(options.allowPrivate ? undefined : guardedLookup);
  // One pool per set of allowed ranges (its guard differs), the least recently used closed
  // beyond `maxRangePools`: calls running on it finish first.
  const rangePools = new Map<string, Agent>();
  function agentFor(allowed: AllowedRanges | undefined): Agent {
    if (!allowed || options.allowPrivate) return agent;
    let pool = rangePools.get(allowed.key);
    if (pool) rangePools.delete(allowed.key);
    else pool = agentWith(guardedLookupAllowing(allowed));
    rangePools.set(allowed.key, pool);
    for (const [key, old] of rangePools) {
      if (rangePools.size <= maxRangePools) break;
      rangePools.delete(key);
      void old.close().catch(() => {});
    }
    return pool;
  }

  /** One request and the start of its answer; the body is released however it ends. */
  async function exchange(
    target: URL,
    method: string,
    call: OutboundCall & { body?: string | Buffer },
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<OutboundResponse> {
    const response = await agentFor(call.allowedRanges).request({
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
    const target = checkUrl(url, options.allowPrivate, call.allowedRanges);
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

  return {
    post: (url, call) => request(url, 'POST', call),
    send(url, call) {
      const body = call.body ?? '';
      const own: Record<string, string> = {
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(call.signed ? signedWebhookHeaders(call.signed.id, call.signed.secret, body) : {}),
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
          ...signedWebhookHeaders(message.id, message.secret, message.body),
        },
        body: message.body,
        signal: message.signal,
        timeoutMs: message.timeoutMs,
      });
    },
    async close() {
      const pools = [agent, ...rangePools.values()];
      rangePools.clear();
      await Promise.all(pools.map((pool) => pool.destroy()));
    },
  };
}
