import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { JobRow } from '../db/tables.ts';
import { type Backoff, defaultBackoff } from './backoff.ts';
import type { ClaimedJob, EnqueuedJob, JobSpec, JobState } from './spec.ts';

// The queue's SQL, in the open. Every statement that changes a claimed job names the worker
// and the attempt it claimed, so a worker that lost its lease cannot touch the job's next run.
//
// Due times follow the platform clock (`now` parameters, src/platform/clock.ts), which tests move
// forward: whether a job is due, how late it started, when a retry or snooze falls due. Leases,
// deadlines, retention and the rescuer stay on PostgreSQL's real now(): they measure real time.

/** Priorities run 0 (first) to 4 (last); a small fixed range keeps every claim an index range scan. */
export const priorities = [0, 1, 2, 3, 4] as const;
export const defaultPriority = 2;
export const defaultMaxAttempts = 10;

/** One attempt of a job: what every statement that changes a claimed job names. */
export interface AttemptRef {
  id: number;
  attempt: number;
}

/** The attempt a claimed job is on. */
export function refOf(job: Pick<JobRow, 'id' | 'attempt'>): AttemptRef {
  return { id: job.id, attempt: job.attempt };
}

/**
 * The platform clock's `now` as the statement's due time, never before PostgreSQL's now(): a job
 * stamped with now() (enqueued without a due time, rescued, released) is due at once whatever the
 * clock, even one on a host whose clock lags the database's.
 */
function dueNow(now: Date): RawBuilder<Date> {
  return sql<Date>`greatest(${now.toISOString()}::timestamptz, now())`;
}

/**
 * When a spec's job is due: `delayMs` counts from `now` (the platform clock); null for one with
 * no due time, due at PostgreSQL's now() when inserted.
 */
export function dueAt(spec: JobSpec, now: Date): Date | null {
  return spec.runAt ?? (spec.delayMs ? new Date(now.getTime() + spec.delayMs) : null);
}

/**
 * The columns of `specs` as typed arrays, one element per job, for `unnest`: PostgreSQL reads
 * them as they are, where a JSON document of rows must be parsed and taken apart per field.
 */
function columnsOf(specs: JobSpec[], now: Date) {
  const backoffs = specs.map((spec) => ({ ...defaultBackoff, ...spec.backoff }));
  return sql.join([
    sql`${specs.map((spec) => spec.kind)}::text[]`,
    sql`${specs.map((spec) => spec.queue ?? 'default')}::text[]`,
    sql`${specs.map((spec) => JSON.stringify(spec.payload ?? {}))}::jsonb[]`,
    sql`${specs.map((spec) => spec.priority ?? defaultPriority)}::smallint[]`,
    sql`${specs.map((spec) => dueAt(spec, now)?.toISOString() ?? null)}::timestamptz[]`,
    sql`${specs.map((spec) => spec.maxAttempts ?? defaultMaxAttempts)}::integer[]`,
    sql`${backoffs.map((backoff) => backoff.initialMs)}::integer[]`,
    sql`${backoffs.map((backoff) => backoff.factor)}::real[]`,
    sql`${backoffs.map((backoff) => backoff.maxMs)}::integer[]`,
    sql`${backoffs.map((backoff) => backoff.jitter)}::real[]`,
    sql`${specs.map((spec) => spec.timeoutMs ?? null)}::integer[]`,
    sql`${specs.map((spec) => spec.deadline?.toISOString() ?? null)}::timestamptz[]`,
    sql`${specs.map((spec) => spec.uniqueKey ?? null)}::text[]`,
  ]);
}

/**
 * Inserts jobs in one statement (thousands at a time), returning `columns` of the inserted ones.
 * A job whose unique key is held by an unfinished job is skipped. `delayMs` counts from `now`
 * (the platform clock); a job with no due time is due at PostgreSQL's now().
 */
function insertStatement<Row>(specs: JobSpec[], now: Date, columns: RawBuilder<unknown>) {
  return sql<Row>`
    INSERT INTO jobs (kind, queue, payload, priority, run_at, max_attempts, backoff_initial_ms,
                      backoff_factor, backoff_max_ms, backoff_jitter, timeout_ms, deadline, unique_key)
    SELECT kind, queue, payload, priority, coalesce(run_at, now()), max_attempts, backoff_initial_ms,
           backoff_factor, backoff_max_ms, backoff_jitter, timeout_ms, deadline, unique_key
    FROM unnest(${columnsOf(specs, now)}) AS r(
      kind, queue, payload, priority, run_at, max_attempts, backoff_initial_ms, backoff_factor,
      backoff_max_ms, backoff_jitter, timeout_ms, deadline, unique_key)
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('available', 'running')
    DO NOTHING
    RETURNING ${columns}`;
}

