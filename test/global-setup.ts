import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { systems } from '../src/main.ts';
import { connectDatabase } from '../src/platform/db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { migrateAll } from '../src/platform/runtime.ts';
import {
  adminQuery,
  databaseUrl,
  deleteRedisKeys,
  dropDatabasesStartingWith,
  redisKeyPrefix,
  testDatabasePrefix,
} from './admin-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server where each test file creates its own database. */
    adminDatabaseUrl: string;
    /**
     * A database on that server with every migration of the platform and the systems applied,
     * which nobody connects to: `createTestDatabase()` clones it instead of migrating anew.
     */
    templateDatabase: string;
  }
}

let embedded: EmbeddedPostgres | undefined;
let dataDir: string | undefined;
let admin: URL | undefined;
let template: string | undefined;

/**
 * Tests run against `TEST_DATABASE_URL` when it is set (any PostgreSQL >= 15), otherwise against
 * one embedded PostgreSQL started here for the whole run. Either way the migrations run once
 * here, into a template database that each test file's database is copied from.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-test-'));
    embedded = await startEmbeddedPostgres(dataDir, pino({ level: 'warn' }));
    url = embedded.url;
  }
  admin = new URL(url);
  template = `meridian_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${template}`);
  // Every connection to it is closed before the first test: PostgreSQL copies a template only
  // while nobody is connected to it.
  const database = connectDatabase(databaseUrl(admin, template), 1, pino({ level: 'warn' }));
  try {
    await migrateAll(database, systems, pino({ level: 'warn' }));
  } catch (error) {
    await database.close();
    await teardown();
    throw error;
  }
  await database.close();
  project.provide('adminDatabaseUrl', url);
  project.provide('templateDatabase', template);
}

export async function teardown(): Promise<void> {
  if (admin && template) {
    await dropDatabasesStartingWith(admin, testDatabasePrefix(template));
    const redis = process.env.REDIS_URL;
    if (redis) await deleteRedisKeys(redis, redisKeyPrefix(template));
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  }
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
