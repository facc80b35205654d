import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { defineService, type Service } from '../service.ts';
import { retryDelayMs } from './backoff.ts';
import { createCompletionBatcher } from './completer.ts';
import type { JobMetrics } from './metrics.ts';
import { CancelJob, type ClaimedJob, type JobHandler, type JobTransition, Snooze } from './spec.ts';
import * as store from './store.ts';

export interface WorkerOptions {
  db: Db;
  /** This process's instance id: claimed jobs carry it. */
  workerId: string;
  handlers: Record<string, JobHandler>;
  /** Queue name → how many of its jobs run at once in this process. */
  queues: Record<string, number>;
  leaseMs: number;
  /** At stop, running jobs get this long to finish before they are released to other workers. */
  drainMs: number;
  /** Due times (claims, sleeps, retries, snoozes) follow it; a travel wakes every queue loop. */
  clock: Clock;
  log: Logger;
  metrics: JobMetrics;
  emit(transition: JobTransition): void;
  /**
   * Whether anyone hears transitions: the two of every job (`running`, `completed`) are built
   * only then, as they cost the hot path an object and a call each.
   */
  listened(): boolean;
}

/**
 * Stopped, it stops claiming, waits up to `drainMs` for running jobs and releases the rest to
 * other workers; it is not started again.
 */
export interface Worker extends Service {
  /** A job of `queue` became available (a notification): wake its loop if it sleeps. */
  wake(queue?: string): void;
}

interface Running {
  job: ClaimedJob;
  abort: AbortController;
  done: Promise<void>;
}

/** After a failed claim (database away), wait this long before the next try. */
const retryAfterErrorMs = 1_000;
const maxClaimBatch = 500;
/** Jobs claimed ahead of free slots: about as many as the loop finishes in this long. */
const claimAheadWindowMs = 100;
/**
 * The longest a loop sleeps before it looks at its queue again. Jobs due further ahead than the
 * notification horizon of the jobs table (30 s, migration 001) wake no one when enqueued, so a
 * loop must look again within that time; this cheap look also bounds a lost notification.
 */
const maxSleepMs = 25_000;

/**
 * Runs jobs: one loop per queue claims due jobs up to the queue's concurrency, sleeps until the
 * next known due time or a notification, and hands each job to its handler. Completions are
 * written in batches by the completer (`completer.ts`: one statement for all that finished
 * meanwhile); failures one by one. A heartbeat renews the leases of running jobs and aborts those
 * that were cancelled or rescued.
 *
 * Due times are read on `options.clock` (claims, the sleep until the next due job, retry and
 * snooze delays); leases, deadlines and timeouts on real time. The clock runs at real speed, so a
 * sleep of `dueIn` clock milliseconds is a timer of as many real ones; a travel wakes the loops.
 */
