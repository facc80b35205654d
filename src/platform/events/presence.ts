import type { Logger } from 'pino';
import type { Db, Tx } from '../db/database.ts';
import { isSilent } from '../observe/instances.ts';
import { changedPresence, clearPresence, onlineUsers } from './store.ts';

/** How often the changes of who is connected here are written (at most this late). */
const flushMs = 500;

/**
 * Who is connected to this process's stream, kept in `stream_presence` for every process to read
 * (`core.events.online`). The gateway counts each user's open connections; only a user's first
 * connection and their last close change the table, and the changes are written in one batch
 * every `flushMs`, so a user reconnecting at once (a page reload) usually writes nothing.
 */
export interface Presence {
  /** A connection of `userId` opened. */
  connected(userId: string): void;
  /** A connection of `userId` closed. */
  disconnected(userId: string): void;
  /** Writes what changed since the last flush (the timer does this; tests may call it). */
  flush(): Promise<void>;
  /** Stops the timer and deletes this instance's rows: its users are not online here any more. */
  stop(): Promise<void>;
}

export function createPresence(db: Db, instanceId: string, log: Logger): Presence {
  const connections = new Map<string, number>();
  /** Users whose first connection opened or last closed since the last flush. */
  let changed = new Set<string>();
  let stopped = false;
  let flushing: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    if (changed.size === 0 || stopped) return;
    const users = [...changed];
    changed = new Set();
    const present = users.filter((user) => connections.has(user));
    const absent = users.filter((user) => !connections.has(user));
    try {
      await changedPresence(db, instanceId, present, absent);
    } catch (error) {
      // Written next time: the state of each is read again then.
      for (const user of users) changed.add(user);
      log.warn({ err: error }, 'stream presence not written; next time');
    }
  }

  const flush = () => {
    flushing = flushing.then(write);
    return flushing;
  };
  const timer = setInterval(flush, flushMs);
  timer.unref();

  return {
    connected(userId) {
      if (stopped) return;
      const count = connections.get(userId) ?? 0;
      connections.set(userId, count + 1);
      if (count === 0) changed.add(userId);
    },
    disconnected(userId) {
      const count = connections.get(userId) ?? 0;
      if (count > 1) return void connections.set(userId, count - 1);
      connections.delete(userId);
      if (!stopped) changed.add(userId);
    },
    flush,
    async stop() {
      clearInterval(timer);
      stopped = true;
      await flushing;
      await clearPresence(db, instanceId).catch((error) =>
        log.warn({ err: error }, 'stream presence not cleared; it lapses with the heartbeat'),
      );
    },
  };
}

/**
 * Those of `userIds` connected to some process whose heartbeat is alive (observe/instances.ts:
 * neither stopped nor lost, and not silent for `missedBeatsToLose` beats), so a process that
 * died without cleaning up stops counting within one heartbeat timeout.
 */
export async function onlineAmong(
  db: Db | Tx,
  userIds: readonly string[],
  defaultHeartbeatMs: number,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  return new Set(await onlineUsers(db, [...new Set(userIds)], isSilent(defaultHeartbeatMs)));
}
