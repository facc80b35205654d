import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, silentLog } from '../../test/helpers.ts';
import { connectDatabase, type Database } from '../platform/db/database.ts';
import { ServerSecretError, serverSecret } from './secret.ts';

// The server secret: made once in DATA_DIR when not configured, the same for every process of
// one database (a fingerprint in the database refuses another), and never a short one.

let database: Database;
let dataDir: string;

beforeAll(async () => {
  database = connectDatabase(await createTestDatabase(), 2, silentLog);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'meridian-secret-'));
});

afterAll(async () => {
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the delivery secret', () => {
  it('is made once in DATA_DIR, readable by its owner only, and kept', async () => {
    const made = await serverSecret(database.db, undefined, dataDir)();
    expect(Buffer.byteLength(made)).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'delivery.secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(made);
    // Another process on the same DATA_DIR reads the same secret.
    expect(await serverSecret(database.db, undefined, dataDir)()).toBe(made);
  });

  it('refuses a process whose secret is not the one the database was set up with', async () => {
    const other = serverSecret(
      database.db,
      'another secret of more than thirty-two bytes',
      dataDir,
    );
    await expect(other()).rejects.toThrow(ServerSecretError);
    await expect(other()).rejects.toThrow(/DELIVERY_KEY_SECRET/);
  });

  it('refuses a short secret', async () => {
    const short = serverSecret(database.db, 'too short', dataDir);
    await expect(short()).rejects.toThrow(/at least 32 bytes/);
  });
});
