import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { type Clock, systemClock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { createListener } from '../db/listener.ts';
import { defineService, type Service } from '../service.ts';
import { createLeaderElector } from './leader.ts';
import { createLostInstances } from './lost-instances.ts';
import {
  createPeriodicEnqueuer,
  createPruner,
  createRescuer,
  type PeriodicJob,
} from './maintenance.ts';
import { createJobMetrics } from './metrics.ts';
import { createJobs, type Jobs } from './queue.ts';
import type { JobHandler, JobTransition } from './spec.ts';
import type { RescuedJob } from './store.ts';
import { createWorker } from './worker.ts';

export interface JobEngineOptions {
  db: Db;
  /** For the two connections of their own: LISTEN, and the leader's advisory lock. */
  databaseUrl: string;
  /** This process's instance id (`instances.id`): the jobs it claims carry it as `worker_id`. */
  workerId: string;
  /** This process's `instances.host_key`: it judges the pids of instances with the same key. */
  hostKey: string | null;
  /** The instance heartbeat's interval: every job-running process judges an instance silent for three lost. */
  heartbeatMs: number;
  /**
   * Whether this process's own beats have reached the database for the last `ms` (the
   * heartbeat's `inContactFor`): this process judges no one silent until they have. Default: always.
   */
  inContactFor?(ms: number): boolean;
  log: Logger;
  metrics: Registry;
  handlers: Record<string, JobHandler>;
  /** Queue → concurrency in this process. Empty: this process enqueues but runs nothing. */
  queues: Record<string, number>;
  periodic: PeriodicJob[];
  leaseMs: number;
  /** At stop, running jobs get this long to finish before they are released to other workers. */
  drainMs: number;
  /** Completed and cancelled jobs are deleted after this long. */
  retentionMs: number;
  /**
   * The clock of due times (default: the system clock): when a job is due, how late it started,
   * when a retry or snooze falls due, what `delayMs` counts from; a travel wakes every queue loop.
   * Leases, deadlines, timeouts, retention, the rescuer and periodic slots stay on real time.
   */
  clock?: Clock;
}

/**
 * Started, it runs the jobs of its queues (none: it only enqueues); stopped, it stops claiming,
 * lets running jobs finish within `drainMs` and releases the rest.
 */
export interface JobEngine extends Service {
  jobs: Jobs;
  /** Calls `listener` on every job transition this process makes; also `jobs.onTransition`. */
  onTransition(listener: (transition: JobTransition) => void): () => void;
  /** Kind → handler; modules add theirs before `start`. */
  handlers: Record<string, JobHandler>;
  /**
   * Marks lost the instances of this host whose process is gone and releases their running
   * jobs (lost-instances.ts); the heartbeat runs it after every beat, in every role.
   */
  releaseGoneOnHost(): Promise<void>;
}

/** How often the leader looks for jobs whose lease ran out. */
const rescueEveryMs = 5_000;
const pruneEveryMs = 10 * 60_000;

/** The job system of one process: the client API, its worker, and (when leader) maintenance. */
export function createJobEngine(options: JobEngineOptions): JobEngine {
  const { db, log } = options;
  const clock = options.clock ?? systemClock;
  const listeners = new Set<(transition: JobTransition) => void>();
  const onTransition: Jobs['onTransition'] = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const jobs = createJobs(db, onTransition, clock);
  const metrics = createJobMetrics(options.metrics, db);
  const runsJobs = Object.keys(options.queues).length > 0;
  const emit = (transition: JobTransition) => {
    for (const listener of listeners) {
      try {
        listener(transition);
      } catch (error) {
        log.error({ err: error, jobId: transition.job.id }, 'job transition listener failed');
      }
    }
  };
  const worker = createWorker({
    ...options,
    clock,
    metrics,
    emit,
    listened: () => listeners.size > 0,
  });
  const listener = createListener(
    options.databaseUrl,
    ['meridian_jobs'],
    { onNotify: (_channel, queue) => worker.wake(queue), onReconnect: () => worker.wake() },
    log,
  );
  // A job taken back from a lost worker, by the rescuer or with its lost instance: as a failed
  // attempt (the scheduler marks the execution of one that went dead lost).
  const rescued = (job: RescuedJob, error: string) => {
    if (job.state === 'dead') metrics.dead(job);
    emit({ job, to: job.state === 'dead' ? 'dead' : 'retrying', error });
  };
  const lostInstances = createLostInstances({
    db,
    log,
    selfId: options.workerId,
    hostKey: options.hostKey,
    heartbeatMs: options.heartbeatMs,
    inContactFor: options.inContactFor ?? (() => true),
    onRescued: rescued,
    onLost: (kind, releasedJobs) => metrics.instanceLost(kind, releasedJobs),
  });
  const leaderServices: Service[] = [
    createRescuer(db, log, Math.min(rescueEveryMs, options.leaseMs / 2), (job) =>
      rescued(job, 'lease expired: the worker running it was lost'),
    ),
    createPruner(db, log, pruneEveryMs, options.retentionMs),
    createPeriodicEnqueuer(db, jobs, options.periodic, log),
  ];
  const leader = createLeaderElector(options.databaseUrl, options.workerId, log, {
    onElected: () => {
      for (const service of leaderServices) void service.start();
    },
    onDeposed: () => {
      for (const service of leaderServices) void service.stop();
    },
  });

  const service = defineService('jobs.engine', {
    async start() {
      if (!runsJobs) return;
      await listener.start();
      await worker.start();
      // Every process judges silence, not only the leader: the silent one may be the leader.
      await lostInstances.silentSweeper.start();
      await leader.start();
    },
    async stop() {
      await leader.stop();
      await lostInstances.silentSweeper.stop();
      // Deposing stops them without waiting; a tick still running must end before the pool does.
      await Promise.all(leaderServices.map((service) => service.stop()));
      await worker.stop();
      await listener.stop();
    },
  });
  return {
    ...service,
    jobs,
    handlers: options.handlers,
    onTransition,
    releaseGoneOnHost: lostInstances.releaseGoneOnHost,
  };
}
