import os from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';
import { defineService, type Service } from '../service.ts';

/** How often a process says it is alive; three missed beats and it is listed as lost. */
export const heartbeatIntervalMs = 10_000;
export const lostAfterMs = 3 * heartbeatIntervalMs;
/** Stopped and lost processes stay listed this long. */
const forgetAfter = '7 days';

/**
 * Registers this process in `instances` and heartbeats until stopped. A failed beat (database
 * down) is logged and the next one tries again: the process goes on serving meanwhile.
 */
export function createHeartbeat(
  db: Db,
  log: Logger,
  info: { role: string; version: string },
): Heartbeat {
  const id = uuidv7();
  let timer: NodeJS.Timeout | undefined;

  async function beat(): Promise<void> {
    try {
      await db
        .updateTable('instances')
        .set({ heartbeat_at: sql<Date>`now()` })
        .where('id', '=', id)
        .execute();
      await db
        .deleteFrom('instances')
        .where('heartbeat_at', '<', sql<Date>`now() - ${forgetAfter}::interval`)
        .execute();
    } catch (error) {
      log.warn({ err: error }, 'heartbeat failed');
    }
  }

  const service = defineService('observe.heartbeat', {
    async start(): Promise<void> {
      await db
        .insertInto('instances')
        .values({
          id,
          hostname: os.hostname(),
          pid: process.pid,
          role: info.role,
          version: info.version,
        })
        .execute();
      timer = setInterval(beat, heartbeatIntervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await db
        .updateTable('instances')
        .set({ stopped_at: sql<Date>`now()` })
        .where('id', '=', id)
        .execute()
        .catch((error) => log.warn({ err: error }, 'could not mark instance stopped'));
    },
  });
  return { ...service, id };
}

/** The heartbeat service, and the id it registers this process under. */
export interface Heartbeat extends Service {
  id: string;
}
