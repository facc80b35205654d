import { type Clock, systemClock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Backoff } from './backoff.ts';
import type { EnqueuedJob, Job, JobSpec, JobTransition } from './spec.ts';
import * as store from './store.ts';

/** A job spec that cannot be stored: a programming error in the caller, not a runtime condition. */
export class InvalidJobSpec extends Error {}

/** The payload type of a spec's jobs. */
type PayloadOf<Spec> = Spec extends JobSpec<infer Payload> ? Payload : unknown;

/** Enqueue and manage jobs. Every write takes an optional transaction: pass the caller's. */
export interface Jobs {
  /**
   * Enqueues one job; inside `tx`, the job exists if and only if the transaction commits. With a
   * `uniqueKey` held by an unfinished job, returns that job instead.
   *
   * @example
   * await transaction(db, async (tx) => {
   *   const execution = await insertExecution(tx, task, at);
   *   await jobs.enqueue(runExecutionJob.spec({ executionId: execution.id }, { runAt: at }), { tx });
   * });
   *
   * The job returned for a taken unique key may be of another kind: its payload is `unknown`.
   */
  enqueue(spec: JobSpec, options?: { tx?: Db }): Promise<Job>;
  /**
   * Enqueues many jobs in one statement; jobs whose unique key is taken are skipped. The jobs
   * returned are the specs inserted, so they carry the specs' payload type; not whole rows (the
   * batch path is kept lean): `get` reads the rest.
   */
  enqueueMany<Spec extends JobSpec>(
    specs: Spec[],
    options?: { tx?: Db },
  ): Promise<EnqueuedJob<PayloadOf<Spec>>[]>;
  get(id: number, options?: { tx?: Db }): Promise<Job | undefined>;
  /** Cancels a job not yet finished; undefined if there is none. */
  cancel(id: number, options?: { tx?: Db }): Promise<Job | undefined>;
  /** Moves a waiting job's due time; undefined if it is not waiting. */
  reschedule(id: number, runAt: Date, options?: { tx?: Db }): Promise<Job | undefined>;
  /**
   * Runs a dead job again from its first attempt, due now, with `retry` (attempts and backoff)
   * replacing its own when given; undefined if it is not dead or its unique key is taken. The job
   * itself comes back, so the dead-letter queue no longer lists it.
   *
   * @example
   * await transaction(db, async (tx) => {
   *   await markExecutionRetrying(tx, execution.id);
   *   await jobs.redrive(execution.job_id, { tx });
   * });
   */
  redrive(
    id: number,
    options?: { tx?: Db; retry?: { maxAttempts: number; backoff: Backoff } },
  ): Promise<Job | undefined>;
  /**
   * Calls `listener` on every transition of a job that this process makes (its worker runs,
   * completes, retries...; its rescuer, when leader, returns jobs of lost workers); returns the
   * unsubscriber. Here rather than only on the engine so that modules, which get `core.jobs`,
   * can act on a job going dead or count retries.
   */
  onTransition(listener: (transition: JobTransition) => void): () => void;
}

/**
 * The client API over `db`. `onTransition` is the engine's, which makes the transitions; a client
 * without an engine (one that only enqueues) hears none. `delayMs` counts from `clock`'s now.
 */
