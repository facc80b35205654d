import { defineJob } from '../jobs/define.ts';
import type { Module } from '../module.ts';
import { pruneExpiredIdempotencyKeys } from './idempotency.ts';

/** Deletes the idempotency keys past their 24 hours; enqueued hourly. */
export const pruneIdempotencyKeysJob = defineJob('http.prune_idempotency_keys', { maxAttempts: 3 });

/** The HTTP layer's own table (kept responses for `Idempotency-Key` replay) and its upkeep. */
export const httpModule: Module = {
  name: 'http',
  migrations: new URL('./migrations/', import.meta.url),
  jobs: (core) => [
    pruneIdempotencyKeysJob.handle(() => pruneExpiredIdempotencyKeys(core.database.db)),
  ],
  periodic: [
    {
      name: pruneIdempotencyKeysJob.kind,
      every: 3_600_000,
      job: pruneIdempotencyKeysJob.spec(),
    },
  ],
};
