import { isDeepStrictEqual } from 'node:util';
import { uuidv7 } from 'uuidv7';
import { type Db, transaction } from '../platform/db/database.ts';
import { groupCommit } from '../platform/db/group-commit.ts';
import type { EventInput } from '../platform/events/publish.ts';
import { type ExpectedVersion, versionMismatch } from '../platform/http/concurrency.ts';
import type { Core } from '../platform/module.ts';
import { newWebhookSecret } from '../platform/outbound/signing.ts';
import { Problem } from '../platform/problems.ts';
import { advanceTask, enqueueRun, nextDue, runRetry, scheduleOccurrences } from './occurrences.ts';
import type { TaskInput } from './schemas.ts';
import { resolveSettings, sameSettings } from './settings.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import type { TaskSettings } from './store/tasks.ts';
import * as taskStore from './store/tasks.ts';
import { mergeTaskPatch } from './task-patch.ts';

// The scheduler's rules for tasks: each operation is one transaction that changes the task and
// its pending occurrence together, so an occurrence is never lost nor scheduled twice.

/** What the task's owner sees live on `user:<owner>` when an execution changes. */
export function executionEvent(task: TaskRow, execution: ExecutionRow): EventInput {
  return {
    topic: `user:${task.owner_id}`,
    type: 'scheduler.execution',
    data: { task_id: task.id, task_name: task.name, execution: executionJson(execution) },
  };
}

export async function publishExecution(core: Core, tx: Db, task: TaskRow, execution: ExecutionRow) {
  await core.events.publish(tx, executionEvent(task, execution));
}

export function executionJson(execution: ExecutionRow) {
  const { job_id: _job, manual: _manual, created_at: _created, ...visible } = execution;
  return visible;
}

export function taskJson(task: TaskRow) {
  const {
    owner_id: _owner,
    signing_secret: _secret,
    previous_signing_secret: _previous,
    ...visible
  } = task;
  return visible;
}

/** A task to create: its owner and its settings as `resolveSettings` made them. */
interface NewTask {
  ownerId: string;
  settings: TaskSettings;
  first: Date | null;
}

/**
 * The task creator of this process: it validates each request on its own, and writes the tasks
 * (and their first occurrences) that arrive together in one transaction (`groupCommit`), which is
 * what lets one process create thousands a second.
 */
export function taskCreator(core: Core) {
  const write = groupCommit(core.database.db, (tx, tasks: NewTask[]) =>
    insertNewTasks(core, tx, tasks),
  );
  return async (ownerId: string, input: TaskInput): Promise<TaskRow> => {
    const now = core.clock.now();
    const settings = await resolveSettings(input, undefined, {
      now,
      allowPrivateTargets: core.config.outboundAllowPrivate,
    });
    // The first occurrence at or after the start, and not in the past.
    return write({ ownerId, settings, first: nextDue(settings, firstAfter(settings, now)) });
  };
}

export type CreateTask = ReturnType<typeof taskCreator>;

async function insertNewTasks(core: Core, tx: Db, tasks: NewTask[]): Promise<TaskRow[]> {
  const rows = await taskStore.insertTasks(
    tx,
    tasks.map(({ ownerId, settings, first }) => ({
      ...settings,
      id: uuidv7(),
      owner_id: ownerId,
      signing_secret: newWebhookSecret(),
      state: first ? 'active' : 'completed',
      next_run_at: first,
    })),
  );
  await scheduleOccurrences(
    core,
    tx,
    rows.flatMap((task) => (task.next_run_at ? [{ task, at: task.next_run_at }] : [])),
  );
  return rows;
}

/**
 * Just before the first occurrence a task may have: its start, or now if that is later. A `once`
 * task accepted just after its start (settings.ts allows a minute) runs at once, at its start.
 */
function firstAfter(task: Pick<TaskRow, 'schedule'>, now: Date): Date {
  const start = Date.parse(task.schedule.start);
  if (task.schedule.frequency === 'once') return new Date(start - 1);
  return new Date(Math.max(start, now.getTime()) - 1);
}

export async function requireTask(
  db: Db,
  ownerId: string | null,
  taskId: string,
  forUpdate = false,
): Promise<TaskRow> {
  const task = await taskStore.findTask(db, ownerId, taskId, forUpdate);
  if (!task) throw new Problem('not-found', `No task ${taskId}`);
  return task;
}

