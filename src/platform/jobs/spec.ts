import type { JobRow } from '../db/tables.ts';
import type { Backoff } from './backoff.ts';

/**
 * What to run, and how: the argument of `enqueue`. Only `kind` is required. Written by a job
 * definition's `spec` (define.ts), which fills in the kind and types the payload.
 */
export interface JobSpec<Payload = unknown> {
  /** The handler that runs it, e.g. `scheduler.run`. */
  kind: string;
  /** JSON for the handler (default `{}`). */
  payload?: Payload;
  queue?: string;
  /** When it is due (default: now). */
  runAt?: Date;
  /** Or: due this many milliseconds from now. */
  delayMs?: number;
  /** 0 runs first, 4 last (default 2, so a job can be put before or after the usual). */
  priority?: number;
  /** Attempts in all, the first included (default 10). */
  maxAttempts?: number;
  backoff?: Partial<Backoff>;
  /** Each attempt is aborted after this long. */
  timeoutMs?: number;
  /** After this, the job is not worth running: it goes dead instead of retrying. */
  deadline?: Date;
  /** While a job with this key is unfinished, enqueueing another returns it instead. */
  uniqueKey?: string;
}

export type JobState = 'available' | 'running' | 'completed' | 'dead' | 'cancelled';

export interface JobError {
  attempt: number;
  at: string;
  error: string;
}

/**
 * A job as stored: a row of `jobs` (`JobsTable`, db/tables.ts), its payload typed as its kind's
 * job definition has it.
 */
export type Job<Payload = unknown> = Omit<JobRow, 'payload'> & { payload: Payload };

/** What `enqueueMany` returns of each job it inserted. */
export type EnqueuedJob<Payload = unknown> = Pick<
  Job<Payload>,
  'id' | 'kind' | 'queue' | 'payload' | 'unique_key'
>;

/**
 * A claimed job: what a handler gets, and what the worker needs to run it. Only these columns are
 * read at claim time (the claim is the hot path: every column returned is sent and parsed per
 * job); a handler that needs more of the row reads it with `jobs.get(job.id)`.
 */
export type ClaimedJob<Payload = unknown> = Pick<
  Job<Payload>,
  | 'id'
  | 'kind'
  | 'queue'
  | 'payload'
  | 'priority'
  | 'attempt'
  | 'max_attempts'
  | 'backoff_initial_ms'
  | 'backoff_factor'
  | 'backoff_max_ms'
  | 'backoff_jitter'
  | 'timeout_ms'
  | 'deadline'
> & {
  /** How late it started: the platform clock at the claim minus its due time. */
  lateness_ms: number;
};

/** What a handler gets besides the job. */
export interface JobContext {
  /** Aborted when the attempt times out or the worker shuts down. */
  signal: AbortSignal;
}

/** Runs one attempt of a job. Throwing fails the attempt; see `Snooze` and `CancelJob`. */
export type JobHandler<Payload = unknown> = (
  job: ClaimedJob<Payload>,
  context: JobContext,
) => Promise<void>;

/** Throw from a handler to try again after `delayMs` without using an attempt. */
export class Snooze extends Error {
  readonly delayMs: number;
  constructor(delayMs: number) {
    super(`snoozed for ${delayMs} ms`);
    this.delayMs = delayMs;
  }
}

/** Throw from a handler to stop the job for good (cancelled, not dead). */
export class CancelJob extends Error {}

/**
 * A change of a job's state, told to `onTransition` listeners of the process that made it (after
 * it is written). Later modules notify on `dead`, count `retrying`, and so on.
 */
export interface JobTransition {
  job: Pick<Job, 'id' | 'kind' | 'queue' | 'attempt' | 'max_attempts' | 'payload'>;
  to: 'running' | 'completed' | 'retrying' | 'snoozed' | 'cancelled' | 'dead' | 'released';
  error?: string;
}
