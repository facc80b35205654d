import { afterAll } from 'vitest';
import type { Clock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase, type Database } from '../src/platform/db/database.ts';
import type { Core, Module } from '../src/platform/module.ts';
import { assembleCore, migrateAll, platformModules } from '../src/platform/runtime.ts';
import { createTestDatabase, silentLog } from './helpers.ts';

export interface TestCore {
  core: Core;
  database: Database;
  databaseUrl: string;
  /** Stops the job engine (releasing what runs), the modules' services and the bus; idempotent. */
  close(): Promise<void>;
}

/**
 * The core with `systems` plugged in, over a database of its own, running jobs and services as
 * a server would but with no HTTP server: for the tests of a module's service, jobs and events.
 * `env` overrides configuration as the environment would; `clock` becomes `core.clock`.
 */
export async function startTestCore(
  options: {
    env?: Record<string, string>;
    systems?: Module[];
    databaseUrl?: string;
    clock?: Clock;
  } = {},
): Promise<TestCore> {
  const systems = options.systems ?? [];
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig(
    { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...options.env },
    '/nonexistent',
    [...platformModules, ...systems],
  );
  const database = connectDatabase(databaseUrl, config.databasePoolSize, silentLog, {
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  await migrateAll(database, systems, silentLog);
  const { core, background, work } = assembleCore(config, silentLog, database, systems, {
    clock: options.clock,
  });
  await background.start();
  await work.start();
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await work.stop();
      await core.outbound.close();
      await background.stop();
    })());
  afterAll(async () => {
    await close();
    await database.close();
  });
  return { core, database, databaseUrl, close };
}
