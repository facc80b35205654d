import { uuidv7 } from 'uuidv7';
import { type Db, transaction } from '../platform/db/database.ts';
import { type ExpectedVersion, versionMismatch } from '../platform/http/concurrency.ts';
import { newWebhookSecret } from '../platform/http/outbound.ts';
import { HttpProblem } from '../platform/http/problems.ts';
import type { Core } from '../platform/module.ts';
import { nextOccurrence, occurrences } from './recurrence.ts';
import type { TaskInput, TaskPatch } from './schemas.ts';
import { resolveSettings } from './settings.ts';
import type { ExecutionRow, TaskRow } from './store.ts';
import * as store from './store.ts';

// The scheduler's rules for tasks: each operation is one transaction that changes the task and
// its pending occurrence together, so an occurrence is never lost nor scheduled twice.

/** The job that runs one execution. */
export const runJobKind = 'scheduler.run';

/** What the task's owner sees live on `user:<owner>` when an execution changes. */
export async function publishExecution(core: Core, tx: Db, task: TaskRow, execution: ExecutionRow) {
  await core.events.publish(tx, {
    topic: `user:${task.owner_id}`,
    type: 'scheduler.execution',
    data: { task_id: task.id, task_name: task.name, execution: executionJson(execution) },
  });
}

export function executionJson(execution: ExecutionRow) {
  const { job_id: _job, manual: _manual, created_at: _created, ...visible } = execution;
  return visible;
}

export function taskJson(task: TaskRow) {
  const { owner_id: _owner, signing_secret: _secret, ...visible } = task;
  return visible;
}

/**
 * Writes the execution of the occurrence due at `at` and the job that runs it; returns undefined
 * if that occurrence already has one (the unique (task, due time) makes scheduling idempotent).
 * The job comes first, so the execution is written once, with its job.
 */
export async function scheduleOccurrence(
  core: Core,
  tx: Db,
  task: TaskRow,
  at: Date,
  manual = false,
): Promise<ExecutionRow | undefined> {
  const id = uuidv7();
  const job = await enqueueJob(core, tx, task, id, at);
  const execution = await store.insertExecution(tx, {
    id,
    task_id: task.id,
    scheduled_for: at,
    manual,
    job_id: job.id,
  });
  if (!execution) await core.jobs.cancel(job.id, { tx });
  return execution;
}

/** Gives an existing execution a job due at `runAt` (on resume, on redrive). */
export async function enqueueRun(
  core: Core,
  tx: Db,
  task: TaskRow,
  execution: ExecutionRow,
  runAt: Date,
): Promise<ExecutionRow> {
  const job = await enqueueJob(core, tx, task, execution.id, runAt);
  return store.updateExecution(tx, execution.id, { job_id: job.id });
}

function enqueueJob(core: Core, tx: Db, task: TaskRow, executionId: string, runAt: Date) {
  const { retry, action } = task;
  return core.jobs.enqueue(
    {
      kind: runJobKind,
      payload: { executionId },
      runAt,
      maxAttempts: retry.max_attempts,
      backoff: {
        initialMs: retry.initial_delay_ms,
        factor: retry.factor,
        maxMs: retry.max_delay_ms,
        jitter: 0.1,
      },
      // The handler times its call itself; this only stops an attempt that hangs beyond it.
      timeoutMs: (action.type === 'webhook' ? action.timeout_ms : 10_000) + 30_000,
      uniqueKey: `${runJobKind}:${executionId}`,
    },
    { tx },
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
 * Schedules the task's next occurrence after `after` (or marks the task completed when its
 * schedule has none left), and records it as the task's `next_run_at`.
 */
export async function advanceTask(
  core: Core,
  tx: Db,
  task: TaskRow,
  after: Date,
): Promise<TaskRow> {
  const next = nextDue(task, after);
  if (next) await scheduleOccurrence(core, tx, task, next);
  return store.updateTask(
    tx,
    task.id,
    { next_run_at: next, state: next ? task.state : 'completed' },
    false,
  );
}

export async function createTask(
  core: Core,
  ownerId: string,
  input: TaskInput,
): Promise<TaskRow & { signing_secret: string }> {
  const now = new Date();
  const settings = await resolveSettings(input, undefined, {
    now,
    allowPrivateTargets: core.config.outboundAllowPrivate,
  });
  // The first occurrence at or after the start, and not in the past.
  const first = nextDue(settings, firstAfter(settings, now));
  return transaction(core.database.db, async (tx) => {
    const task = await store.insertTask(tx, {
      ...settings,
      id: uuidv7(),
      owner_id: ownerId,
      signing_secret: newWebhookSecret(),
      state: first ? 'active' : 'completed',
      next_run_at: first,
    });
    if (first) await scheduleOccurrence(core, tx, task, first);
    return task;
  });
}

/** Just before the first occurrence a task may have: its start, or now if that is later. */
function firstAfter(task: Pick<TaskRow, 'schedule'>, now: Date): Date {
  return new Date(Math.max(Date.parse(task.schedule.start), now.getTime()) - 1);
}

export async function requireTask(
  db: Db,
  ownerId: string | null,
  taskId: string,
  forUpdate = false,
): Promise<TaskRow> {
  const task = await store.findTask(db, ownerId, taskId, forUpdate);
  if (!task) throw new HttpProblem('not-found', `No task ${taskId}`);
  return task;
}

/**
 * Changes a task. A new schedule moves the pending occurrence atomically: it is cancelled and the
 * first occurrence of the new schedule from now is scheduled in its place.
 */
export async function updateTask(
  core: Core,
  ownerId: string | null,
  taskId: string,
  patch: TaskPatch,
  expected: ExpectedVersion | undefined,
): Promise<TaskRow> {
  const now = new Date();
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    if (expected && expected.version !== task.version)
      throw versionMismatch(expected, task.version);
    const { version: _version, ...input } = patch;
    const settings = await resolveSettings(input, task, {
      now,
      allowPrivateTargets: core.config.outboundAllowPrivate,
    });
    // A paused task keeps its held occurrence; resuming schedules from the new settings.
    const reschedule = input.schedule !== undefined && task.state !== 'paused';
    const updated = await store.updateTask(
      tx,
      task.id,
      reschedule ? { ...settings, state: 'active' } : settings,
    );
    if (!reschedule) return updated;
    await cancelPending(core, tx, updated);
    return advanceTask(core, tx, updated, firstAfter(updated, now));
  });
}