export function createJobs(
  db: Db,
  onTransition: Jobs['onTransition'] = () => () => undefined,
  clock: Clock = systemClock,
): Jobs {
  return {
    onTransition,
    async enqueue(spec, options) {
      validate(spec);
      const executor = options?.tx ?? db;
      // The holder of the unique key may finish between the insert and the look-up: try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const now = clock.now();
        const inserted = await store.insertJob(executor, spec, now);
        if (inserted) {
          await wakeAheadOfRealTime(
            executor,
            [{ queue: inserted.queue, at: inserted.run_at }],
            now,
          );
          return inserted;
        }
        const existing = await store.findUnfinishedByUniqueKey(executor, spec.uniqueKey as string);
        if (existing) return existing;
      }
      throw new Error(`could not enqueue job with unique key ${spec.uniqueKey}`);
    },
    async enqueueMany<Spec extends JobSpec>(specs: Spec[], options?: { tx?: Db }) {
      if (specs.length === 0) return [];
      for (const spec of specs) validate(spec);
      const executor = options?.tx ?? db;
      const now = clock.now();
      // The rows of `specs`, so their payloads are the specs' own.
      const inserted = (await store.insertJobs(executor, specs, now)) as EnqueuedJob<
        PayloadOf<Spec>
      >[];
      // From the specs: a skipped one (its unique key taken) at worst wakes a queue for nothing.
      const due = specs.map((spec) => ({
        queue: spec.queue ?? 'default',
        at: store.dueAt(spec, now),
      }));
      await wakeAheadOfRealTime(executor, due, now);
      return inserted;
    },
    get: (id, options) => store.findJob(options?.tx ?? db, id),
    cancel: (id, options) => store.cancelJob(options?.tx ?? db, id),
    async reschedule(id, runAt, options) {
      const executor = options?.tx ?? db;
      const now = clock.now();
      const job = await store.rescheduleJob(executor, id, runAt);
      if (job) await wakeAheadOfRealTime(executor, [{ queue: job.queue, at: job.run_at }], now);
      return job;
    },
    async redrive(id, options) {
      const executor = options?.tx ?? db;
      const now = clock.now();
      const job = await store.redriveDeadJob(executor, id, now, options?.retry);
      if (job) await wakeAheadOfRealTime(executor, [{ queue: job.queue, at: job.run_at }], now);
      return job;
    },
  };
}

/**
 * The triggers wake workers for jobs due within `notifyHorizonMs` of PostgreSQL's real now().
 * Under a clock that travelled ahead (tests), a job due that soon by the clock can be due much
 * later in real time and would wake no one until a worker's next look (up to 25 s): notify its
 * queue here, in the caller's transaction. With the system clock no job is both due within the
 * horizon of `now` (read first) and beyond it in real time (read after), so this costs nothing.
 */
async function wakeAheadOfRealTime(
  executor: Db,
  jobs: { queue: string; at: Date | null }[],
  now: Date,
): Promise<void> {
  const real = Date.now();
  const queues = new Set<string>();
  for (const job of jobs) {
    // No due time: due at PostgreSQL's now(), which the triggers see as due.
    const at = job.at?.getTime() ?? real;
    if (at - now.getTime() <= store.notifyHorizonMs && at - real > store.notifyHorizonMs) {
      queues.add(job.queue);
    }
  }
  if (queues.size > 0) await store.notifyQueues(executor, [...queues]);
}

function validate(spec: JobSpec): void {
  const problems = [
    !spec.kind && 'kind is required',
    spec.priority !== undefined &&
      !(store.priorities as readonly number[]).includes(spec.priority) &&
      `priority must be one of ${store.priorities.join(', ')}`,
    spec.maxAttempts !== undefined &&
      !(Number.isInteger(spec.maxAttempts) && spec.maxAttempts >= 1) &&
      'maxAttempts must be an integer >= 1',
    spec.timeoutMs !== undefined && !(spec.timeoutMs > 0) && 'timeoutMs must be > 0',
    spec.delayMs !== undefined && spec.runAt !== undefined && 'give runAt or delayMs, not both',
    spec.backoff?.factor !== undefined &&
      !(spec.backoff.factor >= 1) &&
      'backoff.factor must be >= 1',
    spec.backoff?.jitter !== undefined &&
      !(spec.backoff.jitter >= 0 && spec.backoff.jitter <= 1) &&
      'backoff.jitter must be from 0 to 1',
  ].filter(Boolean);
  if (problems.length > 0) throw new InvalidJobSpec(`job ${spec.kind}: ${problems.join('; ')}`);
}
