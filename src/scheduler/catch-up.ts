import { uuidv7 } from 'uuidv7';
import type { Tx } from '../platform/db/database.ts';
import type { Core } from '../platform/module.ts';
import { tell } from './notifications.ts';
import {
  advanceTask,
  dueTimes,
  lastDueBetween,
  scheduleOccurrences,
  windowEnd,
} from './occurrences.ts';
import { publishExecution } from './service.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import * as taskStore from './store/tasks.ts';

// The catch-up policy (docs/scheduler.md, "Late and missed occurrences"): what becomes of a
// scheduled occurrence that starts late. Applied by the begin transaction of jobs.ts.

/** Missed occurrences written one by one at most; beyond, the notification gives the count. */
const maxMissedRecorded = 100;

/**
 * Whether an occurrence on its first run runs now. On time (within the task's tolerance): yes.
 * Late: the catch-up policy decides between running it (told as `late`), and marking it and
 * later past occurrences missed (told as `missed`): `all` runs every past occurrence, `latest`
 * only the last one due, `skip` none.
 */
export async function runsAtThisTime(
  core: Core,
  tx: Tx,
  task: TaskRow,
  execution: ExecutionRow,
  now: Date,
): Promise<boolean> {
  const lateMs = now.getTime() - windowEnd(task, execution.scheduled_for).getTime();
  if (lateMs <= task.tolerance_ms) return true;
  const since = execution.scheduled_for;
  // Under `latest`, the last occurrence already due runs; none does under `skip`.
  const latest = task.catch_up === 'latest' ? lastDueBetween(task, since, now) : null;
  if (task.catch_up === 'all' || (task.catch_up === 'latest' && latest === null)) {
    await tell(core, tx, task, 'late', lateText(lateMs, task), execution);
    return true;
  }
  await passOver(core, tx, task, execution, latest, now);
  return false;
}

/**
 * Marks the occurrence and those due after it until `latest` (or now, under `skip`) missed, tells
 * the owner, and schedules `latest` (under `skip`, the next occurrence after now).
 */
async function passOver(
  core: Core,
  tx: Tx,
  task: TaskRow,
  execution: ExecutionRow,
  latest: Date | null,
  now: Date,
) {
  const since = execution.scheduled_for;
  const passedOver = (latest ?? now).getTime();
  const past = dueTimes(task, since, maxMissedRecorded + 1).filter(
    (at) => at.getTime() < passedOver || (latest === null && at.getTime() === passedOver),
  );
  // Recorded without a job, pending for an instant (an occurrence that already has an execution
  // is left as it is), then missed with the one that came due.
  const recorded = await executionStore.insertExecutions(
    tx,
    past.slice(0, maxMissedRecorded).map((at) => ({
      id: uuidv7(),
      task_id: task.id,
      scheduled_for: at,
    })),
  );
  const missed = await executionStore.markMissed(
    tx,
    [execution, ...recorded].flatMap((row) => (row ? [row.id] : [])),
    core.clock.now(),
  );
  const byId = new Map(missed.map((row) => [row.id, row]));
  for (const row of [execution, ...recorded]) {
    // Under the task's lock each is pending: the one due was read so, the others just written.
    if (row) await publishExecution(core, tx, task, changed(byId.get(row.id), `miss ${row.id}`));
  }
  const more = past.length > maxMissedRecorded ? ' or more' : '';
  await tell(
    core,
    tx,
    task,
    'missed',
    `${1 + Math.min(past.length, maxMissedRecorded)}${more} occurrences missed while Meridian was not running them`,
    execution,
  );
  if (latest) {
    await scheduleOccurrences(core, tx, [{ task, at: latest }]);
    await taskStore.setNextRuns(tx, [{ id: task.id, next_run_at: latest }]);
  } else {
    await advanceTask(core, tx, task, now);
  }
}

function lateText(lateMs: number, task: TaskRow): string {
  const from = task.flexible_window_minutes > 0 ? 'the end of its flexible window' : 'its due time';
  return `started ${(lateMs / 1000).toFixed(1)} s after ${from}`;
}
