import { commitWithoutFlushWait, type Tx, transaction } from '../platform/db/database.ts';
import { groupCommit } from '../platform/db/group-commit.ts';
import type { JobRegistration } from '../platform/jobs/define.ts';
import { type ClaimedJob, Snooze } from '../platform/jobs/spec.ts';
import type { Core } from '../platform/module.ts';
import type { Outbound } from '../platform/outbound/client.ts';
import { runsAtThisTime } from './catch-up.ts';
import { tell, tellOutcome } from './notifications.ts';
import { advanceTasks, type RunPayload, runExecutionJob } from './occurrences.ts';
import { bufferedRecheckMs, heldByOverlap, releaseBuffered } from './overlap.ts';
import { resumePausedUntil, resumeTaskJob } from './pause.ts';
import { executionEvent, publishExecution } from './service.ts';
import { signingSecrets } from './signing.ts';
import * as executionStore from './store/executions.ts';
import { changed, type ExecutionRow, type TaskRow } from './store/tables.ts';
import * as taskStore from './store/tasks.ts';

// One execution's life, run by its `scheduler.run` job (docs/scheduler.md):
//   1. begin (one transaction, shared with the executions beginning alongside): on the first run
//      of a scheduled occurrence, apply the catch-up policy and schedule the next occurrence;
//      then mark it running and record the attempt;
//   2. act: call the webhook (Idempotency-Key = the execution id) or send the reminder;
//   3. finish (one transaction, likewise shared): succeeded, retrying or dead, and tell the owner.
// A crash between 1 and 3 leaves the job to be retried after its lease: the next attempt begins
// again at 1, and the target de-duplicates by the execution id.

const finalStates = new Set(['succeeded', 'dead', 'missed', 'cancelled', 'skipped']);

/** How an attempt's action ended. */
export interface Outcome {
  succeeded: boolean;
  httpStatus: number | null;
  excerpt: string | null;
  error: string | null;
}

export function schedulerJobs(core: Core, outbound: Outbound): JobRegistration[] {
  // A job that dies without its handler finishing (its worker lost on the last attempt) is
  // reported here, in the process whose rescuer made it dead.
  core.jobs.onTransition((transition) => {
    if (transition.to === 'dead' && runExecutionJob.is(transition.job)) {
      void markLost(core, transition.job.payload, transition.error).catch((error) =>
        core.log.error({ err: error }, 'could not record a lost execution'),
      );
    }
  });
  // The executions that start (or end) together share a transaction: under load, one
  // transaction begins dozens, which is what lets 50,000 occurrences in a minute run on time.
  const { db } = core.database;
  const begin = groupCommit(db, (tx, jobs: RunJob[]) => beginRuns(core, tx, jobs));
  const finish = groupCommit(db, (tx, runs: FinishedRun[]) => finishRuns(core, tx, runs));

  return [
    runExecutionJob.handle(async (job, { signal }) => {
      const begun = await begin(job);
      // Held by the overlap policy: its job waits, woken when the execution under way ends.
      if (begun === 'buffered') throw new Snooze(bufferedRecheckMs);
      if (!begun) return;
      const secrets = signingSecrets(begun.task, core.clock.now());
      const outcome = await act(outbound, begun.task, begun.execution, signal, secrets);
      await finish({ ...begun, job, outcome });
      if (!outcome.succeeded) throw new Error(outcome.error ?? 'failed');
    }),
    resumeTaskJob.handle((job) => resumePausedUntil(core, job.payload)),
  ];
}

/** A `scheduler.run` job. */
type RunJob = ClaimedJob<RunPayload>;

interface Run {
  task: TaskRow;
  execution: ExecutionRow;
}

interface FinishedRun extends Run {
  job: RunJob;
  outcome: Outcome;
}

/**
 * Begins the executions of `jobs`, in job order: undefined for one that does not run (finished,
 * its task deleted or paused, or passed over by the catch-up or overlap policy), `buffered` for
 * one held by the overlap policy; else its task and the execution, now running.
 */
async function beginRuns(
  core: Core,
  tx: Tx,
  jobs: RunJob[],
): Promise<(Run | 'buffered' | undefined)[]> {
  // Lost in a crash, this is redone with the attempt: the job is not complete until later.
  await commitWithoutFlushWait(tx);
  const ids = jobs.map((job) => job.payload.executionId);
  const jobIds = new Map(jobs.map((job, index) => [ids[index], job.id]));
  const { executions, tasks } = await executionStore.lockExecutionsWithTasks(tx, ids);
  const now = core.clock.now();
  const starting: Run[] = [];
  const advances: { task: TaskRow; after: Date }[] = [];
  const startingTasks = new Set<string>();
  const buffered = new Set<string>();
  for (const execution of executions) {
    const task = tasks.get(execution.task_id) as TaskRow;
    // A dead execution's own job redriven from the dead-letter queue (`/v1/admin/jobs/redrive`)
    // runs it again, as a redrive of the task would.
    const redriven = execution.state === 'dead' && execution.job_id === jobIds.get(execution.id);
    if (finalStates.has(execution.state) && !redriven) continue;
    // Paused after this job was claimed: the occurrence waits for `resume`. A manual run was
    // asked for explicitly, paused or not: it runs; so does an execution already under way
    // (retrying), which resume would not give a job again.
    if (task.state === 'paused' && execution.state === 'pending' && !execution.manual) {
      changed(await executionStore.holdExecution(tx, execution.id), `hold ${execution.id}`);
      continue;
    }
    // The first run of a scheduled occurrence: the next one is scheduled as it starts.
    if (execution.state === 'pending' && !execution.manual && !execution.buffered) {
      if (!(await runsAtThisTime(core, tx, task, execution, now))) continue;
      advances.push({ task, after: execution.scheduled_for });
    }
    const overlap = await heldByOverlap(core, tx, task, execution, startingTasks);
    if (overlap === 'buffered') buffered.add(execution.id);
    if (overlap) continue;
    startingTasks.add(task.id);
    starting.push({ task, execution });
  }
  await advanceTasks(core, tx, advances);
  // Each was read under its lock just now, in a state it may start from.
  const running = await executionStore.startExecutions(
    tx,
    starting.map(({ execution }) => execution.id),
    now,
  );
  const runs = new Map(
    starting.map(({ task, execution: before }, index) => {
      const execution = changed(running[index], `start execution ${before.id}`);
      return [execution.id, { task, execution }];
    }),
  );
  // Last: publishing holds the event log's commit-order lock until the commit (docs/events.md).
  await core.events.publishMany(
    tx,
    [...runs.values()].map(({ task, execution }) => executionEvent(task, execution)),
  );
  return ids.map((id) => runs.get(id) ?? (buffered.has(id) ? 'buffered' : undefined));
}