export function createWorker(options: WorkerOptions): Worker {
  const { db, workerId, log, metrics, leaseMs, clock, emit, listened } = options;
  const running = new Map<number, Running>();
  const completions = createCompletionBatcher(db, workerId, log, (job) => {
    if (listened()) emit({ job, to: 'completed' });
  });
  const loops = Object.entries(options.queues).map(([queue, concurrency]) =>
    createQueueLoop(queue, concurrency),
  );
  let stopping = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let stopHearingTravel = () => {};

  function createQueueLoop(queue: string, concurrency: number) {
    let wakeUp: (() => void) | undefined;
    // A wake while the loop is busy querying (a notification, a finished job, stop) must not be
    // lost: the query may have read the queue before the change. The next sleep returns at once.
    let wokenWhileBusy = false;
    let timer: NodeJS.Timeout | undefined;
    let done: Promise<void> = Promise.resolve();
    let active = 0;
    /** Claimed ahead, waiting for a slot: their leases are renewed like those of running jobs. */
    const ready: ClaimedJob[] = [];
    const claimAhead = createClaimAhead();

    function wake(): void {
      if (wakeUp) wakeUp();
      else wokenWhileBusy = true;
    }

    /** Sleeps until woken, or until `until` (null: no known due job), at most `maxSleepMs`. */
    function sleep(until: Date | null): Promise<void> {
      if (wokenWhileBusy || stopping) {
        wokenWhileBusy = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        wakeUp = resolve;
        const dueIn = until ? Math.max(0, until.getTime() - clock.now().getTime()) : maxSleepMs;
        timer = setTimeout(resolve, Math.min(maxSleepMs, dueIn));
      }).finally(() => {
        clearTimeout(timer);
        wakeUp = undefined;
      });
    }

    /**
     * Claim when a slot would idle, or when the jobs claimed ahead run low: refilling in batches,
     * not one claim per finished job.
     */
    function wantsClaim(): boolean {
      const ahead = claimAhead.target();
      return (
        (active < concurrency && ready.length === 0) || (ahead > 0 && ready.length <= ahead / 2)
      );
    }

    async function loop(): Promise<void> {
      while (!stopping) {
        if (!wantsClaim()) {
          await sleep(null); // a finishing job wakes it when it should claim
          continue;
        }
        const ahead = claimAhead.target();
        const wanted = Math.min(maxClaimBatch, concurrency - active + ahead - ready.length);
        wokenWhileBusy = false; // the claim sees every change committed before it starts
        try {
          const claimed = await store.claimJobs(db, queue, workerId, wanted, leaseMs, clock.now());
          ready.push(...claimed);
          startReady();
          if (claimed.length === wanted) {
            // Let jobs that finish in this turn free their slots, so the next claim is a batch.
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          if (stopping) break;
          await sleep(active < concurrency ? await store.nextRunAt(db, queue) : null);
        } catch (error) {
          log.warn({ err: error, queue }, 'claiming jobs failed; retrying');
          await sleep(new Date(clock.now().getTime() + retryAfterErrorMs));
        }
      }
    }

    function startReady(): void {
      while (active < concurrency && ready.length > 0 && !stopping) {
        run(ready.shift() as ClaimedJob);
      }
    }

    function run(job: ClaimedJob): void {
      active++;
      const abort = new AbortController();
      const entry: Running = { job, abort, done: Promise.resolve() };
      running.set(job.id, entry);
      entry.done = execute(job, abort).finally(() => {
        running.delete(job.id);
        active--;
        claimAhead.finished();
        startReady();
        // Waking the loop after every finished job, when it would not claim, cost a turn of the
        // loop and a timer per job. What `wantsClaim` reads changes as jobs finish (a renewal that
        // drops jobs from `ready` leaves every slot busy, so a finish follows).
        if (wantsClaim()) wake();
      });
    }

    return {
      queue,
      start() {
        done = loop();
      },
      wake,
      stopped: () => done,
      ready,
    };
  }

  async function execute(job: ClaimedJob, abort: AbortController): Promise<void> {
    const ref = store.refOf(job);
    metrics.started(job);
    if (listened()) emit({ job, to: 'running' });
    const started = performance.now();
    try {
      // Deadlines are real time, like the leases: not the platform clock.
      if (job.deadline && job.deadline.getTime() < Date.now()) {
        throw new DeadlineError();
      }
      const handler = options.handlers[job.kind];
      if (!handler) throw new Error(`no handler for job kind "${job.kind}" in this process`);
      await withTimeout(handler(job, { signal: abort.signal }), job, abort);
      metrics.finished(job, 'completed', performance.now() - started);
      completions.add(job);
    } catch (error) {
      if (abort.signal.aborted && abort.signal.reason instanceof LostJob) return;
      metrics.finished(job, 'failed', performance.now() - started);
      await recordFailure(job, ref, error);
    }
  }

  async function recordFailure(
    job: ClaimedJob,
    ref: store.AttemptRef,
    error: unknown,
  ): Promise<void> {
    try {
      if (error instanceof Snooze) {
        await store.releaseJobs(db, workerId, [ref], { now: clock.now(), delayMs: error.delayMs });
        emit({ job, to: 'snoozed' });
      } else if (error instanceof CancelJob) {
        await store.cancelRunningJob(db, workerId, ref);
        emit({ job, to: 'cancelled', error: error.message });
      } else {
        const message = error instanceof Error ? error.message : String(error);
        const delay = retryDelayMs(job.attempt, {
          initialMs: job.backoff_initial_ms,
          factor: job.backoff_factor,
          maxMs: job.backoff_max_ms,
          jitter: job.backoff_jitter,
        });
        const state = await store.failJob(
          db,
          workerId,
          ref,
          message,
          delay,
          error instanceof DeadlineError,
          clock.now(),
        );
        if (state === 'dead') metrics.dead(job);
        if (state) emit({ job, to: state === 'dead' ? 'dead' : 'retrying', error: message });
        log.warn(
          { jobId: job.id, kind: job.kind, attempt: job.attempt, state, err: error },
          'job failed',
        );
      }
    } catch (writeError) {
      // The lease runs out and the rescuer takes the job back to the retry path.
      log.error({ err: writeError, jobId: job.id }, 'could not record a job failure');
    }
  }

  async function renewLeases(): Promise<void> {
    const held = [...running.values()].map(({ job }) => store.refOf(job));
    const waiting = loops.flatMap((loop) => loop.ready.map(store.refOf));
    const refs = [...held, ...waiting, ...completions.pending()];
    if (refs.length === 0) return;
    try {
      const renewed = new Set(await store.extendLeases(db, workerId, refs, leaseMs));
      for (const { id } of held) {
        if (!renewed.has(id)) running.get(id)?.abort.abort(new LostJob());
      }
      // Drop only jobs this renewal asked for: one claimed while it ran was not in the list.
      const asked = new Set(waiting.map(({ id }) => id));
      for (const loop of loops) {
        const kept = loop.ready.filter((job) => !asked.has(job.id) || renewed.has(job.id));
        loop.ready.splice(0, loop.ready.length, ...kept);
      }
    } catch (error) {
      log.warn({ err: error }, 'renewing job leases failed');
    }
  }

  /** Jobs claimed ahead never started: back to the queue at once, their attempt given back. */
  async function releaseClaimedAhead(): Promise<void> {
    const jobs = loops.flatMap((loop) => loop.ready.splice(0));
    if (jobs.length === 0) return;
    await store.releaseJobs(db, workerId, jobs.map(store.refOf)).catch((error) => {
      log.warn({ err: error }, 'could not release jobs claimed ahead; their leases will expire');
    });
  }

  const service = defineService('jobs.worker', {
    start() {
      stopHearingTravel = clock.onTravel(() => {
        for (const loop of loops) loop.wake();
      });
      for (const loop of loops) loop.start();
      heartbeat = setInterval(renewLeases, Math.max(100, Math.floor(leaseMs / 3)));
    },
    async stop() {
      stopping = true;
      stopHearingTravel();
      for (const loop of loops) loop.wake();
      await Promise.all(loops.map((loop) => loop.stopped()));
      await releaseClaimedAhead();
      const finished = Promise.all([...running.values()].map((entry) => entry.done));
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        finished,
        new Promise((resolve) => (grace = setTimeout(resolve, options.drainMs))),
      ]);
      clearTimeout(grace);
      const left = [...running.values()];
      for (const entry of left) entry.abort.abort(new LostJob('shutting down'));
      if (left.length > 0) {
        const refs = left.map(({ job }) => store.refOf(job));
        await store
          .releaseJobs(db, workerId, refs)
          .then(() => {
            for (const { job } of left) emit({ job, to: 'released' });
          })
          .catch((error) => {
            log.warn({ err: error }, 'could not release running jobs; their leases will expire');
          });
        log.info({ released: refs.length }, 'released running jobs to other workers');
      }
      clearInterval(heartbeat);
      await completions.drain();
    },
  });
  return {
    ...service,
    wake(queue) {
      for (const loop of loops) if (queue === undefined || loop.queue === queue) loop.wake();
    },
  };
}

