import { isDeepStrictEqual } from 'node:util';
import { uuidv7 } from 'uuidv7';
import { type Db, transaction } from '../platform/db/database.ts';
import { groupCommit } from '../platform/db/group-commit.ts';
import type { EventInput } from '../platform/events/publish.ts';
import { type ExpectedVersion, versionMismatch } from '../platform/http/concurrency.ts';
import type { Backoff } from '../platform/jobs/backoff.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { JobSpec } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import { newWebhookSecret } from '../platform/outbound/signing.ts';
import { Problem } from '../platform/problems.ts';
import { nextOccurrence, occurrences } from './recurrence.ts';
import type { TaskInput } from './schemas.ts';
import { resolveSettings, sameSettings } from './settings.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import type { TaskSettings } from './store/tasks.ts';
import * as taskStore from './store/tasks.ts';
import { mergeTaskPatch } from './task-patch.ts';

// The scheduler's rules for tasks: each operation is one transaction that changes the task and
// its pending occurrence together, so an occurrence is never lost nor scheduled twice.

/** The job that runs one execution. */
export const runExecutionJob = defineJob<RunPayload>('scheduler.run');

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

/** An occurrence to schedule: `task`'s, due at `at`; `manual` when run now, outside the schedule. */
export interface Occurrence {
  task: TaskRow;
  at: Date;
  manual?: boolean;
  /** When its job is due, if not at `at` (a backfilled occurrence runs now). */
  runAt?: Date;
}

/**
 * Writes the executions of occurrences and the jobs that run them; undefined for an occurrence
 * that already has one (the unique (task, due time) makes scheduling idempotent; its job is
 * cancelled). The jobs come first, so each execution is written once, with its job.
 */
export async function scheduleOccurrences(
  core: Core,
  tx: Db,
  occurrences: Occurrence[],
): Promise<(ExecutionRow | undefined)[]> {
  if (occurrences.length === 0) return [];
  const ids = occurrences.map(() => uuidv7());
  const jobs = await core.jobs.enqueueMany(
    occurrences.map(({ task, at, manual, runAt }, index) =>
      runJobSpec(task, ids[index] as string, runAt ?? (manual ? at : withinWindow(task, at))),
    ),
    { tx },
  );
  const jobIds = new Map(jobs.map((job) => [job.payload.executionId, job.id]));
  const executions = await executionStore.insertExecutions(
    tx,
    occurrences.map(({ task, at, manual }, index) => ({
      id: ids[index] as string,
      task_id: task.id,
      scheduled_for: at,
      manual: manual ?? false,
      job_id: jobIds.get(ids[index] as string),
    })),
  );
  for (const [index, execution] of executions.entries()) {
    const jobId = jobIds.get(ids[index] as string);
    if (!execution && jobId !== undefined) await core.jobs.cancel(jobId, { tx });
  }
  return executions;
}

/** Gives an existing execution a job due at `runAt` (on resume, on redrive). */
export async function enqueueRun(
  core: Core,
  tx: Db,
  task: TaskRow,
  execution: ExecutionRow,
  runAt: Date,
): Promise<ExecutionRow> {
  const job = await core.jobs.enqueue(runJobSpec(task, execution.id, runAt), { tx });
  return changed(
    await executionStore.attachRunJob(tx, execution.id, job.id),
    `attach job ${job.id} to execution ${execution.id}`,
  );
}

/** When an occurrence due `at` runs: a random point of the task's flexible window after it. */
function withinWindow(task: TaskRow, at: Date): Date {
  const windowMs = task.flexible_window_minutes * 60_000;
  return windowMs === 0 ? at : new Date(at.getTime() + Math.floor(Math.random() * windowMs));
}

/** The end of the flexible window of an occurrence due `at`: it is late only after this. */
export function windowEnd(task: TaskRow, at: Date): Date {
  return new Date(at.getTime() + task.flexible_window_minutes * 60_000);
}

export interface RunPayload {
  executionId: string;
}

/** The attempts and backoff of the task's runs, as the job engine takes them. */
function runRetry(task: TaskRow): { maxAttempts: number; backoff: Backoff } {
  const { retry } = task;
  return {
    maxAttempts: retry.max_attempts,
    backoff: {
      initialMs: retry.initial_delay_ms,
      factor: retry.factor,
      maxMs: retry.max_delay_ms,
      jitter: 0.1,
    },
  };
}

function runJobSpec(task: TaskRow, executionId: string, runAt: Date): JobSpec<RunPayload> {
  const { action } = task;
  return runExecutionJob.spec(
    { executionId },
    {
      runAt,
      ...runRetry(task),
      // The handler times its call itself; this only stops an attempt that hangs beyond it.
      timeoutMs: (action.type === 'webhook' ? action.timeout_ms : 10_000) + 30_000,
      uniqueKey: `${runExecutionJob.kind}:${executionId}`,
    },
  );
}

/** The task's next due time strictly after `after`, or null when its schedule has none left. */
export function nextDue(task: Pick<TaskRow, 'schedule'>, after: Date): Date | null {
  const next = nextOccurrence(task.schedule, after);
  return next && new Date(next.epochMilliseconds);
}

/** Up to `count` due times strictly after `after`. */
export function dueTimes(task: Pick<TaskRow, 'schedule'>, after: Date, count: number): Date[] {
  return occurrences(task.schedule, after, count).map((at) => new Date(at.epochMilliseconds));
}

/**
 * The last due time in (`after`, `until`], or null when there is none. A binary search over
 * `nextDue`, so it works for every kind of schedule and costs ~40 lookups however many
 * occurrences lie between (a PT1S task after a day down has 86,400).
 */