/** Cancels the task's waiting occurrences and their jobs. */
async function cancelPending(core: Core, tx: Db, task: TaskRow): Promise<void> {
  for (const execution of await store.pendingExecutions(tx, task.id)) {
    if (execution.job_id !== null) await core.jobs.cancel(execution.job_id, { tx });
    const cancelled = await store.updateExecution(tx, execution.id, {
      state: 'cancelled',
      finished_at: new Date(),
    });
    await publishExecution(core, tx, task, cancelled);
  }
}

export async function deleteTask(core: Core, ownerId: string | null, taskId: string) {
  await transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    await cancelPending(core, tx, task);
    await store.updateTask(tx, task.id, { state: 'deleted', next_run_at: null });
  });
}

/** Holds the task's occurrences: its pending one waits, without a job, until `resume`. */
export async function pauseTask(core: Core, ownerId: string, taskId: string): Promise<TaskRow> {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    if (task.state !== 'active') return task;
    for (const execution of await store.pendingExecutions(tx, task.id)) {
      if (execution.job_id !== null) await core.jobs.cancel(execution.job_id, { tx });
      await store.updateExecution(tx, execution.id, { job_id: null });
    }
    return store.updateTask(tx, task.id, { state: 'paused' });
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
    const resumed = await store.updateTask(tx, task.id, { state: 'active' });
    const held = await store.pendingExecutions(tx, task.id);
    for (const execution of held)
      await enqueueRun(core, tx, resumed, execution, execution.scheduled_for);
    return held.length === 0 ? advanceTask(core, tx, resumed, new Date()) : resumed;
  });
}

/** An extra execution due now, outside the schedule (the schedule goes on as before). */
export async function runTaskNow(core: Core, ownerId: string, taskId: string) {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    const execution = await scheduleOccurrence(core, tx, task, new Date(), true);
    if (!execution) throw new HttpProblem('conflict', 'An execution is already due this instant');
    await publishExecution(core, tx, task, execution);
    return execution;
  });
}

/** Runs dead executions again with fresh attempts: one (`executionId`) or all of the task's. */
export async function redriveExecutions(
  core: Core,
  ownerId: string,
  taskId: string,
  executionId?: string,
): Promise<number> {
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    const dead = (await store.deadExecutions(tx, task.id)).filter(
      (execution) => executionId === undefined || execution.id === executionId,
    );
    if (executionId !== undefined && dead.length === 0) {
      const execution = await store.findExecution(tx, executionId);
      if (!execution || execution.task_id !== task.id) {
        throw new HttpProblem('not-found', `No execution ${executionId} of task ${taskId}`);
      }
      throw new HttpProblem('conflict', `Execution ${executionId} is ${execution.state}, not dead`);
    }
    for (const execution of dead) {
      const retrying = await store.updateExecution(tx, execution.id, {
        state: 'retrying',
        finished_at: null,
      });
      await enqueueRun(core, tx, task, retrying, new Date());
      await publishExecution(core, tx, task, retrying);
    }
    return dead.length;
  });
}