/**
 * How many jobs a queue loop claims beyond its free slots, so that with fast handlers each claim
 * is a batch and the next is fetched while these run. Measured as the jobs it finished in about
 * the last `claimAheadWindowMs` (a decaying count): fast jobs are claimed up to two batches ahead,
 * slow ones hardly at all, so claimed jobs never sit idle while another process could run them.
 * Two, because the loop claims again when half are left: the refill is then a full batch, and
 * the half left covers the claim's round trip.
 */
function createClaimAhead() {
  let recent = 0;
  let at = performance.now();

  function decay(): void {
    const now = performance.now();
    recent *= Math.exp((at - now) / claimAheadWindowMs);
    at = now;
  }

  return {
    finished(): void {
      decay();
      recent++;
    },
    target(): number {
      decay();
      return Math.min(2 * maxClaimBatch, Math.floor(recent));
    },
  };
}

/** The job was taken from this worker (cancelled, rescued after a lost lease, or shutdown). */
class LostJob extends Error {}
class DeadlineError extends Error {
  constructor() {
    super('deadline passed before the job could run');
  }
}

async function withTimeout(
  work: Promise<void>,
  job: ClaimedJob,
  abort: AbortController,
): Promise<void> {
  if (!job.timeout_ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timed out after ${job.timeout_ms} ms`);
      abort.abort(error);
      reject(error);
    }, job.timeout_ms as number);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
