import os from 'node:os';
import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';
import { defineService, type Service } from '../service.ts';
import * as instances from './instances.ts';

/**
 * Registers this process in `instances` and heartbeats every `intervalMs` (HEARTBEAT_SECONDS)
 * until stopped; three missed beats and the other processes judge it lost. A failed beat (database down)
 * is logged and the next one tries again: the process goes on serving meanwhile. After its
 * registration and after every beat, it runs the steps given to `afterEachBeat` (the job engine
 * looks for dead processes on this host there).
 *
 * A beat that finds this process marked lost (it was paused, e.g. SIGSTOP, or cut off from the
 * database for longer than three beats) logs a warning, clears the mark and goes on: its running
 * jobs were released to others, and the job engine's guards keep it from recording them.
 */
export function createHeartbeat(
  db: Db,
  log: Logger,
  info: { role: string; version: string; intervalMs: number },
): Heartbeat {
  const id = uuidv7();
  const hostKey = instances.hostKeyOf();
  const steps: (() => Promise<void>)[] = [];
  let timer: NodeJS.Timeout | undefined;
  // The unbroken run of beats that reached the database: when it began, and its last beat.
  let contactSince: number | undefined;
  let lastContact: number | undefined;
  // Beats never overlap: a slow one (a busy pool) delays the next rather than doubling up.
  let current: Promise<void> = Promise.resolve();

  /** A beat reached the database: the run goes on, or begins again after a miss or a stall. */
  function contact(): void {
    const now = Date.now();
    if (lastContact === undefined || now - lastContact > 2 * info.intervalMs) contactSince = now;
    lastContact = now;
  }

  async function beat(): Promise<void> {
    try {
      const cleared = await instances.beat(db, id);
      contact();
      if (cleared) {
        log.warn(
          { lostAt: cleared.lost_at, reason: cleared.lost_reason },
          'this instance had been judged lost (paused, or cut off from the database) and its running jobs released to other workers; it goes on',
        );
      }
      await instances.forgetOldInstances(db);
    } catch (error) {
      contactSince = undefined;
      log.warn({ err: error }, 'heartbeat failed');
    }
    await runSteps();
  }

  async function runSteps(): Promise<void> {
    for (const step of steps) {
      await step().catch((error) => log.warn({ err: error }, 'a heartbeat step failed'));
    }
  }

  const tick = () => {
    current = current.then(beat);
  };

  const service = defineService('observe.heartbeat', {
    async start(): Promise<void> {
      await instances.registerInstance(db, {
        id,
        hostname: os.hostname(),
        pid: process.pid,
        role: info.role,
        version: info.version,
        host_key: hostKey,
        heartbeat_seconds: Math.round(info.intervalMs / 1000),
      });
      contact();
      current = runSteps();
      await current;
      timer = setInterval(tick, info.intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await current;
      await instances
        .markInstanceStopped(db, id)
        .catch((error) => log.warn({ err: error }, 'could not mark instance stopped'));
    },
  });
  return {
    ...service,
    id,
    hostKey,
    afterEachBeat(step) {
      steps.push(step);
    },
    inContactFor(ms) {
      const now = Date.now();
      return (
        contactSince !== undefined &&
        lastContact !== undefined &&
        now - lastContact <= 2 * info.intervalMs &&
        now - contactSince >= ms
      );
    },
  };
}

/** The heartbeat service, and the id it registers this process under. */
export interface Heartbeat extends Service {
  id: string;
  /** This process's `instances.host_key` (`hostKeyOf`); null where it cannot be told. */
  hostKey: string | null;
  /** Runs `step` after the registration and after every beat, one at a time, in order. */
  afterEachBeat(step: () => Promise<void>): void;
  /**
   * Whether this process's beats have reached the database for the last `ms` without a miss
   * (a failed beat, or a stall of two intervals). Only then may it judge others silent: after an
   * outage of the database, every process looks silent until it beats again.
   */
  inContactFor(ms: number): boolean;
}
