import type { Tx } from '../platform/db/database.ts';
import type { Core } from '../platform/module.ts';
import { publishExecution } from './service.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import * as taskStore from './store/tasks.ts';

// The overlap policy (docs/scheduler.md): what becomes of a scheduled occurrence that comes due
// while the task's previous execution is under way. Applied by the begin transaction of jobs.ts;
// a buffered occurrence is released by the finish transaction of the execution under way.

/**
 * How long a buffered occurrence's job sleeps before looking again: it is woken at once when the
 * execution under way ends; this only bounds the delay if that wake-up came too early to see it.
 */
export const bufferedRecheckMs = 60_000;
/**
 * Applies the task's overlap policy to a scheduled occurrence about to start for the first time,
 * or buffered (`starting`: the tasks with an execution starting in this batch): false when it
 * starts, else whether it was buffered (its job sleeps) or skipped.
 */
export async function heldByOverlap(
  core: Core,
  tx: Tx,
  task: TaskRow,
  execution: ExecutionRow,
  starting: Set<string>,
): Promise<'buffered' | 'skipped' | false> {
  if (task.overlap === 'allow_all' || execution.state !== 'pending' || execution.manual) {
    return false;
  }
  if (!starting.has(task.id) && !(await executionStore.hasExecutionUnderWay(tx, task.id))) {
    return false;
  }
  // The execution was read pending under its lock (jobs.ts, `beginRuns`): it may leave pending.
  if (task.overlap === 'buffer_one') {
    const buffered = await executionStore.bufferedExecution(tx, task.id);
    if (!buffered || buffered.id === execution.id) {
      if (!execution.buffered) {
        changed(await executionStore.bufferExecution(tx, execution.id), `buffer ${execution.id}`);
      }
      return 'buffered';
    }
  }
  const skipped = changed(
    await executionStore.skipExecution(
      tx,
      execution.id,
      'the previous execution was still running',
      core.clock.now(),
    ),
    `skip ${execution.id}`,
  );
  await publishExecution(core, tx, task, skipped);
  return 'skipped';
}

/**
 * Once an execution under way of these tasks has ended, runs the occurrence each `buffer_one`
 * task held: its job, snoozing, is due now. Each task's lock (taken in id order, as other writers
 * take them) orders this after a begin that buffered one, so the release sees it.
 */
export async function releaseBuffered(core: Core, tx: Tx, tasks: TaskRow[]): Promise<void> {
  const buffering = [
    ...new Map(
      tasks.filter((task) => task.overlap === 'buffer_one').map((task) => [task.id, task]),
    ).values(),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const task of buffering) {
    const current = await taskStore.findTask(tx, null, task.id, true);
    if (current?.state !== 'active') continue;
    const buffered = await executionStore.bufferedExecution(tx, task.id);
    if (buffered?.job_id) await core.jobs.reschedule(buffered.job_id, core.clock.now(), { tx });
  }
}
