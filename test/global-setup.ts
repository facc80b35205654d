import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/platform/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server where each test file creates its own database. */
    adminDatabaseUrl: string;
  }
}

let embedded: EmbeddedPostgres | undefined;
let dataDir: string | undefined;

/**
 * Tests run against `TEST_DATABASE_URL` when it is set (any PostgreSQL >= 15), otherwise against
 * one embedded PostgreSQL started here for the whole run.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-test-'));
    embedded = await startEmbeddedPostgres(dataDir, pino({ level: 'warn' }));
    url = embedded.url;
  }
  project.provide('adminDatabaseUrl', url);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
