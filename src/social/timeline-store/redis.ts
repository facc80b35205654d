import type { Redis } from 'ioredis';
import type { TimelineStore } from './timeline-store.ts';

const notBuilt = () => Promise.reject(new Error('not built yet'));

/** Home timelines as Redis sorted sets. */
export function createRedisTimelines(
  _redis: Redis,
  _options: { cap: number; prefix: string },
): TimelineStore {
  return {
    kind: 'redis',
    addToMany: notBuilt,
    page: notBuilt,
    removeEntry: notBuilt,
    removeAuthor: notBuilt,
    replace: notBuilt,
    drop: notBuilt,
  };
}
