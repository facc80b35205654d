import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, silentLog } from '../../../test/helpers.ts';
import { runMeridian } from '../../../test/processes.ts';
import { connectDatabase, type Database, isDatabaseUnavailable } from './database.ts';
import { MigrationError, type MigrationSource, migrate, pendingMigrations } from './migrations.ts';

async function folder(files: Record<string, string>): Promise<URL> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-migrations-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return pathToFileURL(`${dir}/`);
}

describe('migrate', () => {
  const opened: Database[] = [];
  const open = (url: string) => {
    const database = connectDatabase(url, 2, silentLog);
    opened.push(database);
    return database;
  };
  let url: string;

  beforeEach(async () => {
    url = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close()));
  });

  it('applies files module by module in order, records them, and applies nothing twice', async () => {
    const { db } = open(url);
    const sources: MigrationSource[] = [
      {
        module: 'first',
        dir: await folder({
          '002_fill.sql': "INSERT INTO things VALUES ('second file');",
          '001_create.sql': 'CREATE TABLE things (name text NOT NULL);',
        }),
      },
      {
        module: 'second',
        dir: await folder({ '001_more.sql': "INSERT INTO things VALUES ('b');" }),
      },
    ];
    expect(await pendingMigrations(db, sources)).toHaveLength(3);
    expect(await migrate(db, sources, silentLog)).toEqual([
      'first/001_create.sql',
      'first/002_fill.sql',
      'second/001_more.sql',
    ]);
    expect(await migrate(db, sources, silentLog)).toEqual([]);
    expect(await pendingMigrations(db, sources)).toEqual([]);
    const rows = await sql<{ name: string }>`SELECT name FROM things`.execute(db);
    expect(rows.rows.map((r) => r.name)).toEqual(['second file', 'b']);
  });

  it('applies each migration once when many runners start at the same moment', async () => {
    const dir = await folder({
      // Not idempotent on purpose: a second run would fail on CREATE and add a row.
      '001_create.sql': 'CREATE TABLE once (n int); INSERT INTO once VALUES (1);',
      '002_slow.sql': 'SELECT pg_sleep(0.2); INSERT INTO once VALUES (2);',
    });
    const sources = [{ module: 'race', dir }];
    const runners = Array.from({ length: 6 }, () => open(url));
    const results = await Promise.all(runners.map(({ db }) => migrate(db, sources, silentLog)));
    expect(results.flat().sort()).toEqual(['race/001_create.sql', 'race/002_slow.sql']);
    const rows = await sql<{ n: number }>`SELECT n FROM once ORDER BY n`.execute(runners[0]!.db);
    expect(rows.rows).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('is exempt from the statement timeout, which the pool keeps for everything else', async () => {
    const database = connectDatabase(url, 1, silentLog, { statementTimeoutMs: 300 });
    opened.push(database);
    const { db } = database;
    const cancelled = await sql`SELECT pg_sleep(1)`.execute(db).catch((error: unknown) => error);
    expect(cancelled).toMatchObject({ code: '57014' });
    // Cancelled by the timeout reads as "try again later" (503), not as a server fault.
    expect(isDatabaseUnavailable(cancelled)).toBe(true);

    const dir = await folder({
      '001_slow.sql': 'SELECT pg_sleep(0.6); CREATE TABLE slow (n int);',
    });
    expect(await migrate(db, [{ module: 'slow', dir }], silentLog)).toEqual(['slow/001_slow.sql']);
    // The pool's one connection ran the migration and has the timeout back.
    const shown = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(db);
    expect(shown.rows[0]?.statement_timeout).toBe('300ms');
  });

  it('refuses to go on when an applied migration was edited', async () => {
    const { db } = open(url);
    const dir = await folder({ '001_create.sql': 'CREATE TABLE edited (n int);' });
    await migrate(db, [{ module: 'm', dir }], silentLog);
    await writeFile(new URL('001_create.sql', dir), 'CREATE TABLE edited (n bigint);');
    await expect(migrate(db, [{ module: 'm', dir }], silentLog)).rejects.toThrow(
      /m\/001_create.sql was edited after it was applied/,
    );
    await expect(pendingMigrations(db, [{ module: 'm', dir }])).rejects.toThrow(MigrationError);
  });

  it('accepts a file whose former checksum is listed as a change of comments, and records the new one', async () => {
    const { db } = open(url);
    // Listed in migrations.ts: scheduler/001_scheduler.sql before its header comment was corrected.
    const former = '50a17c01a3a7bf007576e2e10232754402d5f6c8ba86bcaf3687bfa2a3e42f15';
    const dir = await folder({ '001_scheduler.sql': 'CREATE TABLE recommented (n int);' });
    const sources = [{ module: 'scheduler', dir }];
    await migrate(db, sources, silentLog);
    const recorded = () =>
      db
        .selectFrom('meridian_migrations')
        .select('checksum')
        .where('module', '=', 'scheduler')
        .where('name', '=', '001_scheduler.sql')
        .executeTakeFirstOrThrow();
    const current = (await recorded()).checksum;
    await sql`UPDATE meridian_migrations SET checksum = ${former}
               WHERE module = 'scheduler' AND name = '001_scheduler.sql'`.execute(db);

    expect(await pendingMigrations(db, sources)).toEqual([]);
    expect(await migrate(db, sources, silentLog)).toEqual([]);
    expect((await recorded()).checksum).toBe(current);

    // Any other checksum is still an edit.
    await sql`UPDATE meridian_migrations SET checksum = ${'0'.repeat(64)}
               WHERE module = 'scheduler' AND name = '001_scheduler.sql'`.execute(db);
    await expect(migrate(db, sources, silentLog)).rejects.toThrow(
      /scheduler\/001_scheduler.sql was edited after it was applied/,
    );
    // So is the former checksum of another file.
    const other = await folder({ '001_other.sql': 'CREATE TABLE other (n int);' });
    await migrate(db, [{ module: 'm', dir: other }], silentLog);
    await sql`UPDATE meridian_migrations SET checksum = ${former}
               WHERE module = 'm' AND name = '001_other.sql'`.execute(db);
    await expect(migrate(db, [{ module: 'm', dir: other }], silentLog)).rejects.toThrow(
      MigrationError,
    );
  });

  it('rolls a failing migration back whole and applies nothing after it', async () => {
    const { db } = open(url);
    const dir = await folder({
      '001_ok.sql': 'CREATE TABLE fine (n int);',
      '002_broken.sql': 'CREATE TABLE half (n int); SELECT * FROM no_such_table;',
      '003_after.sql': 'CREATE TABLE after_broken (n int);',
    });
    await expect(migrate(db, [{ module: 'm', dir }], silentLog)).rejects.toThrow(/no_such_table/);
    const tables = await sql<{ name: string | null }>`
      SELECT to_regclass('fine')::text AS name UNION ALL
      SELECT to_regclass('half')::text UNION ALL
      SELECT to_regclass('after_broken')::text`.execute(db);
    expect(tables.rows.map((r) => r.name)).toEqual(['fine', null, null]);
    expect(await pendingMigrations(db, [{ module: 'm', dir }])).toEqual([
      'm/002_broken.sql',
      'm/003_after.sql',
    ]);
  });

  it('refuses files not named like 001_name.sql', async () => {
    const { db } = open(url);
    const dir = await folder({ 'create things.sql': 'SELECT 1;' });
    await expect(migrate(db, [{ module: 'm', dir }], silentLog)).rejects.toThrow(MigrationError);
  });

  it('runs once from several `meridian migrate` processes started together', async () => {
    const runs = await Promise.all(
      Array.from({ length: 3 }, () =>
        runMeridian(['migrate'], { DATABASE_URL: url, LOG_LEVEL: 'warn' }),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(runs.filter((run) => run.stdout.startsWith('Applied')).length).toBe(1);
    expect(runs.filter((run) => run.stdout.startsWith('Nothing to apply')).length).toBe(2);
    const { db } = open(url);
    const recorded = await db
      .selectFrom('meridian_migrations')
      .select(['module', 'name'])
      .execute();
    expect(new Set(recorded.map((r) => `${r.module}/${r.name}`)).size).toBe(recorded.length);
    expect(recorded.map((r) => r.module)).toEqual(
      expect.arrayContaining(['http', 'identity', 'observe']),
    );
  });
});
