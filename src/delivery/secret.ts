import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../platform/db/database.ts';
import { KeyEnvelopeError } from './certificates/errors.ts';
import { minimumSecretBytes } from './certificates/key-envelope.ts';
import { deliveryTables } from './store/tables.ts';

// The server secret that seals what delivery keeps secret at rest (CA keys, node-source
// credentials). `DELIVERY_KEY_SECRET` when set; otherwise made once and kept in
// `$DATA_DIR/delivery.secret` (mode 600), as the embedded PostgreSQL keeps its password, so that
// `npm start` needs no setup. The database records a fingerprint of the secret in use: a process
// with another secret refuses to seal anything that the others could not open.

const secretFile = 'delivery.secret';

/** The secret is not the one this database's keys were sealed with, or cannot be used. */
export class ServerSecretError extends KeyEnvelopeError {}

/**
 * A loader of the server secret, read (or made) and checked against the database once, then
 * kept. Throws `ServerSecretError` for a short secret or one that differs from the database's.
 *
 * @example
 * const secret = serverSecret(db, config.keySecret, core.config.dataDir);
 * const ca = await unlockCertificateAuthority(stored, await secret());
 */
export function serverSecret(
  db: Db,
  configured: string | undefined,
  dataDir: string,
): () => Promise<string> {
  let loading: Promise<string> | undefined;
  return () => {
    loading ??= loadSecret(db, configured, dataDir);
    // A failure is not kept: the operator may fix the file or the database and retry.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

async function loadSecret(db: Db, configured: string | undefined, dataDir: string) {
  const secret = configured ?? (await secretInDataDir(dataDir));
  if (Buffer.byteLength(secret) < minimumSecretBytes) {
    throw new ServerSecretError(
      `DELIVERY_KEY_SECRET must be at least ${minimumSecretBytes} bytes of random text (openssl rand -base64 32)`,
    );
  }
  await checkFingerprint(db, fingerprintOf(secret));
  return secret;
}

async function secretInDataDir(dataDir: string): Promise<string> {
  const file = path.join(dataDir, secretFile);
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  if (stored?.trim()) return stored.trim();
  await mkdir(dataDir, { recursive: true });
  const made = randomBytes(32).toString('base64url');
  // `wx`: of two processes making it at once, one writes and the other reads what it wrote.
  await writeFile(file, `${made}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  });
  return (await readFile(file, 'utf8')).trim();
}

/** Names the secret without revealing it: an HMAC of a fixed text under it. */
export function fingerprintOf(secret: string): string {
  return createHmac('sha256', secret).update('meridian/delivery/secret-check').digest('base64url');
}

async function checkFingerprint(db: Db, fingerprint: string): Promise<void> {
  const tables = deliveryTables(db);
  await tables
    .insertInto('delivery_key_check')
    .values({ fingerprint })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const row = await tables
    .selectFrom('delivery_key_check')
    .select('fingerprint')
    .executeTakeFirstOrThrow();
  if (row.fingerprint !== fingerprint) {
    throw new ServerSecretError(
      'This process has another delivery secret than the one this database was set up with: give every process the same DELIVERY_KEY_SECRET (or $DATA_DIR/delivery.secret)',
    );
  }
}
