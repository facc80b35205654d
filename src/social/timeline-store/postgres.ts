import type { Db } from '../../platform/db/database.ts';
import type { TimelineStore } from './timeline-store.ts';

const notBuilt = () => Promise.reject(new Error('not built yet'));

/** Home timelines as rows of `social_home_entries`. */
export function createPostgresTimelines(_db: Db, _options: { cap: number }): TimelineStore {
  return {
    kind: 'postgres',
    addToMany: notBuilt,
    page: notBuilt,
    removeEntry: notBuilt,
    removeAuthor: notBuilt,
    replace: notBuilt,
    drop: notBuilt,
  };
}
