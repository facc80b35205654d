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
  /**
   * At shutdown, in-flight requests and running jobs get this long to finish before requests are
   * cut and jobs released to other processes; the process exits within this plus 10 s.
   */
  shutdownDrainMs: number;
  /** Let webhooks and push go to private and loopback addresses (tests, single-machine use). */
  outboundAllowPrivate: boolean;
  /**
   * A Redis for what is better kept there (the microblog's home timelines); unset: PostgreSQL
   * keeps everything.
   */
  redisUrl: string | undefined;
  /** Each module's section (`Module.config`), read and checked with the rest at start. */
  sections: ReadonlyMap<ConfigSection<unknown>, unknown>;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
const logFormats = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof logFormats)[number];

export class ConfigError extends StartupError {}

type Env = Record<string, string | undefined>;

/**
 * A module's part of the configuration: `read` takes its variables from the environment (through
 * `EnvReader`, which names a bad variable in its error) and checks them; `of` gives the result
 * from the one `Config`, typed.
 *
 * @example
 * export const notifyConfig = defineConfigSection('notify', (env) => ({
 *   maxAttempts: env.integer('NOTIFY_MAX_ATTEMPTS', 10, 1, 100),
 * }));
 * const { maxAttempts } = notifyConfig.of(core.config);
 */
export interface ConfigSection<T> {
  /** The module whose section it is, for the error when it was not loaded. */
  module: string;
  read(env: EnvReader): T;
  of(config: Config): T;
}

export function defineConfigSection<T>(
  module: string,
  read: (env: EnvReader) => T,
): ConfigSection<T> {
  const section: ConfigSection<T> = {
    module,
    read,
    of(config) {
      if (!config.sections.has(section)) {
        throw new Error(
          `the configuration of ${module} was not loaded: give its module to loadConfig`,
        );
      }
      return config.sections.get(section) as T;
    },
  };
  return section;
}

/**
 * Reads the configuration from the environment, over the values of an optional `.env` file in
 * the working directory (the environment wins): the core's variables, then the section of each
 * module in `modules` that has one. An invalid value throws a `ConfigError` that names the
 * variable.
 */
export function loadConfig(
  env: Env = process.env,
  cwd = process.cwd(),
  modules: { config?: ConfigSection<unknown> }[] = [],
): Config {
  const dotenvPath = path.join(cwd, '.env');
  const merged = envReader(
    existsSync(dotenvPath) ? { ...parseEnv(readFileSync(dotenvPath, 'utf8')), ...env } : env,
  );
  const sections = new Map<ConfigSection<unknown>, unknown>();
  for (const { config: section } of modules)
    if (section) sections.set(section, section.read(merged));
  return {
    port: merged.integer('PORT', 3000, 0, 65535),
    host: merged.text('HOST', '127.0.0.1'),
    dataDir: path.resolve(cwd, merged.text('DATA_DIR', './data')),
    databaseUrl: databaseUrl(merged),
    databasePoolSize: merged.integer('DATABASE_POOL_SIZE', 10, 1, 1000),
    databaseStatementTimeoutMs:
      merged.integer('DATABASE_STATEMENT_TIMEOUT_SECONDS', 60, 0, 86_400) * 1000,
    logLevel: merged.oneOf('LOG_LEVEL', 'info', logLevels),
    logFormat: merged.oneOf('LOG_FORMAT', 'auto', logFormats),
    bodyLimitBytes: merged.integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
    rateLimitPerMinute: merged.integer('RATE_LIMIT_PER_MINUTE', 1000, 0, 10_000_000),
    trustProxy: merged.boolean('TRUST_PROXY', false),
    ...httpTimeouts(merged),
    corsOrigins: origins(merged, 'CORS_ORIGINS'),
    shutdownDrainMs: merged.integer('SHUTDOWN_DRAIN_SECONDS', 20, 0, 3600) * 1000,
    outboundAllowPrivate: merged.boolean('OUTBOUND_ALLOW_PRIVATE', false),
    redisUrl: merged.url('REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379/0'),
    sections,
  };
}

/** Typed, checked reads of environment variables; each error names the variable. */
export interface EnvReader {
  /** The value, trimmed; undefined when unset or blank. */
  raw(name: string): string | undefined;
  text(name: string, fallback: string): string;
  integer(name: string, fallback: number, min: number, max: number): number;
  boolean(name: string, fallback: boolean): boolean;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T;
  /** An optional URL whose scheme is one of `protocols`; `example` shows the expected form. */
  url(name: string, protocols: string[], example: string): string | undefined;
}

function envReader(env: Env): EnvReader {
  const raw = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  return {
    raw,
    text: (name, fallback) => raw(name) ?? fallback,
    integer(name, fallback, min, max) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const parsed = Number(value);
      if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
        throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
      }
      return parsed;
    },
    boolean(name, fallback) {
      const value = raw(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes'].includes(value)) return true;
      if (['0', 'false', 'no'].includes(value)) return false;
      throw new ConfigError(`${name} must be true or false (got "${value}")`);
    },
    oneOf(name, fallback, allowed) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const known = allowed.find((candidate) => candidate === value);
      if (known === undefined) {
        throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      }
      return known;
    },
    url(name, protocols, example) {
      const value = raw(name);
      if (value === undefined) return undefined;
      if (!URL.canParse(value) || !protocols.includes(new URL(value).protocol)) {
        throw new ConfigError(`${name} must be a URL such as ${example} (got "${value}")`);
      }
      return value;
    },
  };
}

/** The headers must fit in the whole request's time: Node refuses the other way round. */
function httpTimeouts(
  env: EnvReader,
): Pick<Config, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'> {
  const headers = env.integer('HTTP_HEADERS_TIMEOUT_SECONDS', 10, 1, 3600);
  const request = env.integer('HTTP_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600);
  if (headers > request) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_SECONDS (${headers}) must not be more than HTTP_REQUEST_TIMEOUT_SECONDS (${request})`,
    );
  }
  return { httpHeadersTimeoutMs: headers * 1000, httpRequestTimeoutMs: request * 1000 };
}

/** Comma-separated origins (`scheme://host[:port]`, no path), as browsers send `Origin`. */
function origins(env: EnvReader, name: string): string[] {
  const value = env.raw(name);
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

function databaseUrl(env: EnvReader): string | undefined {
  const value = env.raw('DATABASE_URL');
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
