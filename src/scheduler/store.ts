import { type ColumnType, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { ValidSchedule } from './recurrence.ts';

// SQL for the scheduler and nothing else. Lists are keyset pages: tasks by id (UUIDv7, so by
// creation), executions by due time, newest first. Callers ask for `limit + 1` rows to learn
// whether more follow.

type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;

export type ExecutionState =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'retrying'
  | 'dead'
  | 'missed'
  | 'cancelled'
  | 'skipped';

export type SchedulerTables = {
  scheduler_tasks: {
    id: string;
    owner_id: string;
    name: string;
    schedule: Json<StoredSchedule>;
    action: Json<StoredAction>;
    retry: Json<StoredRetry>;
    tolerance_ms: number;
    flexible_window_minutes: ColumnType<number, number | undefined, number>;
    overlap: ColumnType<OverlapPolicy, OverlapPolicy | undefined, OverlapPolicy>;
    catch_up: 'all' | 'latest' | 'skip';
    notify: Json<Record<string, string[]>>;
    tags: ColumnType<string[], string[] | undefined, string[]>;
    signing_secret: string;
    previous_signing_secret: string | null;
    previous_secret_expires_at: Date | null;
    state: 'active' | 'paused' | 'completed' | 'deleted';
    next_run_at: Date | null;
    paused_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
    version: ColumnType<number, number | undefined, number>;
    created_at: CreatedAt;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  scheduler_executions: {
    id: string;
    task_id: string;
    scheduled_for: Date;
    state: ColumnType<ExecutionState, ExecutionState | undefined, ExecutionState>;
    job_id: number | null;
    manual: ColumnType<boolean, boolean | undefined, never>;
    attempts: ColumnType<number, number | undefined, number>;
    started_at: Date | null;
    finished_at: Date | null;
    last_error: string | null;
    http_status: number | null;
    buffered: ColumnType<boolean, boolean | undefined, boolean>;
    created_at: CreatedAt;
  };
  scheduler_attempts: {
    execution_id: string;
    attempt: number;
    started_at: Date;
    finished_at: Date | null;
    succeeded: boolean | null;
    http_status: number | null;
    response_excerpt: string | null;
    error: string | null;
  };
};

export type OverlapPolicy = 'allow_all' | 'skip' | 'buffer_one';

/** A schedule as `validateSchedule` normalized it. */
export type StoredSchedule = ValidSchedule;

export type StoredAction =
  | {
      type: 'webhook';
      url: string;
      method: string;
      headers: Record<string, string>;
      body: unknown;
      timeout_ms: number;
    }
  | { type: 'reminder'; message: string };

export interface StoredRetry {
  max_attempts: number;
  initial_delay_ms: number;
  factor: number;
  max_delay_ms: number;
}

export interface TaskRow {
  id: string;
  owner_id: string;
  name: string;
  schedule: StoredSchedule;
  action: StoredAction;
  retry: StoredRetry;
  tolerance_ms: number;
  flexible_window_minutes: number;
  overlap: OverlapPolicy;
  catch_up: 'all' | 'latest' | 'skip';
  notify: Record<string, string[]>;
  tags: string[];
  signing_secret: string;
  previous_signing_secret: string | null;
  previous_secret_expires_at: Date | null;
  state: 'active' | 'paused' | 'completed' | 'deleted';
  next_run_at: Date | null;
  paused_until: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ExecutionRow {
  id: string;
  task_id: string;
  scheduled_for: Date;
  state: ExecutionState;
  job_id: number | null;
  manual: boolean;
  attempts: number;
  started_at: Date | null;
  finished_at: Date | null;
  last_error: string | null;
  http_status: number | null;
  buffered: boolean;
  created_at: Date;
}

function tables(db: Db) {
  return db.withTables<SchedulerTables>();
}

/** The settings of a task, as written by create and update. */
export type TaskSettings = Pick<
  TaskRow,
  | 'name'
  | 'schedule'
  | 'action'
  | 'retry'
  | 'tolerance_ms'
  | 'catch_up'
  | 'notify'
  | 'tags'
  | 'flexible_window_minutes'
  | 'overlap'
>;

function settingsColumns(settings: Partial<TaskSettings>) {
  const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  return {
    name: settings.name,
    schedule: json(settings.schedule),
    action: json(settings.action),
    retry: json(settings.retry),
    tolerance_ms: settings.tolerance_ms,
    catch_up: settings.catch_up,
    notify: json(settings.notify),
    tags: settings.tags,
    flexible_window_minutes: settings.flexible_window_minutes,
    overlap: settings.overlap,
  };
}

/** Inserts new tasks in one statement; returns them in the order given. */
export async function insertTasks(
  db: Db,
  tasks: (TaskSettings &
    Pick<TaskRow, 'id' | 'owner_id' | 'signing_secret' | 'state' | 'next_run_at'>)[],
): Promise<TaskRow[]> {
  const rows = (await tables(db)
    .insertInto('scheduler_tasks')
    .values(
      tasks.map((task) => ({
        ...settingsColumns(task),
        id: task.id,
        owner_id: task.owner_id,
        signing_secret: task.signing_secret,
        state: task.state,
        next_run_at: task.next_run_at,
      })) as never,
    )
    .returningAll()
    .execute()) as TaskRow[];
  return inOrder(tasks, rows);
}

/** A task its owner can see (not deleted), locked for update when `forUpdate`. */
export async function findTask(
  db: Db,
  ownerId: string | null,
  taskId: string,
  forUpdate = false,
): Promise<TaskRow | undefined> {
  let query = tables(db)
    .selectFrom('scheduler_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('state', '<>', 'deleted');
  if (ownerId !== null) query = query.where('owner_id', '=', ownerId);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as TaskRow | undefined;
}

/** A change its owner made: the version moves on (`setNextRuns` is the scheduler's own). */
export async function updateTask(
  db: Db,
  taskId: string,
  changes: Partial<TaskSettings> & Partial<Pick<TaskRow, 'state' | 'next_run_at' | 'paused_until'>>,
): Promise<TaskRow> {
  const { state, next_run_at, paused_until, ...settings } = changes;
  return (await tables(db)
    .updateTable('scheduler_tasks')
    .set({
      ...settingsColumns(settings),
      state,
      next_run_at,
      paused_until,
      updated_at: new Date(),
      version: sql<number>`version + 1` as never,
    })
    .where('id', '=', taskId)
    .returningAll()
    .executeTakeFirstOrThrow()) as TaskRow;
}

export async function listTasks(
  db: Db,
  ownerId: string,
  filter: { state?: string; tag?: string; name?: string; after?: string; limit: number },
): Promise<TaskRow[]> {
  let query = tables(db)
    .selectFrom('scheduler_tasks')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('state', '<>', 'deleted')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.state) query = query.where('state', '=', filter.state as TaskRow['state']);
  if (filter.after) query = query.where('id', '>', filter.after);
  if (filter.tag) query = query.where(sql<boolean>`tags @> ARRAY[${filter.tag}]::text[]`);
  if (filter.name) query = query.where('name', 'ilike', `%${escapeLike(filter.name)}%`);
  return (await query.execute()) as TaskRow[];
}

/**
 * The task's next due time and state after a run began or its schedule changed, for many tasks in
 * one statement (`next_run_at` null: none left); returns them in the order given.
 */
export async function setNextRuns(
  db: Db,
  changes: { id: string; next_run_at: Date | null; state: TaskRow['state'] }[],
): Promise<TaskRow[]> {
  const { rows } = await sql<TaskRow>`
    UPDATE scheduler_tasks t
       SET next_run_at = r.next_run_at, state = r.state, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
             AS r(id uuid, next_run_at timestamptz, state text)
     WHERE t.id = r.id
    RETURNING t.*`.execute(db);
  return inOrder(changes, rows);
}

/**
 * Inserts the executions of occurrences, pending, each run by its `job_id` (none for one recorded
 * as missed at once). An occurrence whose execution was cancelled (a schedule changed away and
 * back) takes the new id and job and is pending again (a cancelled execution never started, so no
 * attempt refers to its id). Returns what was written, in the order given, undefined for an
 * occurrence that has a live execution.
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

export async function updateExecution(
  db: Db,
  executionId: string,
  changes: Partial<
    Omit<ExecutionRow, 'id' | 'task_id' | 'scheduled_for' | 'manual' | 'created_at'>
  >,
): Promise<ExecutionRow> {
  return tables(db)
    .updateTable('scheduler_executions')
    .set(changes)
    .where('id', '=', executionId)
    .returningAll()
    .executeTakeFirstOrThrow();
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

export async function deadExecutions(db: Db, taskId: string): Promise<ExecutionRow[]> {
  return tables(db)
    .selectFrom('scheduler_executions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('state', '=', 'dead')
    .forUpdate()
    .execute();
}

/**
 * Marks executions running with one more attempt, starting at `now`, and records those attempts;
 * returns them in the order given.
 */
export async function markRunning(
  db: Db,
  executionIds: string[],
  now: Date,
): Promise<ExecutionRow[]> {
  if (executionIds.length === 0) return [];
  const { rows } = await sql<ExecutionRow>`
    WITH running AS (
      UPDATE scheduler_executions
         SET state = 'running', attempts = attempts + 1, started_at = coalesce(started_at, ${now}),
             finished_at = NULL
       WHERE id = ANY(${executionIds}::uuid[])
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
 * Records how attempts ended at `now`, on the attempt and on its execution (finished unless
 * retrying); returns the executions in the order given (undefined for one no longer there).
 */
export async function finishAttempts(
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
     WHERE e.id = o.execution_id
    RETURNING e.*`.execute(db);
  return inOrder(
    outcomes.map((outcome) => ({ id: outcome.execution_id })),
    rows,
  );
}

/**
 * Gives the task a new signing secret, keeping the current one as the previous until `expiresAt`
 * (an older previous is dropped); the version moves on.
 */
export async function rotateSigningSecret(
  db: Db,
  taskId: string,
  secret: string,
  expiresAt: Date,
): Promise<TaskRow> {
  return (await tables(db)
    .updateTable('scheduler_tasks')
    .set((eb) => ({
      previous_signing_secret: eb.ref('signing_secret'),
      previous_secret_expires_at: expiresAt,
      signing_secret: secret,
      updated_at: new Date(),
      version: sql<number>`version + 1` as never,
    }))
    .where('id', '=', taskId)
    .returningAll()
    .executeTakeFirstOrThrow()) as TaskRow;
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

/** `text` matched literally by LIKE: its wildcards and the escape character escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
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

/** `rows` in the order of `wanted`, by id (callers whose rows may be missing type theirs so). */
function inOrder<R extends { id: string }>(wanted: { id: string }[], rows: R[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return wanted.map((want) => byId.get(want.id) as R);
}
