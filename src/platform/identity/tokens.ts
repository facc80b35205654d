import { hash, randomBytes } from 'node:crypto';

/** Opaque API tokens: a prefix that secret scanners can match, then 256 random bits. */
const prefix = 'mrd_';

/** A new secret; a module's own kind of credential passes its own prefix (`mrdn_`, …). */
export function newTokenSecret(kind: string = prefix): string {
  return kind + randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the secret itself is never kept. */
export function tokenHash(secret: string): Buffer {
  return Buffer.from(tokenHashHex(secret), 'hex');
}

/** The same hash in hex, the authenticator's cache key: the one-shot `hash` is the cheap one. */
export function tokenHashHex(secret: string): string {
  return hash('sha256', secret);
}
