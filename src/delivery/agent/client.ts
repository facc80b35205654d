import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { Agent } from 'undici';

// The agent's side of the wire: Meridian's agent API over one connection pool. Plain http is
// for a server on this machine (loopback) or when the operator says so (`--insecure-http`):
// elsewhere a node credential, and the certificates, would cross in clear. An https server is
// verified against the system's CAs, or only against `--ca-file`'s when given.

/** The agent cannot work as configured (a refused URL, an unverifiable server): exit 2. */
export class AgentSetupError extends Error {
  override readonly name = 'AgentSetupError';
}

/** The server answered, with a status the agent did not expect. */
export class ServerAnswer extends Error {
  override readonly name = 'ServerAnswer';
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;

  constructor(status: number, body: Record<string, unknown> | undefined) {
    const detail = typeof body?.detail === 'string' ? `: ${body.detail}` : '';
    super(`the server answered ${status}${detail}`);
    this.status = status;
    this.body = body;
  }
}

export interface ClientOptions {
  server: string;
  caFile?: string;
  insecureHttp?: boolean;
}

export interface AgentClient {
  /** POST `path` with `body` as JSON; the answer's status and JSON body (undefined if none). */
  call(
    method: 'GET' | 'POST',
    path: string,
    options: { credential?: string; body?: unknown; signal?: AbortSignal; timeoutMs?: number },
  ): Promise<{ status: number; body: Record<string, unknown> | undefined }>;
  close(): Promise<void>;
}

/** Checks the server URL and builds the client; throws `AgentSetupError` for a refused setup. */
export async function createAgentClient(options: ClientOptions): Promise<AgentClient> {
  const base = checkedServer(options.server, options.insecureHttp ?? false);
  let ca: string | undefined;
  if (options.caFile) {
    ca = await readFile(options.caFile, 'utf8').catch((error: Error) => {
      throw new AgentSetupError(`cannot read --ca-file ${options.caFile}: ${error.message}`);
    });
  }
  // Long polls hold a request for up to a minute; the deadline of each call is its own.
  const pool = new Agent({
    connect: ca ? { ca } : {},
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return {
    async call(method, path, { credential, body, signal, timeoutMs = 30_000 }) {
      const deadline = AbortSignal.any([
        AbortSignal.timeout(timeoutMs),
        ...(signal ? [signal] : []),
      ]);
      const response = await pool.request({
        origin: base.origin,
        path: `${base.pathname.replace(/\/$/, '')}${path}`,
        method,
        headers: {
          accept: 'application/json',
          'user-agent': 'meridian-agent',
          ...(credential ? { authorization: `Bearer ${credential}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline,
      });
      const text = await response.body.text();
      let json: Record<string, unknown> | undefined;
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.statusCode, body: json };
    },
    close: () => pool.close(),
  };
}

function checkedServer(server: string, insecureHttp: boolean): URL {
  if (!URL.canParse(server)) throw new AgentSetupError(`--server ${server} is not a URL`);
  const url = new URL(server);
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') {
    throw new AgentSetupError(`--server must be an https URL, not ${url.protocol}`);
  }
  if (!isLoopback(url.hostname) && !insecureHttp) {
    throw new AgentSetupError(
      `--server ${url.origin} is plain http: the node's credential and certificates would cross the network in clear; use https (or --insecure-http if you must)`,
    );
  }
  return url;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Whether `error` is a failed verification of the server's TLS certificate. */
export function isCertificateError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  const cause = (error as { cause?: unknown })?.cause;
  return (
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT/.test(code) ||
    (cause !== undefined && cause !== error && isCertificateError(cause))
  );
}
