import type { Logger } from 'pino';
import { isAlive } from '../db/data-dir-lock.ts';
import { type Db, transaction } from '../db/database.ts';
import { missedBeatsToLose } from '../observe/config.ts';
import * as instances from '../observe/instances.ts';
import type { Service } from '../service.ts';
import { fenceLeadership } from './leader.ts';
import { every } from './maintenance.ts';
import * as store from './store.ts';

// Crash recovery in seconds, not a lease (docs/jobs.md, When a worker dies). Every running job
// names its holder (`jobs.worker_id`, the instance id); an instance found dead is marked lost and
// its running jobs are released in the same transaction, so each death releases them once:
//   - known death: a process on the same host (same `host_key`) sees the instance's pid gone, at
//     its start and on every heartbeat beat (a restarted Meridian finds its predecessor's);
//   - lost heartbeat: any process running jobs sees no beat for three of the instance's intervals
//     (not only the leader: a frozen leader keeps its lock, so the judge also ends its leadership
//     session, and another process leads).
// The job lease (JOB_LEASE_SECONDS) stays the backstop, for a process that dies where no other
// judges it (no /proc, no other process running jobs).

/** Why an instance was judged lost, as a metric label. */
export type LostKind = 'process_gone' | 'no_heartbeat';

export interface LostInstanceOptions {
  db: Db;
  log: Logger;
  /** This process's instance: never judged by itself. */
  selfId: string;
  /** This process's `host_key`; null: it judges no pid. */
  hostKey: string | null;
  /** This process's heartbeat interval: its sweep of silent instances runs on it. */
  heartbeatMs: number;
  /** Whether this process's own beats have reached the database for the last `ms`. */
  inContactFor(ms: number): boolean;
  /** Told of each job released, after the commit, with the error it recorded. */
  onRescued(job: store.RescuedJob, error: string): void;
  /** Told of each instance this process marked lost, after the commit. */
  onLost(kind: LostKind, releasedJobs: number): void;
}

export interface LostInstances {
  /**
   * Marks lost the instances of this host whose process is gone, and releases their jobs. The
   * heartbeat runs it after this process registers and after every beat.
   */
  releaseGoneOnHost(): Promise<void>;
  /**
   * Every heartbeat interval, marks lost the instances silent for three of their beats, releases
   * their jobs and ends their leadership session. Run by every process that runs jobs.
   */
  silentSweeper: Service;
}

export function createLostInstances(options: LostInstanceOptions): LostInstances {
  const { db, log, selfId, hostKey } = options;

  /**
   * In one transaction: `mark` marks instances lost (only those not yet marked), and the running
   * jobs of each are released and counted on its row. Then the transitions are told.
   */
  async function release(
    kind: LostKind,
    mark: (tx: Db) => Promise<instances.LostInstance[]>,
  ): Promise<string[]> {
    const lost = await transaction(db, async (tx) => {
      const marked = await mark(tx);
      const released = [];
      for (const instance of marked) {
        const jobs = await store.rescueJobsOfInstance(tx, instance.id, instance.lost_reason);
        if (jobs.length > 0) await instances.addReleasedJobs(tx, instance.id, jobs.length);
        released.push({ ...instance, jobs });
      }
      return released;
    });
    for (const { id, lost_reason: reason, jobs } of lost) {
      log.warn(
        { instance: id, reason, jobs: jobs.map((job) => job.id) },
        'instance lost: its running jobs released to other workers',
      );
      options.onLost(kind, jobs.length);
      const error = store.lostWorkerError(reason);
      for (const job of jobs) options.onRescued(job, error);
    }
    return lost.map(({ id }) => id);
  }

  return {
    async releaseGoneOnHost() {
      if (!hostKey) return;
      const candidates = await instances.unjudgedOnHost(db, hostKey, selfId);
      const gone = candidates.filter((instance) => !isAlive(instance.pid));
      if (gone.length === 0) return;
      const ids = gone.map((instance) => instance.id);
      await release('process_gone', (tx) => instances.markInstancesLost(tx, ids, 'process gone'));
    },
    silentSweeper: every(
      'lost-instances',
      options.heartbeatMs,
      async () => {
        // After an outage of the database (or of this process's link to it), every process
        // looks silent until it beats again: silence is judged only once this process's own
        // beats have been reaching the database for as long as it takes to judge one.
        if (!options.inContactFor(missedBeatsToLose * options.heartbeatMs)) return;
        const silent = await release('no_heartbeat', (tx) =>
          instances.markSilentInstancesLost(tx, selfId, options.heartbeatMs),
        );
        await fenceLeadership(db, silent);
      },
      log,
    ),
  };
}
