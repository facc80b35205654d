import { sql, type UpdateObject } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import {
  inOrder,
  type SchedulerTables,
  type TaskRow,
  type TaskState,
  schedulerTables as tables,
} from './tables.ts';

// The SQL of tasks. A task changes state only through the transitions below, each an UPDATE
// guarded by the states it may leave, returning the row it changed (undefined: none was in such
// a state; the caller decides). States and transitions: `TaskState`, and docs/scheduler.md.
// Lists are keyset pages by id (UUIDv7, so by creation); callers ask for `limit + 1` rows to
// learn whether more follow.

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

/** A change its owner made: the version moves on (`setNextRuns` is the scheduler's own). */
const ownerChange = () => ({ updated_at: new Date(), version: sql<number>`version + 1` });

/** A task's states but the last (deleted tasks take no change). */
const notDeleted: TaskState[] = ['active', 'paused', 'completed'];

/**
 * The one shape of the task's transitions: `changes` to the task if its state is one of `from`;
 * the row as changed, or undefined when it was in no such state.
 */
function changeTask(
  db: Db,
  taskId: string,
  from: TaskState[],
  changes: UpdateObject<SchedulerTables, 'scheduler_tasks'>,
): Promise<TaskRow | undefined> {
  return tables(db)
    .updateTable('scheduler_tasks')
    .set(changes)
    .where('id', '=', taskId)
    .where('state', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Inserts new tasks in one statement, `active`, or `completed` when their schedule has no
 * occurrence (`next_run_at` null); returns them in the order given.
 */
export async function insertTasks(
  db: Db,
  tasks: (TaskSettings &
    Pick<TaskRow, 'id' | 'owner_id' | 'signing_secret' | 'state' | 'next_run_at'>)[],
): Promise<TaskRow[]> {
  const rows = await tables(db)
    .insertInto('scheduler_tasks')
    .values(
      tasks.map((task) => ({
        ...settingsColumns(task),
        id: task.id,
        owner_id: task.owner_id,
        signing_secret: task.signing_secret,
        state: task.state,
        next_run_at: task.next_run_at,
      })) as never, // settingsColumns' partial columns, all present here
    )
    .returningAll()
    .execute();
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
  return query.executeTakeFirst();
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
  return query.execute();
}

/** `text` matched literally by LIKE: its wildcards and the escape character escaped. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** New settings that keep the schedule (or a paused task's): its state stays as it is. */
export async function updateTaskSettings(
  db: Db,
  taskId: string,
  settings: Partial<TaskSettings>,
): Promise<TaskRow | undefined> {
  return changeTask(db, taskId, notDeleted, { ...settingsColumns(settings), ...ownerChange() });
}

/**
 * active | completed → active: new settings with a new schedule, whose occurrences the caller
 * schedules (`completeTasks` when it has none).
 */
export async function rescheduleTask(
  db: Db,
  taskId: string,
  settings: Partial<TaskSettings>,
): Promise<TaskRow | undefined> {
  return changeTask(db, taskId, ['active', 'completed'], {
    ...settingsColumns(settings),
    state: 'active',
    ...ownerChange(),
  });
}

/** active → paused: its occurrences are held (the caller takes their jobs away). */
export async function pauseTask(db: Db, taskId: string): Promise<TaskRow | undefined> {
  return changeTask(db, taskId, ['active'], { state: 'paused', ...ownerChange() });
}

/** When a paused task resumes by itself (null: when resumed by hand). */
export async function setPausedUntil(
  db: Db,
  taskId: string,
  until: Date | null,
): Promise<TaskRow | undefined> {
  return changeTask(db, taskId, ['paused'], { paused_until: until, ...ownerChange() });
}

/** paused → active, by hand or by its `scheduler.resume` job; `paused_until` is cleared. */
export async function resumeTask(db: Db, taskId: string): Promise<TaskRow | undefined> {
  return changeTask(db, taskId, ['paused'], {
    state: 'active',
    paused_until: null,
    ...ownerChange(),
  });
}

/** active | paused | completed → deleted: invisible to the API, its history kept. */
export async function deleteTask(db: Db, taskId: string): Promise<TaskRow | undefined> {
  return changeTask(db, taskId, notDeleted, {
    state: 'deleted',
    next_run_at: null,
    ...ownerChange(),
  });
}

/**
 * The task's next due time after a run began or its schedule changed, for many tasks in one
 * statement (the state is left alone: `completeTasks` for a task with none left); returns them
 * in the order given.
 */
export async function setNextRuns(
  db: Db,
  changes: { id: string; next_run_at: Date }[],
): Promise<TaskRow[]> {
  if (changes.length === 0) return [];
  const { rows } = await sql<TaskRow>`
    UPDATE scheduler_tasks t
       SET next_run_at = r.next_run_at, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
             AS r(id uuid, next_run_at timestamptz)
     WHERE t.id = r.id
    RETURNING t.*`.execute(db);
  return inOrder(changes, rows);
}

/**
 * active → completed: the tasks' schedules have no occurrence left (`next_run_at` null). Returns
 * them in the order given, undefined for one that was not active.
 */
export async function completeTasks(db: Db, taskIds: string[]): Promise<(TaskRow | undefined)[]> {
  if (taskIds.length === 0) return [];
  const { rows } = await sql<TaskRow>`
    UPDATE scheduler_tasks
       SET state = 'completed', next_run_at = NULL, updated_at = now()
     WHERE id = ANY(${taskIds}::uuid[]) AND state = 'active'
    RETURNING *`.execute(db);
  return inOrder(
    taskIds.map((id) => ({ id })),
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
  return tables(db)
    .updateTable('scheduler_tasks')
    .set((eb) => ({
      previous_signing_secret: eb.ref('signing_secret'),
      previous_secret_expires_at: expiresAt,
      signing_secret: secret,
      ...ownerChange(),
    }))
    .where('id', '=', taskId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
