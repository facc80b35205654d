import { afterAll } from 'vitest';
import type { Database } from '../src/platform/db/database.ts';
import type { Core } from '../src/platform/module.ts';
import { assembleCore, migrateAll } from '../src/platform/runtime.ts';
import { silentLog, type TestStartOptions, testSetup } from './helpers.ts';

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
export async function startTestCore(options: TestStartOptions = {}): Promise<TestCore> {
  const { config, database, databaseUrl, systems } = await testSetup(options);
  const { core, background, work } = assembleCore(config, silentLog, database, systems, {
    clock: options.clock,
  });
  await migrateAll(database, systems, silentLog);
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
