import type { Module } from '../module.ts';
import { pruneExpiredIdempotencyKeys } from './idempotency.ts';

/** The HTTP layer's own table (kept responses for `Idempotency-Key` replay) and its upkeep. */
export const httpModule: Module = {
  name: 'http',
  migrations: new URL('./migrations/', import.meta.url),
  jobs: (core) => ({
    'http.prune_idempotency_keys': () => pruneExpiredIdempotencyKeys(core.database.db),
  }),
  periodic: [
    {
      name: 'http.prune_idempotency_keys',
      every: 3_600_000,
      job: { kind: 'http.prune_idempotency_keys', maxAttempts: 3 },
    },
  ],
};
