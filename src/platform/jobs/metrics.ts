import { sql } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import type { JobRow } from '../db/tables.ts';
import type { LostKind } from './lost-instances.ts';
import type { ClaimedJob } from './spec.ts';

export interface JobMetrics {
  started(job: ClaimedJob): void;
  finished(job: ClaimedJob, outcome: 'completed' | 'failed', ms: number): void;
  dead(job: { queue: string; kind: string }): void;
  /** This process marked an instance lost (lost-instances.ts) and released its running jobs. */
  instanceLost(reason: LostKind, releasedJobs: number): void;
}

/** Job counters and histograms, and a gauge of jobs by queue and state read at scrape time. */
export function createJobMetrics(registry: Registry, db: Db): JobMetrics {
  const labelNames = ['queue', 'kind'] as const;
  // Counted per job in plain numbers, handed to prom-client at scrape time: its `inc` hashes the
  // labels on every call, a cost of the hot path (~0.2 µs a job each).
  const labelled = createLabelCache();
  new Counter({
    name: 'meridian_jobs_started_total',
    help: 'Job attempts started',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const entry of labelled.entries()) this.inc(entry.labels, entry.started);
    },
  });
  new Counter({
    name: 'meridian_jobs_completed_total',
    help: 'Job attempts that succeeded',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const entry of labelled.entries()) this.inc(entry.labels, entry.completed);
    },
  });
  const failed = new Counter({
    name: 'meridian_jobs_failed_total',
    help: 'Job attempts that failed',
    labelNames,
    registers: [registry],
  });
  const dead = new Counter({
    name: 'meridian_jobs_dead_total',
    help: 'Jobs that went dead',
    labelNames,
    registers: [registry],
  });
  const instancesLost = new Counter({
    name: 'meridian_instances_lost_total',
    help: 'Instances this process judged lost (process gone, or no heartbeat), by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const releasedFromLost = new Counter({
    name: 'meridian_jobs_released_from_lost_instances_total',
    help: 'Running jobs this process released because their instance was lost, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'meridian_job_run_duration_seconds',
    help: 'How long a job attempt ran',
    labelNames,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const lateness = new Histogram({
    name: 'meridian_job_start_lateness_seconds',
    help: 'How long after its due time a job attempt started',
    labelNames: ['queue'],
    buckets: [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1, 5, 30, 60, 300],
    registers: [registry],
  });
  new Gauge({
    name: 'meridian_jobs',
    help: 'Unfinished and dead jobs by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const rows = await sql<Pick<JobRow, 'queue' | 'state'> & { count: number }>`
        SELECT queue, state, count(*) AS count FROM jobs
        WHERE state IN ('available', 'running', 'dead') GROUP BY queue, state`.execute(db);
      this.reset();
      for (const row of rows.rows) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
  return {
    started(job) {
      const entry = labelled.of(job);
      entry.started++;
      lateness.observe(entry.queueLabels, Math.max(0, job.lateness_ms) / 1000);
    },
    finished(job, outcome, ms) {
      const entry = labelled.of(job);
      if (outcome === 'completed') entry.completed++;
      else failed.inc(entry.labels);
      duration.observe(entry.labels, ms / 1000);
    },
    dead(job) {
      dead.inc({ queue: job.queue, kind: job.kind });
    },
    instanceLost(reason, releasedJobs) {
      instancesLost.inc({ reason });
      releasedFromLost.inc({ reason }, releasedJobs);
    },
  };
}

interface LabelledCounts {
  labels: { queue: string; kind: string };
  queueLabels: { queue: string };
  /** Attempts started since the process started. */
  started: number;
  completed: number;
}

/** One entry per queue and kind: its label objects, built once, and its counts. */
function createLabelCache() {
  const byQueue = new Map<string, Map<string, LabelledCounts>>();

  return {
    of({ queue, kind }: { queue: string; kind: string }): LabelledCounts {
      let byKind = byQueue.get(queue);
      if (!byKind) {
        byKind = new Map();
        byQueue.set(queue, byKind);
      }
      let entry = byKind.get(kind);
      if (!entry) {
        entry = { labels: { queue, kind }, queueLabels: { queue }, started: 0, completed: 0 };
        byKind.set(kind, entry);
      }
      return entry;
    },
    *entries(): Iterable<LabelledCounts> {
      for (const byKind of byQueue.values()) yield* byKind.values();
    },
  };
}