/** Inserts one job and returns its row, or undefined when its unique key is taken. */
export async function insertJob(db: Db, spec: JobSpec, now: Date): Promise<JobRow | undefined> {
  const result = await insertStatement<JobRow>([spec], now, sql`*`).execute(db);
  return result.rows[0];
}

/**
 * Inserts jobs in one statement (thousands at a time) and returns what tells them apart, not
 * whole rows: every column returned is sent and parsed per job, half the cost of a batch.
 */
export async function insertJobs(db: Db, specs: JobSpec[], now: Date): Promise<EnqueuedJob[]> {
  const columns = sql`id, kind, queue, payload, unique_key`;
  const result = await insertStatement<EnqueuedJob>(specs, now, columns).execute(db);
  return result.rows;
}

export async function findUnfinishedByUniqueKey(
  db: Db,
  uniqueKey: string,
): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`
    SELECT * FROM jobs WHERE unique_key = ${uniqueKey} AND state IN ('available', 'running')`.execute(
    db,
  );
  return result.rows[0];
}

export async function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`SELECT * FROM jobs WHERE id = ${id}`.execute(db);
  return result.rows[0];
}

/**
 * Claims up to `limit` jobs of a queue due at `now` (the platform clock) for `workerId`, leased
 * for `leaseMs` of real time, priority 0 first, then by due time, in one statement: a LATERAL
 * subquery per priority, in order, feeds one UPDATE. Each is an index range scan of `jobs_claim`
 * bounded by `now`, so jobs due later are never read however many there are, and rows are locked
 * only as the outer LIMIT takes them, so a claim locks exactly what it returns. (FOR UPDATE may
 * sit in a LATERAL subquery, though not in a UNION.) The lease stays on the real now(): it
 * measures real elapsed time.
 *
 * The hot path, kept lean (docs/design/job-engine-throughput.md): a plain statement (a plpgsql
 * wrapper spent a third of its time copying rows into a tuplestore); `id = ANY(ARRAY(...))`, so
 * the claimed rows are primary-key probes at any table size (a join may plan a sequential scan
 * of a small table); only the columns a worker and its handlers read, since every timestamp
 * returned is parsed. Rows come back in id order: sorted here into claim order.
 */
