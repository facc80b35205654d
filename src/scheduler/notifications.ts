import type { Db, Tx } from '../platform/db/database.ts';
import type { ClaimedJob } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import type { Outcome } from './jobs.ts';
import type { TaskEvent } from './schemas.ts';
import type { ExecutionRow, TaskRow } from './store/tables.ts';

// Telling a task's owner (docs/scheduler.md, "Telling the owner"): the events of its executions,
// on the channels the task chose for each, and a reminder task's reminder.

/**
 * Sends a reminder task's reminder, and the owner's notifications of the attempt's outcome. An
 * attempt is numbered within its job's run, as its retry policy counts it ("attempt 3 of 3"):
 * a redrive starts again at 1; the execution's count of every attempt is added when it differs.
 */
export async function tellOutcome(
  core: Core,
  tx: Tx,
  task: TaskRow,
  execution: ExecutionRow,
  outcome: Outcome,
  job: ClaimedJob,
) {
  if (task.action.type === 'reminder') {
    await core.notify.send(tx, {
      userId: task.owner_id,
      event: 'scheduler.reminder',
      title: task.name,
      body: task.action.message,
      data: { task_id: task.id, execution_id: execution.id },
    });
  }
  const dead = execution.state === 'dead';
  const event: TaskEvent = outcome.succeeded ? 'succeeded' : dead ? 'dead' : 'failed';
  const inAll =
    execution.attempts > job.attempt
      ? ` (${execution.attempts} attempts in all since it was due)`
      : '';
  const detail = outcome.succeeded
    ? `ran ${describeOutcome(outcome)}`
    : `attempt ${job.attempt} of ${job.max_attempts} failed: ${outcome.error}${dead ? '; no attempts left' : ''}${inAll}`;
  await tell(core, tx, task, event, detail, execution);
}

function describeOutcome(outcome: Outcome): string {
  return outcome.httpStatus === null ? 'and sent its reminder' : `(HTTP ${outcome.httpStatus})`;
}

/** Notifies the owner of `event` on the channels the task chose for it (none: nothing). */
export async function tell(
  core: Core,
  tx: Db,
  task: TaskRow,
  event: TaskEvent,
  detail: string,
  execution: ExecutionRow,
): Promise<void> {
  const channels = task.notify[event] ?? [];
  if (channels.length === 0) return;
  await core.notify.send(tx, {
    userId: task.owner_id,
    event: `scheduler.${event}`,
    title: `${task.name}: ${event}`,
    body: `The occurrence due ${execution.scheduled_for.toISOString()} ${detail}.`,
    data: { task_id: task.id, execution_id: execution.id, scheduled_for: execution.scheduled_for },
    channels,
  });
}