export function lastDueBetween(
  task: Pick<TaskRow, 'schedule'>,
  after: Date,
  until: Date,
): Date | null {
  const first = nextDue(task, after);
  if (!first || first.getTime() > until.getTime()) return null;
  // Invariant: some occurrence lies in (low, until], none in (high, until].
  let low = after.getTime();
  let high = until.getTime();
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const next = nextDue(task, new Date(middle));
    if (next && next.getTime() <= until.getTime()) low = middle;
    else high = middle;
  }
  return nextDue(task, new Date(low));
}

/**
 * Schedules each task's next occurrence after its `after` and records it as the task's
 * `next_run_at`, or completes the task (active → completed) when its schedule has none left;
 * returns the tasks so changed, in order. The tasks are active and locked by the caller.
 */
export async function advanceTasks(
  core: Core,
  tx: Db,
  advances: { task: TaskRow; after: Date }[],
): Promise<TaskRow[]> {
  if (advances.length === 0) return [];
  const nexts = advances.map(({ task, after }) => ({ task, at: nextDue(task, after) }));
  const going = nexts.filter((next): next is Occurrence => next.at !== null);
  await scheduleOccurrences(core, tx, going);
  const advanced = await taskStore.setNextRuns(
    tx,
    going.map(({ task, at }) => ({ id: task.id, next_run_at: at })),
  );
  const ending = nexts.filter(({ at }) => at === null).map(({ task }) => task.id);
  const completed = await taskStore.completeTasks(tx, ending);
  const byId = new Map(
    [
      ...advanced,
      ...completed.map((task, index) => changed(task, `complete task ${ending[index]}`)),
    ].map((task) => [task.id, task]),
  );
  return nexts.map(({ task }) => byId.get(task.id) as TaskRow);
}

/** `advanceTasks` for one task. */
export async function advanceTask(core: Core, tx: Db, task: TaskRow, after: Date) {
  return (await advanceTasks(core, tx, [{ task, after }]))[0] as TaskRow;
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

/** The task's pending scheduled occurrences: those a pause holds (not its manual runs). */
async function heldExecutions(tx: Db, taskId: string): Promise<ExecutionRow[]> {
  return (await executionStore.pendingExecutions(tx, taskId)).filter(
    (execution) => !execution.manual,
  );
}

/**
 * Holds the task's occurrences: its pending one waits, without a job, until `resume`, or until
 * `until` when given (a paused task paused again takes the new `until`, or none). A manual run
 * (`runTaskNow`) is not held.
 */
export async function pauseTask(
  core: Core,
  ownerId: string,
  taskId: string,
  until?: Date,
): Promise<TaskRow> {
  if (until && until.getTime() <= core.clock.now().getTime()) {
    throw new Problem('unprocessable', 'body/until: must be in the future', {
      errors: [{ field: 'body/until', message: 'must be in the future' }],
    });
  }
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    if (task.state === 'paused') return holdUntil(core, tx, task, until);
    if (task.state !== 'active') return task;
    for (const execution of await heldExecutions(tx, task.id)) {
      if (execution.job_id !== null) await core.jobs.cancel(execution.job_id, { tx });
      changed(await executionStore.holdExecution(tx, execution.id), `hold ${execution.id}`);
    }
    const paused = changed(await taskStore.pauseTask(tx, task.id), `pause task ${task.id}`);
    return holdUntil(core, tx, paused, until);
  });
}

export interface ResumePayload {
  taskId: string;
  /** The `paused_until` it was enqueued for: a later pause or resume makes the job a no-op. */
  until: string;
}

/** The job that resumes a task paused until a date. */
export const resumeTaskJob = defineJob<ResumePayload>('scheduler.resume');

/** Sets when a paused task resumes by itself (none: `until` undefined), with the job that does. */
async function holdUntil(core: Core, tx: Db, task: TaskRow, until: Date | undefined) {
  if ((task.paused_until?.getTime() ?? null) === (until?.getTime() ?? null)) return task;
  const held = changed(
    await taskStore.setPausedUntil(tx, task.id, until ?? null),
    `hold task ${task.id} until ${until?.toISOString()}`,
  );
  if (until) {
    const payload: ResumePayload = { taskId: task.id, until: until.toISOString() };
    await core.jobs.enqueue(
      resumeTaskJob.spec(payload, {
        runAt: until,
        uniqueKey: `${resumeTaskJob.kind}:${task.id}:${payload.until}`,
      }),
      { tx },
    );
  }
  return held;
}

/** Resumes a task paused until `until`, if it still is (run by its `scheduler.resume` job). */
export async function resumePausedUntil(core: Core, payload: ResumePayload): Promise<void> {
  await transaction(core.database.db, async (tx) => {
    const task = await taskStore.findTask(tx, null, payload.taskId, true);
    if (task?.state !== 'paused' || task.paused_until?.toISOString() !== payload.until) return;
    await resumeHeld(core, tx, task);
  });
}

/**
 * Lets a paused task run again. Its held occurrence is due at once if its time has passed; the
 * run then follows the task's catch-up policy for everything missed during the pause.
 */
export async function resumeTask(core: Core, ownerId: string, taskId: string): Promise<TaskRow> {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    if (task.state !== 'paused') return task;
    return resumeHeld(core, tx, task);
  });
}

async function resumeHeld(core: Core, tx: Db, task: TaskRow): Promise<TaskRow> {
  const resumed = changed(await taskStore.resumeTask(tx, task.id), `resume task ${task.id}`);
  const held = await heldExecutions(tx, task.id);
  for (const execution of held)
    await enqueueRun(core, tx, resumed, execution, execution.scheduled_for);
  return held.length === 0 ? advanceTask(core, tx, resumed, core.clock.now()) : resumed;
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
