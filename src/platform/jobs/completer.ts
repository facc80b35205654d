import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { ClaimedJob } from './spec.ts';
import * as store from './store.ts';

/** After a failed write (database away), wait this long before writing the batch again. */
const retryAfterErrorMs = 1_000;

export interface CompletionBatcher {
  /** A handler returned: the job is written completed with the next batch. */
  add(job: ClaimedJob): void;
  /** The attempts gathered or being written: their leases must still be renewed. */
  pending(): store.AttemptRef[];
  /** Resolves when every job added so far is written (or the worker no longer holds it). */
  drain(): Promise<void>;
}

/**
 * Completions, written together: while one batch is being written the next gathers, so under load
 * each statement completes many jobs (like group commit). A failed write keeps its batch and tries
 * again; until written, the jobs keep their leases. `onCompleted` is told of each job the write
 * could still mark (one the worker lost meanwhile is left to its new owner).
 *
 * @example
 * const completions = createCompletionBatcher(db, workerId, log, (job) => emit({ job, to: 'completed' }));
 * await handler(job, context);
 * completions.add(job);
 */
export function createCompletionBatcher(
  db: Db,
  workerId: string,
  log: Logger,
  onCompleted: (job: ClaimedJob) => void,
): CompletionBatcher {
  let waiting: ClaimedJob[] = [];
  let writing: ClaimedJob[] = [];
  let flushing: Promise<void> | undefined;

  async function flush(): Promise<void> {
    while (waiting.length > 0) {
      writing = waiting;
      waiting = [];
      try {
        const completed = new Set(await store.completeJobs(db, workerId, writing.map(store.refOf)));
        for (const job of writing) if (completed.has(job.id)) onCompleted(job);
      } catch (error) {
        log.warn({ err: error, jobs: writing.length }, 'recording completed jobs failed; retrying');
        waiting = [...writing, ...waiting];
        await new Promise((resolve) => setTimeout(resolve, retryAfterErrorMs));
      } finally {
        writing = [];
      }
    }
    flushing = undefined;
  }

  return {
    add(job) {
      waiting.push(job);
      flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
    },
    pending: () => [...writing, ...waiting].map(store.refOf),
    async drain() {
      while (flushing) await flushing;
    },
  };
}
