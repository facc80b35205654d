import type { ColumnType, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ValidSchedule } from '../recurrence.ts';

// The scheduler's tables as Kysely sees them, and the rows read from them. The states and their
// transitions are drawn in docs/scheduler.md ("States"); each transition is one function of
// tasks.ts or executions.ts, an UPDATE guarded by the states it may leave.

type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** The life of a task (`scheduler_tasks.state`); each transition is a function of tasks.ts. */
export type TaskState =
  /**
   * Its occurrences are scheduled: `next_run_at` is the one it waits for. Entered on create
   * (`insertTasks`), on resume (`resumeTask`) and on a schedule change (`rescheduleTask`); left by
   * `pauseTask`, `completeTasks` and `deleteTask`.
   */
  | 'active'
  /**
   * Held: its pending occurrence waits without a job (`paused_until`: until when, if given).
   * Entered by `pauseTask` (from active); left by `resumeTask` (by hand or its `scheduler.resume`
   * job) and `deleteTask`.
   */
  | 'paused'
  /**
   * Its schedule has no occurrence left (`next_run_at` null). Entered on create (`insertTasks`,
   * none from the start) or when it advances past its last one (`completeTasks`, from active);
   * left by `rescheduleTask` (a new schedule) and `deleteTask`.
   */
  | 'completed'
  /**
   * Gone for the API, its history kept. Entered by `deleteTask` (from any other state); final.
   */
  | 'deleted';

/** The life of one occurrence (`scheduler_executions.state`); each transition is a function of executions.ts. */
export type ExecutionState =
  /**
   * Waiting for its due time, run by its job (none while its task is paused, or when recorded
   * missed at once). Entered on scheduling (`insertExecutions`, which also revives a cancelled
   * execution of the same due time). Left by `startExecutions` (running), `markMissed`,
   * `skipExecution`, `cancelPendingExecutions` and `markExecutionsLost` (dead). With `buffered`
   * (`bufferExecution`), held by the `buffer_one` overlap policy.
   */
  | 'pending'
  /**
   * An attempt is under way. Entered by `startExecutions` (from pending or retrying, from running
   * again when a crashed attempt's job is retried, from dead when its own dead job was redriven
   * from the dead-letter queue). Left by `recordAttemptOutcomes` (succeeded, retrying or dead) and
   * `markExecutionsLost` (dead).
   */
  | 'running'
  /** The last attempt succeeded. Entered by `recordAttemptOutcomes` (from running); final. */
  | 'succeeded'
  /**
   * An attempt failed and its job will try again after its backoff. Entered by
   * `recordAttemptOutcomes` (from running) and `redriveExecution` (from dead). Left by
   * `startExecutions` (running) and `markExecutionsLost` (dead).
   */
  | 'retrying'
  /**
   * No attempts left; its job is dead too. Entered by `recordAttemptOutcomes` (from running) and
   * `markExecutionsLost` (the rescuer made its job dead: from pending, running or retrying). Left
   * by `redriveExecution` (retrying) and by `startExecutions` when its own job is redriven from
   * the dead-letter queue (running).
   */
  | 'dead'
  /** Passed over by the catch-up policy, never run. Entered by `markMissed` (from pending); final. */
  | 'missed'
  /**
   * Its task was deleted or its schedule changed before it ran. Entered by
   * `cancelPendingExecutions` (from pending); left only when the same occurrence is scheduled
   * again (`insertExecutions`: pending).
   */
  | 'cancelled'
  /**
   * Passed over by the `skip` or `buffer_one` overlap policy while the previous execution was under
   * way, never run. Entered by `skipExecution` (from pending); final.
   */
  | 'skipped';

export type OverlapPolicy = 'allow_all' | 'skip' | 'buffer_one';

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
    state: TaskState;
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

export type TaskRow = Selectable<SchedulerTables['scheduler_tasks']>;
export type ExecutionRow = Selectable<SchedulerTables['scheduler_executions']>;
export type AttemptRow = Selectable<SchedulerTables['scheduler_attempts']>;

/** The database typed with the scheduler's tables. */
export function schedulerTables(db: Db) {
  return db.withTables<SchedulerTables>();
}

/** `rows` in the order of `wanted`, by id (callers whose rows may be missing type theirs so). */
export function inOrder<R extends { id: string }>(wanted: { id: string }[], rows: R[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return wanted.map((want) => byId.get(want.id) as R);
}

/**
 * The row a transition changed, for a caller that holds the row's lock and has just read its
 * state: there, a guard that matches nothing is a bug, not a race, and the transaction must not
 * commit around it.
 *
 * @example const paused = changed(await pauseTask(tx, task.id), `pause task ${task.id}`);
 */
export function changed<R>(row: R | undefined, transition: string): R {
  if (row === undefined) throw new Error(`${transition}: no row was in a state it may leave`);
  return row;
}