export async function claimJobs(
  db: Db,
  queue: string,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<ClaimedJob[]> {
  const due = dueNow(now);
  const result = await sql<ClaimedJob>`
    WITH due AS MATERIALIZED (
      SELECT next.id
      FROM generate_series(0, 4) AS level
      CROSS JOIN LATERAL (
        SELECT id FROM jobs
        WHERE state = 'available' AND queue = ${queue} AND priority = level AND run_at <= ${due}
        ORDER BY run_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) next
      LIMIT ${limit}
    )
    UPDATE jobs SET state = 'running', attempt = attempt + 1, attempted_at = now(),
                    lease_until = now() + ${leaseMs} * interval '1 millisecond', worker_id = ${workerId}
    WHERE id = ANY(ARRAY(SELECT id FROM due))
    RETURNING id, kind, queue, payload, priority, attempt, max_attempts, backoff_initial_ms,
              backoff_factor, backoff_max_ms, backoff_jitter, timeout_ms, deadline,
              (extract(epoch FROM ${due} - run_at) * 1000)::float8 AS lateness_ms`.execute(db);
  // Claim order: by priority, then the most overdue (the earliest due) first.
  return result.rows.sort(
    (a, b) => a.priority - b.priority || b.lateness_ms - a.lateness_ms || a.id - b.id,
  );
}

/**
 * How far ahead of PostgreSQL's real now() a job may be due for the triggers of migration 001 to
 * wake the workers of its queue (NOTIFY meridian_jobs).
 */
export const notifyHorizonMs = 30_000;

/** Wakes the workers of `queues` when the transaction commits, as the triggers do. */
export async function notifyQueues(db: Db, queues: string[]): Promise<void> {
  await sql`SELECT pg_notify('meridian_jobs', queue) FROM unnest(${queues}::text[]) AS queue`.execute(
    db,
  );
}

/** When the next available job of the queue is due (null: none waiting). */
export async function nextRunAt(db: Db, queue: string): Promise<Date | null> {
  // migrations/004_next_run_at.sql: a function, so that its plan is kept.
  const result = await sql<{ next: Date | null }>`
    SELECT jobs_next_run_at(${queue}, ${priorities.length - 1}) AS next`.execute(db);
  return result.rows[0]?.next ?? null;
}

/**
 * The rows of `refs` that `workerId` still runs, at the attempts it claimed. Written to plan as
 * primary-key probes whatever the statistics say, since they see few running jobs (estimates of
 * one row): `ANY(ARRAY(subquery))` makes the ids an index condition, and the attempts are matched
 * as `id:attempt` keys (a hashed list), not by a join, which such estimates turn into a rescan of
 * the list per row.
 */
function heldBy(workerId: string, refs: AttemptRef[]): RawBuilder<unknown> {
  const ids = refs.map((ref) => ref.id);
  const keys = refs.map((ref) => `${ref.id}:${ref.attempt}`);
  return sql`id = ANY(ARRAY(SELECT unnest(${ids}::bigint[])))
    AND id::text || ':' || attempt = ANY(${keys}::text[])
    AND worker_id = ${workerId} AND state = 'running'`;
}

/** Marks finished attempts completed, in one statement. Returns the ids it could still mark. */
export async function completeJobs(
  db: Db,
  workerId: string,
  refs: AttemptRef[],
): Promise<number[]> {
  const result = await sql<Pick<JobRow, 'id'>>`
    UPDATE jobs SET state = 'completed', finished_at = now(), lease_until = NULL
    WHERE ${heldBy(workerId, refs)}
    RETURNING id`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Records a failed attempt: back to available `retryDelayMs` after `now` (the platform clock), or
 * dead when it was the last attempt, the retry would fall after the deadline, or `final` says so.
 * Returns the new state, or undefined when the worker no longer holds the job. The deadline is
 * real time, and so is the check: the clock runs at real speed, so the retry falls `retryDelayMs`
 * of real time from now().
 */
export async function failJob(
  db: Db,
  workerId: string,
  ref: AttemptRef,
  error: string,
  retryDelayMs: number,
  final: boolean,
  now: Date,
): Promise<'available' | 'dead' | undefined> {
  const result = await sql<{ state: 'available' | 'dead' }>`
    UPDATE jobs SET
      state = CASE WHEN ${final} OR attempt >= max_attempts
                     OR deadline < now() + ${retryDelayMs} * interval '1 millisecond'
                   THEN 'dead' ELSE 'available' END,
      run_at = ${dueNow(now)} + ${retryDelayMs} * interval '1 millisecond',
      errors = errors || jsonb_build_object('attempt', attempt, 'at', now(), 'error', ${error}::text),
      lease_until = NULL, worker_id = NULL,
      finished_at = CASE WHEN ${final} OR attempt >= max_attempts
                           OR deadline < now() + ${retryDelayMs} * interval '1 millisecond'
                         THEN now() END
    WHERE id = ${ref.id} AND attempt = ${ref.attempt} AND worker_id = ${workerId} AND state = 'running'
    RETURNING state`.execute(db);
  return result.rows[0]?.state;
}

/**
 * Puts running jobs back as they were before the claim: the attempt is given back. Due at once
 * (PostgreSQL's now(), so any process runs them, whatever its clock), or with `snooze`, `delayMs`
 * after the platform clock's `now`.
 */
export async function releaseJobs(
  db: Db,
  workerId: string,
  refs: AttemptRef[],
  snooze?: { now: Date; delayMs: number },
): Promise<number[]> {
  const runAt = snooze
    ? sql`${dueNow(snooze.now)} + ${snooze.delayMs} * interval '1 millisecond'`
    : sql`now()`;
  const result = await sql<Pick<JobRow, 'id'>>`
    UPDATE jobs SET state = 'available', attempt = attempt - 1, lease_until = NULL, worker_id = NULL,
                    run_at = ${runAt}
    WHERE ${heldBy(workerId, refs)}
    RETURNING id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** A handler gave up on its job for good. */
export async function cancelRunningJob(db: Db, workerId: string, ref: AttemptRef): Promise<void> {
  await sql`
    UPDATE jobs SET state = 'cancelled', finished_at = now(), lease_until = NULL
    WHERE id = ${ref.id} AND attempt = ${ref.attempt} AND worker_id = ${workerId} AND state = 'running'`.execute(
    db,
  );
}

/** Renews the leases of running jobs; returns the ids still held (the rest were cancelled or rescued). */
export async function extendLeases(
  db: Db,
  workerId: string,
  refs: AttemptRef[],
  leaseMs: number,
): Promise<number[]> {
  const result = await sql<Pick<JobRow, 'id'>>`
    UPDATE jobs SET lease_until = now() + ${leaseMs} * interval '1 millisecond'
    WHERE ${heldBy(workerId, refs)}
    RETURNING id`.execute(db);
  return result.rows.map((row) => row.id);
}

export type RescuedJob = Pick<
  JobRow,
  'id' | 'queue' | 'kind' | 'attempt' | 'max_attempts' | 'payload'
> & {
  state: 'available' | 'dead';
};

/**
 * What a running job taken from its lost worker becomes, the attempt counted with `error`: due
 * at once (no backoff: the loss was not the job's), or dead when out of attempts or past the
 * deadline.
 */
function backToRetry(error: string): RawBuilder<unknown> {
  const final = sql`attempt >= max_attempts OR deadline < now()`;
  return sql`
    state = CASE WHEN ${final} THEN 'dead' ELSE 'available' END,
    run_at = now(),
    errors = errors || jsonb_build_object('attempt', attempt, 'at', now(), 'error', ${error}::text),
    lease_until = NULL, worker_id = NULL,
    finished_at = CASE WHEN ${final} THEN now() END`;
}

/**
 * Returns running jobs whose lease ran out (their worker died or hung) to the retry path: due at
 * once, or dead when out of attempts or past the deadline.
 */
export async function rescueExpiredJobs(db: Db, limit = 1000): Promise<RescuedJob[]> {
  const result = await sql<RescuedJob>`
    UPDATE jobs SET ${backToRetry('lease expired: the worker running it was lost')}
    WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND lease_until < now()
                 ORDER BY lease_until LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, queue, kind, attempt, max_attempts, payload, state`.execute(db);
  return result.rows;
}

/** The error a job released from a lost instance records, `why` it was judged lost. */
export function lostWorkerError(why: string): string {
  return `the worker running it was lost (${why})`;
}

/**
 * Returns the running jobs of instance `workerId`, judged lost (its process gone, or silent: see
 * lost-instances.ts), to the retry path as the rescuer does (`backToRetry`), without waiting for
 * their leases. If the instance was only paused, its renewal no longer
 * finds these jobs and its completions are refused: the statements name the worker and attempt.
 *
 * No index covers `worker_id` (one would cost every claim, the hot path, an index write); every
 * running job holds a lease, so `lease_until IS NOT NULL` lets `jobs_lease` read the running jobs
 * of the cluster, a few thousand at most, and this runs once per death.
 */
export async function rescueJobsOfInstance(
  db: Db,
  workerId: string,
  why: string,
): Promise<RescuedJob[]> {
  const result = await sql<RescuedJob>`
    UPDATE jobs SET ${backToRetry(lostWorkerError(why))}
    WHERE worker_id = ${workerId}::uuid AND state = 'running' AND lease_until IS NOT NULL
    RETURNING id, queue, kind, attempt, max_attempts, payload, state`.execute(db);
  return result.rows;
}

/** Cancels a job that has not finished; a running one's worker notices at its next lease renewal. */
export async function cancelJob(db: Db, id: number): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`
    UPDATE jobs SET state = 'cancelled', finished_at = now(), lease_until = NULL
    WHERE id = ${id} AND state IN ('available', 'running')
    RETURNING *`.execute(db);
  return result.rows[0];
}

/** Moves the due time of a job that is waiting. */
export async function rescheduleJob(db: Db, id: number, runAt: Date): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`
    UPDATE jobs SET run_at = ${runAt.toISOString()}
    WHERE id = ${id} AND state = 'available'
    RETURNING *`.execute(db);
  return result.rows[0];
}

export interface JobFilter {
  state?: JobState;
  kind?: string;
  queue?: string;
  ids?: number[];
}

function matching(filter: JobFilter) {
  return sql.join(
    [
      sql`true`,
      ...(filter.state ? [sql`state = ${filter.state}`] : []),
      ...(filter.kind ? [sql`kind = ${filter.kind}`] : []),
      ...(filter.queue ? [sql`queue = ${filter.queue}`] : []),
      ...(filter.ids ? [sql`id = ANY(${filter.ids}::bigint[])`] : []),
    ],
    sql` AND `,
  );
}

export async function listJobs(
  db: Db,
  filter: JobFilter,
  afterId: number | undefined,
  limit: number,
): Promise<JobRow[]> {
  const result = await sql<JobRow>`
    SELECT * FROM jobs WHERE ${matching(filter)} AND id > ${afterId ?? 0}
    ORDER BY id LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * Runs dead jobs again from their first attempt (errors are kept). A dead job whose unique key
 * another unfinished job holds stays dead, and of several dead jobs sharing a key only the latest
 * runs again (a key binds only unfinished jobs, so many can die with one). Returns the redriven ids.
 */
export async function redriveDeadJobs(db: Db, filter: Omit<JobFilter, 'state'>): Promise<number[]> {
  const result = await sql<Pick<JobRow, 'id'>>`
    WITH chosen AS (
      SELECT DISTINCT ON (unique_key, CASE WHEN unique_key IS NULL THEN id END) id FROM jobs
      WHERE ${matching({ ...filter, state: 'dead' })}
        AND (unique_key IS NULL OR NOT EXISTS (
          SELECT 1 FROM jobs live WHERE live.unique_key = jobs.unique_key
            AND live.state IN ('available', 'running')))
      ORDER BY unique_key, CASE WHEN unique_key IS NULL THEN id END, id DESC
    )
    UPDATE jobs SET state = 'available', attempt = 0, run_at = now(), finished_at = NULL
    FROM chosen WHERE jobs.id = chosen.id AND jobs.state = 'dead' -- rechecked if redriven meanwhile
    RETURNING jobs.id`.execute(db);
  return result.rows.map((row) => row.id);
}

/**
 * Runs one dead job again from its first attempt (errors are kept), due at `now` (the platform
 * clock), with `retry`, when given, as its attempts and backoff from now on. Undefined when the job
 * is not dead, or its unique key is held by an unfinished job. For a module that keeps its own
 * record of the work (a scheduler execution) and redrives it in the same transaction.
 */
export async function redriveDeadJob(
  db: Db,
  id: number,
  now: Date,
  retry?: { maxAttempts: number; backoff: Backoff },
): Promise<JobRow | undefined> {
  const backoff = retry?.backoff;
  const result = await sql<JobRow>`
    UPDATE jobs SET state = 'available', attempt = 0, run_at = ${dueNow(now)}, finished_at = NULL,
                    max_attempts = coalesce(${retry?.maxAttempts ?? null}::integer, max_attempts),
                    backoff_initial_ms = coalesce(${backoff?.initialMs ?? null}::integer, backoff_initial_ms),
                    backoff_factor = coalesce(${backoff?.factor ?? null}::real, backoff_factor),
                    backoff_max_ms = coalesce(${backoff?.maxMs ?? null}::integer, backoff_max_ms),
                    backoff_jitter = coalesce(${backoff?.jitter ?? null}::real, backoff_jitter)
    WHERE id = ${id} AND state = 'dead'
      AND (unique_key IS NULL OR NOT EXISTS (
        SELECT 1 FROM jobs live WHERE live.unique_key = jobs.unique_key
          AND live.state IN ('available', 'running')))
    RETURNING *`.execute(db);
  return result.rows[0];
}

/** Deletes finished (completed or cancelled) jobs older than the retention, a batch at a time. */
export async function pruneFinishedJobs(
  db: Db,
  retentionMs: number,
  batch = 10_000,
): Promise<number> {
  const result = await sql`
    DELETE FROM jobs WHERE id IN (
      SELECT id FROM jobs WHERE state IN ('completed', 'cancelled')
        AND finished_at < now() - ${retentionMs} * interval '1 millisecond'
      LIMIT ${batch})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Dead jobs by queue, for the jobs-dead alert rule (observe/alert-rules.ts). */
export async function countDeadJobsByQueue(db: Db): Promise<{ queue: string; count: number }[]> {
  const { rows } = await sql<{ queue: string; count: number }>`
    SELECT queue, count(*)::int AS count FROM jobs WHERE state = 'dead'
    GROUP BY queue ORDER BY queue`.execute(db);
  return rows;
}
