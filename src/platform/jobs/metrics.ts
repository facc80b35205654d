import { sql } from 'kysely';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import type { JobRow } from '../db/tables.ts';
import type { ClaimedJob } from './spec.ts';

export interface JobMetrics {
  started(job: ClaimedJob): void;
  finished(job: ClaimedJob, outcome: 'completed' | 'failed', ms: number): void;
  dead(job: { queue: string; kind: string }): void;
}

/** Job counters and histograms, and a gauge of jobs by queue and state read at scrape time. */
export function createJobMetrics(registry: Registry, db: Db): JobMetrics {
  const labelNames = ['queue', 'kind'] as const;
  const started = new Counter({
    name: 'meridian_jobs_started_total',
    help: 'Job attempts started',
    labelNames,
    registers: [registry],
  });
  const completed = new Counter({
    name: 'meridian_jobs_completed_total',
    help: 'Job attempts that succeeded',
    labelNames,
    registers: [registry],
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
      started.inc({ queue: job.queue, kind: job.kind });
      lateness.observe({ queue: job.queue }, Math.max(0, job.lateness_ms) / 1000);
    },
    finished(job, outcome, ms) {
      (outcome === 'completed' ? completed : failed).inc({ queue: job.queue, kind: job.kind });
      duration.observe({ queue: job.queue, kind: job.kind }, ms / 1000);
    },
    dead(job) {
      dead.inc({ queue: job.queue, kind: job.kind });
    },
  };
}
