import { type Db, transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { advanceTask, enqueueRun } from './occurrences.ts';
import { requireTask } from './service.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import * as taskStore from './store/tasks.ts';

// Pause and resume: a pause holds the task's scheduled occurrences (their jobs cancelled) until
// a resume, or until a date by a `scheduler.resume` job; what already runs goes on.

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
