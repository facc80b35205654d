import { transaction } from '../platform/db/database.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { dueTimes, scheduleOccurrences } from './occurrences.ts';
import { maxBackfill } from './schemas.ts';
import { executionEvent, requireTask } from './service.ts';
import * as executionStore from './store/executions.ts';
import type { ExecutionRow } from './store/tables.ts';

// Backfill (docs/scheduler.md): the occurrences of a past range that never ran, run now.

/**
 * Runs now the occurrences of the task due in [`start`, `end`) (a past range) that have no
 * execution yet: each an execution outside the schedule (like run-now: it does not advance the
 * task, nor follow the catch-up or overlap policy), with its due time kept. At most
 * `maxBackfill` occurrences in the range, else a 422.
 */
export async function backfillTask(
  core: Core,
  ownerId: string,
  taskId: string,
  start: Date,
  end: Date,
): Promise<{ backfilled: number; existing: number }> {
  const now = core.clock.now();
  const errors: { field: string; message: string }[] = [];
  if (end.getTime() <= start.getTime())
    errors.push({ field: 'body/end', message: 'must be after start' });
  if (end.getTime() > now.getTime())
    errors.push({ field: 'body/end', message: 'must not be in the future' });
  if (errors.length > 0) throw backfillProblem(errors);
  return transaction(core.database.db, async (tx) => {
    const task = await requireTask(tx, ownerId, taskId, true);
    const due = dueTimes(task, new Date(start.getTime() - 1), maxBackfill + 1).filter(
      (at) => at.getTime() < end.getTime(),
    );
    if (due.length > maxBackfill) {
      throw backfillProblem([
        { field: 'body/end', message: `the range holds more than ${maxBackfill} occurrences` },
      ]);
    }
    const existing = await executionStore.executionTimesBetween(tx, task.id, start, end);
    const missing = due.filter((at) => !existing.has(at.getTime()));
    const executions = (
      await scheduleOccurrences(
        core,
        tx,
        missing.map((at) => ({ task, at, manual: true, runAt: now })),
      )
    ).filter((execution): execution is ExecutionRow => execution !== undefined);
    // Last: publishing holds the event log's commit-order lock until the commit (docs/events.md).
    await core.events.publishMany(
      tx,
      executions.map((execution) => executionEvent(task, execution)),
    );
    return { backfilled: executions.length, existing: due.length - missing.length };
  });
}

function backfillProblem(errors: { field: string; message: string }[]) {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new Problem('unprocessable', detail, { errors });
}
