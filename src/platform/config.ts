import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { StartupError } from './startup.ts';

/** Meridian's whole configuration, built once at start. Nothing else reads `process.env`. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset: Meridian runs its own embedded PostgreSQL under `dataDir/postgres`. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** A statement running longer is cancelled by PostgreSQL (0: never); migrations are exempt. */
  databaseStatementTimeoutMs: number;
  logLevel: LogLevel;
  /** `auto`: pretty on a terminal, JSON lines otherwise. */
  logFormat: LogFormat;
  bodyLimitBytes: number;
  /** Requests per minute per API token (or per IP without one); 0 turns limiting off. */
  rateLimitPerMinute: number;
  /** Trust `X-Forwarded-For` from a proxy in front, so rate limits see client addresses. */
  trustProxy: boolean;
  /** A request's headers must arrive within this (a silent connection is answered 408 and closed). */
  httpHeadersTimeoutMs: number;
  /** A whole request, body included, must arrive within this; streams, once open, are exempt. */
  httpRequestTimeoutMs: number;
  /** Browser origins allowed to call the API (CORS), such as `https://app.example.com`; none: off. */
  corsOrigins: string[];
  /** Queue → jobs of it this process runs at once. */
  jobQueues: Record<string, number>;
  /** A running job's lease: a worker that dies loses its jobs to others after this. */
  jobLeaseMs: number;
  /** Completed and cancelled jobs are kept this long. */
  jobRetentionMs: number;
  /** Published events are kept this long for clients that reconnect (`Last-Event-ID`). */
  eventRetentionMs: number;
  /** A stream client with more than this many bytes waiting to be sent is cut off as too slow. */
  streamSendBufferBytes: number;
  /** Stream keep-alive: pings (a WebSocket that misses one pong is cut) or SSE comments. */
  streamHeartbeatMs: number;
  /** How often open streams are checked again: a revoked token ends its streams, a lost topic goes. */
  streamRecheckMs: number;
  /** SMTP server for email (`smtp://user:pass@host:port`); unset keeps mail in the built-in mailbox. */
  smtpUrl: string | undefined;
  /** The From of every email Meridian sends. */
  mailFrom: string;
  /** VAPID `sub` claim (RFC 8292): how a push service can reach the operator. */
  vapidSubject: string;
  /** Let webhooks and push go to private and loopback addresses (tests, single-machine use). */
  outboundAllowPrivate: boolean;
  /** Attempts in all for each notification delivery job. */
  notifyMaxAttempts: number;
  /** Wait before a delivery's second attempt; doubled for each later one (capped at an hour). */
  notifyRetryBaseMs: number;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
const logFormats = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof logFormats)[number];

