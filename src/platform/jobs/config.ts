import { ConfigError, defineConfigSection } from '../config.ts';

/** The job engine's settings: which queues this process runs, leases and retention. */
export const jobsConfig = defineConfigSection('jobs', (env) => ({
  /**
   * Queue → jobs of it this process runs at once. High by default: a job mostly waits on the
   * network or the database, and a slot costs a promise, not a thread (docs/jobs.md, Concurrency).
   */
  queues: queues(env.text('JOB_QUEUES', 'default:200')),
  /** A running job's lease: a worker that dies loses its jobs to others after this. */
  leaseMs: env.integer('JOB_LEASE_SECONDS', 30, 1, 86_400) * 1000,
  /** Completed and cancelled jobs are kept this long. */
  retentionMs: env.integer('JOB_RETENTION_HOURS', 24, 1, 87_600) * 3_600_000,
}));

/** `name:concurrency` pairs, comma-separated: `default:10,email:4`. */
function queues(value: string): Record<string, number> {
  const entries = value.split(',').map((pair) => pair.trim().split(':'));
  const valid = entries.every(
    ([queue, concurrency]) =>
      /^[\w.-]{1,64}$/.test(queue ?? '') &&
      /^\d{1,4}$/.test(concurrency ?? '') &&
      Number(concurrency) > 0,
  );
  if (!valid) {
    throw new ConfigError(
      `JOB_QUEUES must be queue:concurrency pairs such as default:10,email:4 (got "${value}")`,
    );
  }
  return Object.fromEntries(entries.map(([queue, concurrency]) => [queue, Number(concurrency)]));
}
