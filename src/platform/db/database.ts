import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { StartupError } from '../startup.ts';
import type { PlatformTables } from './tables.ts';

export type Db = Kysely<PlatformTables>;
export type Tx = Transaction<PlatformTables>;

/** One pool per process; every query and transaction goes through it. */
export interface Database {
  db: Db;
  /** For the few connections kept outside the pool (LISTEN, leader lock). */
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

// bigint (count(*), sums) as a number: Meridian's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

export function connectDatabase(
  url: string,
  poolSize: number,
  log: Logger,
  { statementTimeoutMs = 0 }: { statementTimeoutMs?: number } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'meridian',
    // Set per connection at its start; pg leaves it unset when 0.
    statement_timeout: statementTimeoutMs,
  });
  // A client whose server went away (restart, failover, pg_terminate_backend) emits 'error'. The
  // pool listens only while a client is idle: one that is checked out (between the statements of
  // a transaction, or just released) would emit with no listener and kill the process. So every
  // client gets a listener for its whole life; the pool drops broken clients on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => log.warn({ err: error }, 'database connection lost'));
  });
  // Idle clients' errors also reach the pool; the client's own listener above has logged them.
  pool.on('error', () => {});
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    url,
    pool,
    async close() {
      await db.destroy();
    },
  };
}

/** The database can't be used: unreachable, refused the login, or too old. */
export class DatabaseUnavailableError extends StartupError {}

/** Socket errors of a server that is down or unreachable. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
/**
 * SQLSTATEs of a server shutting down, starting, or full (`57P0x`, `53300`), and of a statement
 * cancelled by the statement timeout (`57014`): overloaded or stuck, worth trying again later.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/**
 * Whether `error` says the database cannot be reached or used just now, rather than that a
 * statement is wrong: the connection failed or was cut (`08xxx`, a FATAL error, a socket error),
 * the server is shutting down or starting, or the pool waited too long for a connection. The
 * HTTP layer answers these with 503, not 500: trying again later is the right reaction.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const { code, severity } = error as { code?: string; severity?: string };
  if (code && (networkCodes.has(code) || unavailableStates.has(code) || code.startsWith('08'))) {
    return true;
  }
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  // pg and pg-pool say these without a code.
  return /^Connection terminated|timeout exceeded when trying to connect/.test(error.message);
}

const minimumServerVersion = 150000;

/** Checks that the server answers and is PostgreSQL 15 or later, with a message a person can act on. */
export async function checkServer(db: Db, url: string): Promise<void> {
  const where = new URL(url);
  let versionNumber: number;
  try {
    const result = await sql<{ server_version_num: string }>`SHOW server_version_num`.execute(db);
    versionNumber = Number(result.rows[0]?.server_version_num);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot use PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname}: ${(error as Error).message}`,
    );
  }
  if (versionNumber < minimumServerVersion) {
    throw new DatabaseUnavailableError(
      `PostgreSQL 15 or later is required; ${where.hostname} runs ${Math.floor(versionNumber / 10000)}`,
    );
  }
}

/** SQLSTATEs after which the whole transaction may simply run again. */
const retryableCodes = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const maxAttempts = 3;

/**
 * Runs `work` in one transaction: committed if it returns, rolled back if it throws. A
 * serialization failure or deadlock runs it again (up to three times), so `work` must do
 * nothing outside the database that it cannot repeat.
 *
 * @example
 * const org = await transaction(db, async (tx) => {
 *   const org = await insertOrganisation(tx, name);
 *   await insertMembership(tx, org.id, userId, 'owner');
 *   return org;
 * });
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= maxAttempts || !code || !retryableCodes.has(code)) throw error;
    }
  }
}

/**
 * Whether `error` is PostgreSQL refusing a duplicate of a unique index (`constraint`, when named):
 * the way to turn "that SKU (handle, name) is taken" into a 409 without a racy look-up first.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: violated } = error as { code?: string; constraint?: string };
  return code === '23505' && (constraint === undefined || violated === constraint);
}

/**
 * Lets `tx` commit without waiting for its WAL flush (`synchronous_commit = off`, for it alone).
 * Only for a transaction whose loss in a PostgreSQL crash is repaired by what follows it. The WAL
 * is flushed in order, so the next synchronous commit makes it durable too: a job handler's own
 * bookkeeping qualifies, because until the job's completion (synchronous) is durable a crash
 * runs the attempt again. It also shortens how long a transaction that notifies holds
 * PostgreSQL's notification lock, which every other notifying commit waits for.
 */
export async function commitWithoutFlushWait(tx: Tx): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(tx);
}
