import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { deltaSlots } from './counters.ts';
import { counterFields } from './tables.ts';

// The SQL of impressions (impressions.ts): the window's seen-set (`social_seen_0` or `_1`,
// UNLOGGED) and the impressions deltas its first sightings make.

const seenTable = (parity: 0 | 1) => sql.table(`social_seen_${parity}`);

/**
 * Inserts the `[viewer, post]` pairs not yet seen in the window (the author's own views never
 * count), and adds one impressions delta per post for the rows really inserted: one statement,
 * so the seen rows and the counts commit together.
 */
export async function recordFirstSightings(
  db: Db,
  parity: 0 | 1,
  pairs: [SocialId, SocialId][],
): Promise<void> {
  const viewers = pairs.map(([viewer]) => viewer);
  const posts = pairs.map(([, post]) => post);
  const slot = Math.floor(Math.random() * deltaSlots);
  await sql`
    WITH first_seen AS (
      INSERT INTO ${seenTable(parity)} (post_id, viewer_id)
      SELECT s.post_id, s.viewer_id
        FROM unnest(${viewers}::bigint[], ${posts}::bigint[]) AS s(viewer_id, post_id)
        JOIN social_posts p ON p.id = s.post_id AND p.author_id <> s.viewer_id
       ORDER BY s.post_id, s.viewer_id
      ON CONFLICT DO NOTHING
      RETURNING post_id)
    INSERT INTO social_counter_deltas (subject_id, field, slot, delta)
    SELECT post_id, ${counterFields.impressions}, ${slot}, count(*) FROM first_seen
     GROUP BY post_id ORDER BY post_id
    ON CONFLICT (subject_id, field, slot)
    DO UPDATE SET delta = social_counter_deltas.delta + excluded.delta`.execute(db);
}

/** Empties the seen table of `parity`. */
export async function truncateSeen(db: Db, parity: 0 | 1): Promise<void> {
  await sql`TRUNCATE ${seenTable(parity)}`.execute(db);
}
