import { sql, type UpdateObject } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import {
  type ExecutionRow,
  type ExecutionState,
  inOrder,
  type SchedulerTables,
  type TaskRow,
  schedulerTables as tables,
} from './tables.ts';

// The SQL of executions, and of the attempts written with them. An execution changes state only
// through the transitions below, each an UPDATE guarded by the states it may leave (`WHERE state
// IN (…)`), returning the rows it changed; a row whose state did not allow it is left alone and
// missing from the answer, for the caller to decide. States and transitions: `ExecutionState`,
// and docs/scheduler.md ("States"). Lists are keyset pages by due time, newest first.

/**
 * The one shape of an execution's guarded changes: `changes` to it if its state is one of `from`;
 * the row as changed, or undefined when it was in no such state.
 */
function changeExecution(
  db: Db,
  executionId: string,
  from: ExecutionState[],
  changes: UpdateObject<SchedulerTables, 'scheduler_executions'>,
): Promise<ExecutionRow | undefined> {
  return tables(db)
    .updateTable('scheduler_executions')
    .set(changes)
    .where('id', '=', executionId)
    .where('state', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Inserts the executions of occurrences, pending, each run by its `job_id` (none for one recorded
 * as missed at once). An occurrence whose execution was cancelled (a schedule changed away and
 * back) takes the new id and job and is pending again (cancelled → pending: a cancelled execution
 * never started, so no attempt refers to its id). Returns what was written, in the order given,
 * undefined for an occurrence that has an execution in any other state.
 */
export async function insertExecutions(
  db: Db,
  executions: {
    id: string;
    task_id: string;
    scheduled_for: Date;
    manual?: boolean;
    job_id?: number;
  }[],
): Promise<(ExecutionRow | undefined)[]> {
  const rows = await tables(db)
    .insertInto('scheduler_executions')
    .values(executions)
    .onConflict((conflict) =>
      conflict
        .columns(['task_id', 'scheduled_for'])
        .doUpdateSet((eb) => ({
          id: eb.ref('excluded.id'),
          job_id: eb.ref('excluded.job_id'),
          state: 'pending',
          finished_at: null,
        }))
        .where('scheduler_executions.state', '=', 'cancelled'),
    )
    .returningAll()
    .execute();
  return inOrder(executions, rows);
}

/**
 * Locks the executions that jobs are about to run, and their tasks, in one order (tasks by id, as
 * every other writer of a task locks it first), so batches running side by side cannot deadlock.
 */
export async function lockExecutionsWithTasks(
  db: Db,
  executionIds: string[],
): Promise<{ executions: ExecutionRow[]; tasks: Map<string, TaskRow> }> {
  const { rows: executions } = await sql<ExecutionRow>`
    SELECT e.* FROM scheduler_executions e JOIN scheduler_tasks t ON t.id = e.task_id
     WHERE e.id = ANY(${executionIds}::uuid[]) AND t.state <> 'deleted'
     ORDER BY t.id, e.id
       FOR UPDATE`.execute(db);
  const taskIds = [...new Set(executions.map((execution) => execution.task_id))];
  const { rows: tasks } = await sql<TaskRow>`
    SELECT * FROM scheduler_tasks WHERE id = ANY(${taskIds}::uuid[])`.execute(db);
  return { executions, tasks: new Map(tasks.map((task) => [task.id, task])) };
}

export async function findExecution(
  db: Db,
  executionId: string,
  forUpdate = false,
): Promise<ExecutionRow | undefined> {
  let query = tables(db)
    .selectFrom('scheduler_executions')
    .selectAll()
    .where('id', '=', executionId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The task's executions still waiting for their time (at most one, unless run-now added one). */
export async function pendingExecutions(db: Db, taskId: string): Promise<ExecutionRow[]> {
  return tables(db)
    .selectFrom('scheduler_executions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('state', '=', 'pending')
    .execute();
}

export async function listExecutions(
  db: Db,
  taskId: string,
  page: { before?: [string, string]; limit: number },
): Promise<ExecutionRow[]> {
  let query = tables(db)
    .selectFrom('scheduler_executions')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('scheduled_for', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before) {
    const [scheduledFor, id] = page.before;
    query = query.where(
      sql<boolean>`(scheduled_for, id) < (${scheduledFor}::timestamptz, ${id}::uuid)`,
    );
  }
  return query.execute();
}

/** The task's dead executions, locked for update (to redrive them). */
export async function deadExecutions(db: Db, taskId: string): Promise<ExecutionRow[]> {
  return tables(db)
    .selectFrom('scheduler_executions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('state', '=', 'dead')
    .forUpdate()
    .execute();
}

/** Whether the task has an execution running or between attempts. */
export async function hasExecutionUnderWay(db: Db, taskId: string): Promise<boolean> {
  const row = await tables(db)
    .selectFrom('scheduler_executions')
    .select('id')
    .where('task_id', '=', taskId)
    .where('state', 'in', ['running', 'retrying'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The task's occurrence held by its `buffer_one` overlap policy, if any. */
export async function bufferedExecution(db: Db, taskId: string): Promise<ExecutionRow | undefined> {
  return tables(db)
    .selectFrom('scheduler_executions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('buffered', '=', true)
    .where('state', '=', 'pending')
    .executeTakeFirst();
}

/** The due times in [`from`, `until`) at which the task has an execution (cancelled ones aside). */
export async function executionTimesBetween(
  db: Db,
  taskId: string,
  from: Date,
  until: Date,
): Promise<Set<number>> {
  const rows = await tables(db)
    .selectFrom('scheduler_executions')
    .select('scheduled_for')
    .where('task_id', '=', taskId)
    .where('scheduled_for', '>=', from)
    .where('scheduled_for', '<', until)
    .where('state', '<>', 'cancelled')
    .execute();
  return new Set(rows.map((row) => row.scheduled_for.getTime()));
}

/** The attempts of an execution, first first. */
export async function listAttempts(db: Db, executionId: string) {
  return tables(db)
    .selectFrom('scheduler_attempts')
    .selectAll()
    .where('execution_id', '=', executionId)
    .orderBy('attempt')
    .execute();
}

// Jobs. Not transitions: which job runs an execution that waits (pending) or will try again
// (retrying).

/** Gives a waiting execution the job that runs it (on resume, on redrive without a job). */
export async function attachRunJob(
  db: Db,
  executionId: string,
  jobId: number,
): Promise<ExecutionRow | undefined> {
  return changeExecution(db, executionId, ['pending', 'retrying'], { job_id: jobId });
}

/** Takes its job from a pending execution that its paused task holds (the caller cancels it). */
export async function holdExecution(
  db: Db,
  executionId: string,
): Promise<ExecutionRow | undefined> {
  return changeExecution(db, executionId, ['pending'], { job_id: null });
}

// Transitions.

/** The states `startExecutions` may leave (dead: only when its own dead job was redriven). */
const startable: ExecutionState[] = ['pending', 'retrying', 'running', 'dead'];

/**
 * pending | retrying | running | dead → running: one more attempt, starting at `now`, recorded in
 * `scheduler_attempts` by the same statement. Running again is the next attempt of a job whose
 * worker was lost; dead, one whose own job was redriven from the dead-letter queue (the caller
 * checks that). Returns the executions in the order given, undefined for one not started.
 */
export async function startExecutions(
  db: Db,
  executionIds: string[],
  now: Date,
): Promise<(ExecutionRow | undefined)[]> {
  if (executionIds.length === 0) return [];
  const { rows } = await sql<ExecutionRow>`
    WITH running AS (
      UPDATE scheduler_executions
         SET state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, ${now}),
             finished_at = NULL
       WHERE id = ANY(${executionIds}::uuid[]) AND state = ANY(${startable}::text[])
      RETURNING *
    ), attempt AS (
      INSERT INTO scheduler_attempts (execution_id, attempt, started_at)
      SELECT id, attempts, ${now} FROM running
      ON CONFLICT (execution_id, attempt) DO UPDATE SET started_at = excluded.started_at
    )
    SELECT * FROM running`.execute(db);
  return inOrder(
    executionIds.map((id) => ({ id })),
    rows,
  );
}

export interface AttemptOutcome {
  execution_id: string;
  attempt: number;
  state: 'succeeded' | 'retrying' | 'dead';
  http_status: number | null;
  response_excerpt: string | null;
  error: string | null;
}

/**
 * running → succeeded | retrying | dead: how attempts ended at `now`, on the attempt and on its
 * execution (finished unless retrying). Returns the executions in the order given, undefined for
 * one no longer there or no longer running (made dead meanwhile by the rescuer: `markExecutionLost`),
 * or running a later attempt: a worker judged lost while only paused (docs/jobs.md, When a worker
 * dies) closes its own attempt but leaves the execution to the attempt that took over.
 */
export async function recordAttemptOutcomes(
  db: Db,
  now: Date,
  outcomes: AttemptOutcome[],
): Promise<(ExecutionRow | undefined)[]> {
  const { rows } = await sql<ExecutionRow>`
    WITH outcome AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb)
        AS r(execution_id uuid, attempt integer, state text, http_status integer,
             response_excerpt text, error text)
    ), attempt AS (
      UPDATE scheduler_attempts a
         SET finished_at = ${now}, succeeded = o.state = 'succeeded', http_status = o.http_status,
             response_excerpt = o.response_excerpt, error = o.error
        FROM outcome o
       WHERE a.execution_id = o.execution_id AND a.attempt = o.attempt
    )
    UPDATE scheduler_executions e
       SET state = o.state, http_status = o.http_status, last_error = o.error,
           finished_at = CASE WHEN o.state = 'retrying' THEN NULL ELSE ${now}::timestamptz END
      FROM outcome o
     WHERE e.id = o.execution_id AND e.state = 'running' AND e.attempts = o.attempt
    RETURNING e.*`.execute(db);
  return inOrder(
    outcomes.map((outcome) => ({ id: outcome.execution_id })),
    rows,
  );
}

/**
 * pending | running | retrying → dead: its job was made dead by the rescuer (its worker lost on
 * the last attempt). Its last attempt (`attempts`) is closed, failed with `error`, at `now`.
 */
export async function markExecutionLost(
  db: Db,
  executionId: string,
  error: string,
  now: Date,
): Promise<ExecutionRow | undefined> {
  const { rows } = await sql<ExecutionRow>`
    WITH lost AS (
      UPDATE scheduler_executions
         SET state = 'dead', http_status = NULL, last_error = ${error}, finished_at = ${now}
       WHERE id = ${executionId} AND state IN ('pending', 'running', 'retrying')
      RETURNING *
    ), attempt AS (
      UPDATE scheduler_attempts a
         SET finished_at = ${now}, succeeded = false, http_status = NULL, response_excerpt = NULL,
             error = ${error}
        FROM lost
       WHERE a.execution_id = lost.id AND a.attempt = lost.attempts
    )
    SELECT * FROM lost`.execute(db);
  return rows[0];
}

/** pending → missed at `now`: passed over by the catch-up policy. Returns those changed. */
export async function markMissed(
  db: Db,
  executionIds: string[],
  now: Date,
): Promise<ExecutionRow[]> {
  if (executionIds.length === 0) return [];
  const { rows } = await sql<ExecutionRow>`
    UPDATE scheduler_executions SET state = 'missed', finished_at = ${now}
     WHERE id = ANY(${executionIds}::uuid[]) AND state = 'pending'
    RETURNING *`.execute(db);
  return rows;
}

/** pending → pending, `buffered`: held by the `buffer_one` overlap policy. */
export async function bufferExecution(
  db: Db,
  executionId: string,
): Promise<ExecutionRow | undefined> {
  return changeExecution(db, executionId, ['pending'], { buffered: true });
}

/** pending → skipped at `now`: passed over by the overlap policy, `reason` kept as its error. */
export async function skipExecution(
  db: Db,
  executionId: string,
  reason: string,
  now: Date,
): Promise<ExecutionRow | undefined> {
  return changeExecution(db, executionId, ['pending'], {
    state: 'skipped',
    last_error: reason,
    finished_at: now,
  });
}

/**
 * pending → cancelled at `now`, every waiting execution of the task (deleted, or its schedule
 * changed); returns them, for the caller to cancel their jobs.
 */
export async function cancelPendingExecutions(
  db: Db,
  taskId: string,
  now: Date,
): Promise<ExecutionRow[]> {
  return tables(db)
    .updateTable('scheduler_executions')
    .set({ state: 'cancelled', finished_at: now })
    .where('task_id', '=', taskId)
    .where('state', '=', 'pending')
    .returningAll()
    .execute();
}

/** dead → retrying: run again with fresh attempts (the caller redrives its job, or gives it one). */
export async function redriveExecution(
  db: Db,
  executionId: string,
): Promise<ExecutionRow | undefined> {
  return changeExecution(db, executionId, ['dead'], { state: 'retrying', finished_at: null });
}