async function act(
  outbound: Outbound,
  task: TaskRow,
  execution: ExecutionRow,
  signal: AbortSignal,
  secrets: string[],
): Promise<Outcome> {
  const { action } = task;
  // A reminder is sent by `finish`, in the transaction that records the execution succeeded.
  if (action.type === 'reminder') {
    return { succeeded: true, httpStatus: null, excerpt: null, error: null };
  }
  try {
    const body = action.method === 'GET' ? undefined : webhookBody(action.body, execution);
    const response = await outbound.send(action.url, {
      method: action.method,
      headers: { ...action.headers, ...executionHeaders(execution) },
      body,
      signed: { id: execution.id, secret: secrets },
      signal,
      timeoutMs: action.timeout_ms,
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

/**
 * The headers that tell the target which run this is: the execution (also the Idempotency-Key),
 * the attempt, and the due time of the occurrence (not when the call happens to be made).
 */
function executionHeaders(execution: ExecutionRow): Record<string, string> {
  return {
    'idempotency-key': execution.id,
    'meridian-execution-id': execution.id,
    'meridian-attempt': String(execution.attempts),
    'meridian-scheduled-time': execution.scheduled_for.toISOString(),
  };
}

/**
 * The task's JSON body with `{{scheduled_time}}`, `{{execution_id}}` and `{{attempt}}` replaced
 * in its strings. Replaced in the JSON text: none of the values needs escaping in a string.
 */
function webhookBody(body: unknown, execution: ExecutionRow): string {
  return JSON.stringify(body)
    .replaceAll('{{scheduled_time}}', execution.scheduled_for.toISOString())
    .replaceAll('{{execution_id}}', execution.id)
    .replaceAll('{{attempt}}', String(execution.attempts));
}

/** Records how the attempts of `runs` ended and tells the owners; returns the executions. */
async function finishRuns(
  core: Core,
  tx: Tx,
  runs: FinishedRun[],
): Promise<(ExecutionRow | undefined)[]> {
  // Made durable by the jobs' completion, which follows; lost before it, the attempts rerun.
  await commitWithoutFlushWait(tx);
  const finished = await executionStore.recordAttemptOutcomes(
    tx,
    core.clock.now(),
    runs.map(({ job, execution, outcome }) => ({
      execution_id: execution.id,
      attempt: execution.attempts,
      state: outcome.succeeded
        ? 'succeeded'
        : job.attempt >= job.max_attempts
          ? 'dead'
          : 'retrying',
      http_status: outcome.httpStatus,
      response_excerpt: outcome.excerpt,
      error: outcome.error,
    })),
  );
  // An execution can vanish meanwhile (its owner's account deleted), or no longer be running (made
  // dead by the rescuer, its worker thought lost): nothing to tell then.
  const told = runs.flatMap(({ task, outcome, job }, index) => {
    const execution = finished[index];
    return execution ? [{ task, outcome, execution, job }] : [];
  });
  for (const { task, execution, outcome, job } of told) {
    await tellOutcome(core, tx, task, execution, outcome, job);
  }
  const ended = told.filter(({ execution }) => execution.state !== 'retrying');
  await releaseBuffered(
    core,
    tx,
    ended.map(({ task }) => task),
  );
  // Last: publishing holds the event log's commit-order lock until the commit (docs/events.md).
  await core.events.publishMany(
    tx,
    told.map(({ task, execution }) => executionEvent(task, execution)),
  );
  return finished;
}

/** A job made dead by the rescuer (its worker died on the last attempt): the execution too. */
async function markLost(core: Core, { executionId }: RunPayload, lostBy?: string): Promise<void> {
  await transaction(core.database.db, async (tx) => {
    const execution = await executionStore.findExecution(tx, executionId, true);
    if (!execution || finalStates.has(execution.state)) return;
    const task = await taskStore.findTask(tx, null, execution.task_id);
    if (!task) return;
    const error = lostBy ?? 'the worker running it was lost';
    // The execution and its last attempt, which ended with its worker.
    const dead = changed(
      await executionStore.markExecutionLost(tx, execution.id, error, core.clock.now()),
      `mark execution ${execution.id} lost`,
    );
    await publishExecution(core, tx, task, dead);
    await tell(core, tx, task, 'dead', `no attempts left: ${error}`, dead);
    await releaseBuffered(core, tx, [task]);
  });
}