export class ConfigError extends StartupError {}

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration from the environment, over the values of an optional `.env` file in
 * the working directory (the environment wins). An invalid value throws a `ConfigError` that
 * names the variable.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const dotenvPath = path.join(cwd, '.env');
  const merged: Env = existsSync(dotenvPath)
    ? { ...parseEnv(readFileSync(dotenvPath, 'utf8')), ...env }
    : env;
  return {
    port: integer(merged, 'PORT', 3000, 0, 65535),
    host: text(merged, 'HOST', '127.0.0.1'),
    dataDir: path.resolve(cwd, text(merged, 'DATA_DIR', './data')),
    databaseUrl: databaseUrl(merged),
    databasePoolSize: integer(merged, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    databaseStatementTimeoutMs:
      integer(merged, 'DATABASE_STATEMENT_TIMEOUT_SECONDS', 60, 0, 86_400) * 1000,
    logLevel: oneOf(merged, 'LOG_LEVEL', 'info', logLevels),
    logFormat: oneOf(merged, 'LOG_FORMAT', 'auto', logFormats),
    bodyLimitBytes: integer(merged, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
    rateLimitPerMinute: integer(merged, 'RATE_LIMIT_PER_MINUTE', 1000, 0, 10_000_000),
    trustProxy: boolean(merged, 'TRUST_PROXY', false),
    ...httpTimeouts(merged),
    corsOrigins: origins(merged, 'CORS_ORIGINS'),
    jobQueues: queues(merged, 'JOB_QUEUES', 'default:10'),
    jobLeaseMs: integer(merged, 'JOB_LEASE_SECONDS', 30, 1, 86_400) * 1000,
    jobRetentionMs: integer(merged, 'JOB_RETENTION_HOURS', 24, 1, 87_600) * 3_600_000,
    eventRetentionMs: integer(merged, 'EVENT_RETENTION_HOURS', 24, 1, 8_760) * 3_600_000,
    streamSendBufferBytes: integer(merged, 'STREAM_SEND_BUFFER_BYTES', 1_048_576, 1024, 1 << 30),
    streamHeartbeatMs: integer(merged, 'STREAM_HEARTBEAT_SECONDS', 30, 1, 3600) * 1000,
    streamRecheckMs: integer(merged, 'STREAM_RECHECK_SECONDS', 60, 1, 3600) * 1000,
    smtpUrl: urlOf(merged, 'SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:pass@host:587'),
    mailFrom: text(merged, 'MAIL_FROM', 'Meridian <meridian@localhost>'),
    vapidSubject:
      urlOf(merged, 'VAPID_SUBJECT', ['mailto:', 'https:'], 'mailto:ops@example.com') ??
      'mailto:meridian@localhost',
    outboundAllowPrivate: boolean(merged, 'OUTBOUND_ALLOW_PRIVATE', false),
    notifyMaxAttempts: integer(merged, 'NOTIFY_MAX_ATTEMPTS', 10, 1, 100),
    notifyRetryBaseMs: integer(merged, 'NOTIFY_RETRY_BASE_MS', 30_000, 1, 86_400_000),
  };
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function text(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return parsed;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** `name:concurrency` pairs, comma-separated: `default:10,email:4`. */
function queues(env: Env, name: string, fallback: string): Record<string, number> {
  const value = raw(env, name) ?? fallback;
  const entries = value.split(',').map((pair) => pair.trim().split(':'));
  const valid = entries.every(
    ([queue, concurrency]) =>
      /^[\w.-]{1,64}$/.test(queue ?? '') &&
      /^\d{1,4}$/.test(concurrency ?? '') &&
      Number(concurrency) > 0,
  );
  if (!valid) {
    throw new ConfigError(
      `${name} must be queue:concurrency pairs such as default:10,email:4 (got "${value}")`,
    );
  }
  return Object.fromEntries(entries.map(([queue, concurrency]) => [queue, Number(concurrency)]));
}

/** The headers must fit in the whole request's time: Node refuses the other way round. */
function httpTimeouts(env: Env): Pick<Config, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'> {
  const headers = integer(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', 10, 1, 3600);
  const request = integer(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600);
  if (headers > request) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_SECONDS (${headers}) must not be more than HTTP_REQUEST_TIMEOUT_SECONDS (${request})`,
    );
  }
  return { httpHeadersTimeoutMs: headers * 1000, httpRequestTimeoutMs: request * 1000 };
}

/** Comma-separated origins (`scheme://host[:port]`, no path), as browsers send `Origin`. */
function origins(env: Env, name: string): string[] {
  const value = raw(env, name);
  if (value === undefined) return [];
  return value.split(',').map((given) => {
    const origin = given.trim();
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new ConfigError(
        `${name} must be comma-separated origins such as https://app.example.com (got "${origin}")`,
      );
    }
    return origin;
  });
}

/** An optional URL whose scheme is one of `protocols`; `example` shows the expected form. */
function urlOf(env: Env, name: string, protocols: string[], example: string): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !protocols.includes(new URL(value).protocol)) {
    throw new ConfigError(`${name} must be a URL such as ${example} (got "${value}")`);
  }
  return value;
}

function databaseUrl(env: Env): string | undefined {
  const value = raw(env, 'DATABASE_URL');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user:pass@host:5432/db');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (got "${url.protocol}//")`);
  }
  return value;
}
