import { uuidv7 } from 'uuidv7';
import { commitWithoutFlushWait, type Db, transaction } from '../platform/db/database.ts';
import type { Outbound } from '../platform/http/outbound.ts';
import type { Job, JobHandler, JobTransition } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import type { TaskEvent } from './schemas.ts';
import {
  advanceTask,
  dueTimes,
  lastDueBetween,
  publishExecution,
  runJobKind,
  scheduleOccurrence,
} from './service.ts';
import type { ExecutionRow, TaskRow } from './store.ts';
import * as store from './store.ts';

// One execution's life, run by its `scheduler.run` job (docs/scheduler.md):
//   1. begin (one transaction): on the first run of a scheduled occurrence, apply the catch-up
//      policy and schedule the next occurrence; then mark it running and record the attempt;
//   2. act: call the webhook (Idempotency-Key = the execution id) or send the reminder;
//   3. finish (one transaction): succeeded, retrying or dead, and tell the owner.
// A crash between 1 and 3 leaves the job to be retried after its lease: the next attempt begins
// again at 1, and the target de-duplicates by the execution id.

/** Missed occurrences written one by one at most; beyond, the notification gives the count. */
const maxMissedRecorded = 100;
const finalStates = new Set(['succeeded', 'dead', 'missed', 'cancelled']);

interface Outcome {
  succeeded: boolean;
  httpStatus: number | null;
  excerpt: string | null;
  error: string | null;
}

export function schedulerJobs(core: Core, outbound: Outbound): Record<string, JobHandler> {
  // A job that dies without its handler finishing (its worker lost on the last attempt) is
  // reported here, in the process whose rescuer made it dead.
  core.jobs.onTransition((transition) => {
    if (transition.to === 'dead' && transition.job.kind === runJobKind) {
      void markLost(core, transition).catch((error) =>
        core.log.error({ err: error }, 'could not record a lost execution'),
      );
    }
  });

  return {
    async [runJobKind](job, { signal }) {
      const begun = await begin(core, job);
      if (!begun) return;
      const { task, execution } = begun;
      const outcome = await act(outbound, task, execution, signal);
      await finish(core, job, task, execution, outcome);
      if (!outcome.succeeded) throw new Error(outcome.error ?? 'failed');
    },
  };
}

async function begin(core: Core, job: Job) {
  const { executionId } = job.payload as { executionId: string };
  return transaction(core.database.db, async (tx) => {
    // Lost in a crash, this is redone with the attempt: the job is not complete until later.
    await commitWithoutFlushWait(tx);
    const execution = await store.findExecution(tx, executionId, true);
    if (!execution || finalStates.has(execution.state)) return undefined;
    const task = await store.findTask(tx, null, execution.task_id, true);
    if (!task) return undefined;
    // Paused after this job was claimed: the occurrence waits for `resume`.
    if (task.state === 'paused') {
      await store.updateExecution(tx, execution.id, { job_id: null });
      return undefined;
    }
    const now = new Date();
    if (execution.state === 'pending' && !execution.manual) {
      const runs = await catchUp(core, tx, task, execution, now);
      if (!runs) return undefined;
    }
    const attempt = execution.attempts + 1;
    const running = await store.updateExecution(tx, execution.id, {
      state: 'running',
      attempts: attempt,
      started_at: execution.started_at ?? now,
    });
    await store.startAttempt(tx, execution.id, attempt, now);
    await publishExecution(core, tx, task, running);
    return { task, execution: running };
  });
}

/**
 * The first run of a scheduled occurrence. On time (within the task's tolerance): it runs, and
 * the next occurrence is scheduled. Late: the catch-up policy decides between running it (told
 * as `late`), and marking it and later past occurrences missed (told as `missed`):
 * `all` runs every past occurrence, `latest` only the last one due, `skip` none.
 * Returns whether this execution runs.
 */
async function catchUp(
  core: Core,
  tx: Db,
  task: TaskRow,
  execution: ExecutionRow,
  now: Date,
): Promise<boolean> {
  const lateMs = now.getTime() - execution.scheduled_for.getTime();
  const since = execution.scheduled_for;
  if (lateMs <= task.tolerance_ms || task.catch_up === 'all') {
    if (lateMs > task.tolerance_ms) await tell(core, tx, task, 'late', lateText(lateMs), execution);
    await advanceTask(core, tx, task, since);
    return true;
  }
  // Under `latest`, the last occurrence already due runs; none does under `skip`.
  const latest = task.catch_up === 'latest' ? lastDueBetween(task, since, now) : null;
  if (task.catch_up === 'latest' && latest === null) {
    await tell(core, tx, task, 'late', lateText(lateMs), execution);
    await advanceTask(core, tx, task, since);
    return true;
  }
  const passedOver = (latest ?? now).getTime();
  const past = dueTimes(task, since, maxMissedRecorded + 1).filter(
    (at) => at.getTime() < passedOver || (latest === null && at.getTime() === passedOver),
  );
  await markMissed(core, tx, task, execution);
  for (const at of past.slice(0, maxMissedRecorded)) {
    const missed = await store.insertExecution(tx, {
      id: uuidv7(),
      task_id: task.id,
      scheduled_for: at,
    });
    if (missed) await markMissed(core, tx, task, missed);
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
    await scheduleOccurrence(core, tx, task, latest);
    await store.updateTask(tx, task.id, { next_run_at: latest }, false);
  } else {
    await advanceTask(core, tx, task, now);
  }
  return false;
}

