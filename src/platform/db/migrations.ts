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
 * The checksums applied files had before an edit that changed their comments and nothing else, by
 * `module/name`. A database that recorded one of them applied the same statements: `migrate`
 * records the file's checksum now and goes on, and `pendingMigrations` counts it as applied. Any
 * other change to an applied file is still an error. An entry is only for a comment: a change to
 * what a migration does is a new file.
 */
const formerChecksums: Readonly<Record<string, readonly string[]>> = {
  // The header's state diagram: a redriven execution goes back to `retrying`, not `pending`.
  'scheduler/001_scheduler.sql': [
    '50a17c01a3a7bf007576e2e10232754402d5f6c8ba86bcaf3687bfa2a3e42f15',
  ],
};

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
      const { pending, recommented } = await unapplied(conn, migrations);
      for (const migration of recommented) {
        await conn
          .updateTable('meridian_migrations')
          .set({ checksum: migration.checksum })
          .where('module', '=', migration.module)
          .where('name', '=', migration.name)
          .execute();
        log.info(
          { module: migration.module, migration: migration.name },
          'migration checksum updated after a change to its comments',
        );
      }
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
  return (await unapplied(db, migrations)).pending.map((m) => `${m.module}/${m.name}`);
}

/**
 * The migrations not yet applied, and those applied whose file changed only in its comments since
 * (`formerChecksums`); throws on any other change to an applied file.
 */
async function unapplied(
  db: Db,
  migrations: Migration[],
): Promise<{ pending: Migration[]; recommented: Migration[] }> {
  const rows = await db
    .selectFrom('meridian_migrations')
    .select(['module', 'name', 'checksum'])
    .execute();
  const applied = new Map(rows.map((row) => [`${row.module}/${row.name}`, row.checksum]));
  const pending: Migration[] = [];
  const recommented: Migration[] = [];
  for (const migration of migrations) {
    const file = `${migration.module}/${migration.name}`;
    const checksum = applied.get(file);
    if (checksum === undefined) pending.push(migration);
    else if (formerChecksums[file]?.includes(checksum)) recommented.push(migration);
    else if (checksum !== migration.checksum) {
      throw new MigrationError(
        `migration ${file} was edited after it was applied; ` +
          'restore the file and put the change in a new migration',
      );
    }
  }
  return { pending, recommented };
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