/**
 * Changes a task by a JSON merge patch of its settings (`mergeTaskPatch`), or by the patch that
 * `patch` makes of the task as it is, read under its lock. A change that changes
 * nothing is nothing: the same task, version and pending occurrence. A new schedule moves the
 * pending occurrence atomically: it is cancelled and the first occurrence of the new schedule from
 * now is scheduled in its place.
 */
export async function updateTask(
  core: Core,
  ownerId: string | null,
  taskId: string,
  patch: Record<string, unknown> | ((task: TaskRow) => Record<string, unknown>),
  expected: ExpectedVersion | undefined,
): Promise<TaskRow> {
  const now = core.clock.now();
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    if (expected && expected.version !== task.version)
      throw versionMismatch(expected, task.version);
    const changes = typeof patch === 'function' ? patch(task) : patch;
    const settings = await resolveSettings(mergeTaskPatch(task, changes), task, {
      now,
      allowPrivateTargets: core.config.outboundAllowPrivate,
    });
    if (sameSettings(settings, task)) return task;
    // A paused task keeps its held occurrence; resuming schedules from the new settings.
    const reschedule =
      !isDeepStrictEqual(settings.schedule, task.schedule) && task.state !== 'paused';
    if (!reschedule) {
      return changed(
        await taskStore.updateTaskSettings(tx, task.id, settings),
        `update task ${task.id}`,
      );
    }
    const updated = changed(
      await taskStore.rescheduleTask(tx, task.id, settings),
      `reschedule task ${task.id}`,
    );
    await cancelPending(core, tx, updated);
    return advanceTask(core, tx, updated, firstAfter(updated, now));
  });
}

/** Cancels the task's waiting occurrences and their jobs. */
async function cancelPending(core: Core, tx: Db, task: TaskRow): Promise<void> {
  const now = core.clock.now();
  for (const cancelled of await executionStore.cancelPendingExecutions(tx, task.id, now)) {
    if (cancelled.job_id !== null) await core.jobs.cancel(cancelled.job_id, { tx });
    await publishExecution(core, tx, task, cancelled);
  }
}

export async function deleteTask(core: Core, ownerId: string | null, taskId: string) {
  await transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    await cancelPending(core, tx, task);
    changed(await taskStore.deleteTask(tx, task.id), `delete task ${task.id}`);
  });
}

/**
 * An extra execution due now, outside the schedule (the schedule goes on as before). It runs
 * whatever the task's state: a paused task runs once and stays paused.
 */
export async function runTaskNow(core: Core, ownerId: string, taskId: string) {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    const [execution] = await scheduleOccurrences(core, tx, [
      { task, at: core.clock.now(), manual: true },
    ]);
    if (!execution) throw new Problem('conflict', 'An execution is already due this instant');
    await publishExecution(core, tx, task, execution);
    return execution;
  });
}

/**
 * Runs dead executions again with fresh attempts (the task's retry policy as it is now): one
 * (`executionId`) or all of the task's. Each execution's dead job is itself redriven, in this
 * transaction, so the dead-letter queue and the task's history agree; only an execution whose job
 * is gone gets a new one.
 */
export async function redriveExecutions(
  core: Core,
  ownerId: string,
  taskId: string,
  executionId?: string,
): Promise<number> {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    const dead = (await executionStore.deadExecutions(tx, task.id)).filter(
      (execution) => executionId === undefined || execution.id === executionId,
    );
    if (executionId !== undefined && dead.length === 0) {
      const execution = await executionStore.findExecution(tx, executionId);
      if (!execution || execution.task_id !== task.id) {
        throw new Problem('not-found', `No execution ${executionId} of task ${taskId}`);
      }
      throw new Problem('conflict', `Execution ${executionId} is ${execution.state}, not dead`);
    }
    for (const execution of dead) {
      const redriven =
        execution.job_id !== null &&
        (await core.jobs.redrive(execution.job_id, { tx, retry: runRetry(task) }));
      const retrying = changed(
        await executionStore.redriveExecution(tx, execution.id),
        `redrive execution ${execution.id}`,
      );
      if (!redriven) await enqueueRun(core, tx, task, retrying, core.clock.now());
      await publishExecution(core, tx, task, retrying);
    }
    return dead.length;
  });
}