async function markMissed(core: Core, tx: Db, task: TaskRow, execution: ExecutionRow) {
  const missed = await store.updateExecution(tx, execution.id, {
    state: 'missed',
    finished_at: new Date(),
  });
  await publishExecution(core, tx, task, missed);
}

function lateText(lateMs: number): string {
  return `started ${(lateMs / 1000).toFixed(1)} s after its due time`;
}

async function act(
  outbound: Outbound,
  task: TaskRow,
  execution: ExecutionRow,
  signal: AbortSignal,
): Promise<Outcome> {
  const { action } = task;
  // A reminder is sent by `finish`, in the transaction that records the execution succeeded.
  if (action.type === 'reminder') {
    return { succeeded: true, httpStatus: null, excerpt: null, error: null };
  }
  try {
    const body = action.method === 'GET' ? undefined : JSON.stringify(action.body);
    const response = await outbound.send(action.url, {
      method: action.method,
      headers: { ...action.headers, 'idempotency-key': execution.id },
      body,
      signed: { id: execution.id, secret: task.signing_secret },
      signal: AbortSignal.any([signal, AbortSignal.timeout(action.timeout_ms)]),
    });
    const succeeded = response.status >= 200 && response.status < 300;
    return {
      succeeded,
      httpStatus: response.status,
      excerpt: response.excerpt,
      error: succeeded ? null : `the target answered ${response.status}`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { succeeded: false, httpStatus: null, excerpt: null, error: message };
  }
}

async function finish(
  core: Core,
  job: Job,
  task: TaskRow,
  execution: ExecutionRow,
  outcome: Outcome,
): Promise<void> {
  await transaction(core.database.db, async (tx) => {
    // Made durable by the job's completion, which follows; lost before it, the attempt reruns.
    await commitWithoutFlushWait(tx);
    await store.finishAttempt(tx, execution.id, execution.attempts, {
      succeeded: outcome.succeeded,
      http_status: outcome.httpStatus,
      excerpt: outcome.excerpt,
      error: outcome.error,
    });
    const dead = !outcome.succeeded && job.attempt >= job.max_attempts;
    const state = outcome.succeeded ? 'succeeded' : dead ? 'dead' : 'retrying';
    const finished = await store.updateExecution(tx, execution.id, {
      state,
      http_status: outcome.httpStatus,
      last_error: outcome.error,
      finished_at: state === 'retrying' ? null : new Date(),
    });
    if (task.action.type === 'reminder') {
      await core.notify.send(tx, {
        userId: task.owner_id,
        event: 'scheduler.reminder',
        title: task.name,
        body: task.action.message,
        data: { task_id: task.id, execution_id: execution.id },
      });
    }
    const event: TaskEvent = outcome.succeeded ? 'succeeded' : dead ? 'dead' : 'failed';
    const detail = outcome.succeeded
      ? `ran ${describeOutcome(outcome)}`
      : `attempt ${execution.attempts} failed: ${outcome.error}${dead ? '; no attempts left' : ''}`;
    await tell(core, tx, task, event, detail, finished);
    // Last: publishing holds the event log's commit-order lock until the commit (docs/events.md).
    await publishExecution(core, tx, task, finished);
  });
}

function describeOutcome(outcome: Outcome): string {
  return outcome.httpStatus === null ? 'and sent its reminder' : `(HTTP ${outcome.httpStatus})`;
}

/** A job made dead by the rescuer (its worker died on the last attempt): the execution too. */
async function markLost(core: Core, transition: JobTransition): Promise<void> {
  const { executionId } = transition.job.payload as { executionId: string };
  await transaction(core.database.db, async (tx) => {
    const execution = await store.findExecution(tx, executionId, true);
    if (!execution || finalStates.has(execution.state)) return;
    const task = await store.findTask(tx, null, execution.task_id);
    if (!task) return;
    const error = transition.error ?? 'the worker running it was lost';
    const dead = await store.updateExecution(tx, execution.id, {
      state: 'dead',
      last_error: error,
      finished_at: new Date(),
    });
    await publishExecution(core, tx, task, dead);
    await tell(core, tx, task, 'dead', `no attempts left: ${error}`, dead);
  });
}

/** Notifies the owner of `event` on the channels the task chose for it (none: nothing). */
async function tell(
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
