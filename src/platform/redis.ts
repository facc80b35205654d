import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.ts';

// The process's one Redis client, when `REDIS_URL` is set: what a module keeps in Redis (the
// microblog's home timelines) goes through it. Connected on first use, so a process that never
// needs it opens nothing; closed with the server.

/**
 * A client for `config.redisUrl`, or undefined when it is unset. A command waits up to a few
 * reconnections rather than failing at the first dropped connection, and fails after that, so a
 * Redis that is gone is an error a request can answer, not a request that hangs.
 */
export function createRedis(config: Config, log: Logger): Redis | undefined {
  if (!config.redisUrl) return undefined;
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
  });
  logOutages(redis, log);
  return redis;
}

/**
 * One line when Redis becomes unreachable and one when it is back, rather than ioredis's own
 * "Unhandled error event" on stderr at every reconnection attempt.
 */
function logOutages(redis: Redis, log: Logger): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.error({ err: error }, 'Redis is unreachable: retrying');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('Redis is reachable again');
  });
}

/** Closes `redis` if it ever connected. */
export async function closeRedis(redis: Redis | undefined): Promise<void> {
  if (!redis || redis.status === 'wait' || redis.status === 'end') return;
  await redis.quit().catch(() => redis.disconnect());
}
