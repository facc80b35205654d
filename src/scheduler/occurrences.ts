import { uuidv7 } from 'uuidv7';
import type { Db } from '../platform/db/database.ts';
import type { Backoff } from '../platform/jobs/backoff.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { JobSpec } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import { nextOccurrence, occurrences } from './recurrence.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import * as taskStore from './store/tasks.ts';

// A task's occurrences: when they fall due, and the execution and `scheduler.run` job each one
// gets, written in the caller's transaction.

/** The job that runs one execution. */
export const runExecutionJob = defineJob<RunPayload>('scheduler.run');

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
export function runRetry(task: TaskRow): { maxAttempts: number; backoff: Backoff } {
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
