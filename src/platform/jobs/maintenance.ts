import { Cron } from 'croner';
import type { Logger } from 'pino';
import { type Db, transaction } from '../db/database.ts';
import { defineService, type Service } from '../service.ts';
import type { Jobs } from './queue.ts';
import type { JobSpec } from './spec.ts';
import * as store from './store.ts';

// The services the leader runs, each a small start/stop loop: the rescuer (jobs of lost workers
// back to the retry path), the pruner (finished jobs past retention) and periodic jobs; and the
// sweep of silent instances (lost-instances.ts), built on `every`.

/** Runs `work` every `intervalMs`, never twice at once; a failure is logged and tried next time. */
export function every(
  name: string,
  intervalMs: number,
  work: () => Promise<void>,
  log: Logger,
): Service {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = current.then(() =>
      work().catch((error) => log.warn({ err: error, service: name }, `${name} failed`)),
    );
  };
  return defineService(`jobs.${name}`, {
    start() {
      tick();
      timer = setInterval(tick, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await current;
    },
  });
}

export function createRescuer(
  db: Db,
  log: Logger,
  intervalMs: number,
  onRescued: (job: store.RescuedJob) => void,
) {
  return every(
    'rescuer',
    intervalMs,
    async () => {
      const rescued = await store.rescueExpiredJobs(db);
      if (rescued.length === 0) return;
      for (const job of rescued) onRescued(job);
      log.warn({ jobs: rescued.map((j) => j.id) }, 'rescued jobs of lost workers');
    },
    log,
  );
}

export function createPruner(db: Db, log: Logger, intervalMs: number, retentionMs: number) {
  return every(
    'pruner',
    intervalMs,
    async () => {
      let pruned = 0;
      for (let batch = await store.pruneFinishedJobs(db, retentionMs); batch > 0; ) {
        pruned += batch;
        batch = await store.pruneFinishedJobs(db, retentionMs);
      }
      if (pruned > 0) log.info({ pruned }, 'pruned finished jobs');
    },
    log,
  );
}

/** A job enqueued once per slot of a schedule: every `everyMs`, or on a cron pattern (with seconds). */
export interface PeriodicJob {
  name: string;
  every?: number;
  cron?: string;
  job: JobSpec;
}

/** The start of the slot that `now` falls in. */
export function currentSlot(periodic: PeriodicJob, now: Date): Date | undefined {
  if (periodic.every) return new Date(Math.floor(now.getTime() / periodic.every) * periodic.every);
  if (periodic.cron) return new Cron(periodic.cron, { paused: true }).previousRuns(1, now)[0];
  throw new Error(`periodic job ${periodic.name} needs every or cron`);
}

/**
 * Enqueues each periodic job when a new slot begins. The slot is recorded in `periodic_slots` in
 * the same transaction as the job, so each slot is enqueued once even if leaders change.
 */
export function createPeriodicEnqueuer(
  db: Db,
  jobs: Jobs,
  periodic: PeriodicJob[],
  log: Logger,
  intervalMs = 1_000,
) {
  return every(
    'periodic',
    intervalMs,
    async () => {
      for (const entry of periodic) {
        const slot = currentSlot(entry, new Date());
        if (!slot) continue;
        await transaction(db, async (tx) => {
          const claimed = await tx
            .insertInto('periodic_slots')
            .values({ name: entry.name, last_slot: slot })
            .onConflict((conflict) =>
              conflict
                .column('name')
                .doUpdateSet({ last_slot: slot })
                .where('periodic_slots.last_slot', '<', slot),
            )
            .returning('name')
            .executeTakeFirst();
          if (claimed) await jobs.enqueue(entry.job, { tx });
        });
      }
    },
    log,
  );
}
