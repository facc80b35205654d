import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { defineService, type Service } from '../service.ts';

/** The advisory lock whose holder is the cluster's leader: rescuer, pruner and periodic jobs. */
const leaderLockKey = 0x4d4c4452; // 'MLDR'

/**
 * The `application_name` of an instance's leadership session. A process judged lost while alive
 * but frozen (SIGSTOP, a stalled VM) keeps its session, so its lock, and no other process could
 * lead: the judge ends that session by this name (`fenceLeadership`).
 */
export function leaderSessionName(instanceId: string): string {
  return `meridian-leader ${instanceId}`;
}

/**
 * Ends the leadership sessions of `instanceIds` (judged lost): the lock goes free, and another
 * process takes it at its next try. Allowed between sessions of the same role.
 */
export async function fenceLeadership(db: Db, instanceIds: string[]): Promise<void> {
  if (instanceIds.length === 0) return;
  const names = instanceIds.map(leaderSessionName);
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = ANY(${names}::text[])`.execute(db);
}

export interface LeaderElector extends Service {
  isLeader(): boolean;
}

/**
 * Leadership is a session advisory lock held on a connection of its own: if the leader's process
 * dies, PostgreSQL ends its session and frees the lock, and another process takes it at its next
 * try (every `intervalMs`). The holder checks its connection on the same beat and steps down when
 * it breaks.
 */
export function createLeaderElector(
  url: string,
  instanceId: string,
  log: Logger,
  callbacks: { onElected(): void; onDeposed(): void },
  intervalMs = 2_000,
): LeaderElector {
  let client: pg.Client | undefined;
  let leader = false;
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();

  function depose(): void {
    if (leader) {
      leader = false;
      log.info('no longer the leader');
      callbacks.onDeposed();
    }
    client?.end().catch(() => undefined);
    client = undefined;
  }

  async function tick(): Promise<void> {
    try {
      if (!client) {
        const fresh = new pg.Client({
          connectionString: url,
          application_name: leaderSessionName(instanceId),
        });
        fresh.on('error', () => depose());
        await fresh.connect();
        client = fresh;
      }
      if (leader) {
        await client.query('SELECT 1');
        return;
      }
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [leaderLockKey],
      );
      if (result.rows[0]?.locked) {
        leader = true;
        log.info('elected leader');
        callbacks.onElected();
      }
    } catch (error) {
      log.warn({ err: error }, 'leader election failed; retrying');
      depose();
    }
  }

  const service = defineService('jobs.leader', {
    start() {
      busy = tick();
      timer = setInterval(() => {
        busy = busy.then(tick);
      }, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await busy;
      depose();
    },
  });
  return { ...service, isLeader: () => leader };
}
