import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { StartupError } from '../startup.ts';
import type { Db } from './database.ts';

/** A module's folder of forward-only migrations: `001_init.sql`, `002_...sql`, applied in order. */
export interface MigrationSource {
  module: string;
  dir: URL;
}

interface Migration {
  module: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends StartupError {}

/** Every Meridian process takes this session lock to migrate, so a migration runs once. */
const migrationLockKey = 0x4d455249; // 'MERI'

const fileNamePattern = /^\d{3}_[a-z0-9_]+\.sql$/;

/**
 * Applies the migrations that are not yet recorded, each in its own transaction, module by module
 * in the order given. Several processes may call it at once: they queue on an advisory lock and
 * the later ones find nothing left to do. An applied migration whose file has changed since is an
 * error: forward-only means a new file, never an edit.
 */
export async function migrate(db: Db, sources: MigrationSource[], log: Logger): Promise<string[]> {
  const migrations = await readMigrations(sources);
  return db.connection().execute(async (conn) => {
    // Exempt from DATABASE_STATEMENT_TIMEOUT_SECONDS: waiting for another process's migrations, or
    // building an index on a big table, may rightly take longer. Reset before the connection
    // goes back to the pool.
    await sql`SET statement_timeout = 0`.execute(conn);
    await sql`SELECT pg_advisory_lock(${migrationLockKey})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS meridian_migrations (
        module     text        NOT NULL,
        name       text        NOT NULL,
        checksum   text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (module, name)
      )`.execute(conn);
      const pending = await unapplied(conn, migrations);
      for (const migration of pending) {
        const started = performance.now();
        await conn.transaction().execute(async (tx) => {
          await sql.raw(migration.sql).execute(tx);
          await tx
            .insertInto('meridian_migrations')
            .values({
              module: migration.module,
              name: migration.name,
              checksum: migration.checksum,
            })
            .execute();
        });
        const ms = Math.round(performance.now() - started);
        log.info({ module: migration.module, migration: migration.name, ms }, 'migration applied');
      }
      return pending.map((m) => `${m.module}/${m.name}`);
    } finally {
      await sql`SELECT pg_advisory_unlock(${migrationLockKey})`.execute(conn);
      await sql`RESET statement_timeout`.execute(conn);
    }
  });
}

/** The migrations not yet applied (for readiness); throws like `migrate` on an edited one. */
export async function pendingMigrations(db: Db, sources: MigrationSource[]): Promise<string[]> {
  const migrations = await readMigrations(sources);
  const table = await sql<{ exists: boolean }>`
    SELECT to_regclass('meridian_migrations') IS NOT NULL AS exists`.execute(db);
  if (!table.rows[0]?.exists) return migrations.map((m) => `${m.module}/${m.name}`);
  return (await unapplied(db, migrations)).map((m) => `${m.module}/${m.name}`);
}

async function unapplied(db: Db, migrations: Migration[]): Promise<Migration[]> {
  const rows = await db
    .selectFrom('meridian_migrations')
    .select(['module', 'name', 'checksum'])
    .execute();
  const applied = new Map(rows.map((row) => [`${row.module}/${row.name}`, row.checksum]));
  return migrations.filter((migration) => {
    const checksum = applied.get(`${migration.module}/${migration.name}`);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `migration ${migration.module}/${migration.name} was edited after it was applied; ` +
          'restore the file and put the change in a new migration',
      );
    }
    return checksum === undefined;
  });
}

async function readMigrations(sources: MigrationSource[]): Promise<Migration[]> {
  const all: Migration[] = [];
  for (const { module, dir } of sources) {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
    for (const name of names) {
      if (!fileNamePattern.test(name)) {
        throw new MigrationError(
          `migration ${module}/${name} must be named like 001_create_things.sql`,
        );
      }
      const text = await readFile(new URL(name, dir), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      all.push({ module, name, sql: text, checksum });
    }
  }
  return all;
}
