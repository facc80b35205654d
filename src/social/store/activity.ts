import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// The SQL of a reader's activity and of the hot flag (docs/social.md, "Home timelines"):
// `last_active_at`, the cull of inactive readers, and the followers count that makes an account
// hot. Counts are `social_counters` plus the pending `social_counter_deltas` (field 5:
// followers), as everywhere else.

/** Marks the profiles active now, in key order (two batches never wait on each other in a cycle). */
export async function touchLastActive(tx: Tx, profileIds: SocialId[]): Promise<void> {
  await sql`
    UPDATE social_profiles p SET last_active_at = now()
      FROM (SELECT id FROM unnest(${profileIds}::bigint[]) AS t(id) ORDER BY id) t
     WHERE p.id = t.id`.execute(tx);
}

/**
 * Marks up to `limit` readers unseen for `days` days `cold` (fan-out skips them from this
 * commit) and returns them, so that their stored timelines can be dropped.
 */
export async function coolInactiveReaders(
  db: Db,
  days: number,
  limit: number,
): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    WITH inactive AS (
      SELECT id FROM social_profiles
       WHERE home_state <> 'cold' AND last_active_at < now() - make_interval(days => ${days})
       LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    UPDATE social_profiles p SET home_state = 'cold'
      FROM inactive WHERE p.id = inactive.id
    RETURNING p.id::text AS id`.execute(db);
  return rows.map((row) => row.id);
}

/** An account whose hot flag a re-evaluation changed. */
export interface HotFlip {
  id: SocialId;
  hot: boolean;
}

/**
 * Sets `hot` on accounts with more than `threshold` followers and clears it on hot accounts
 * below 80 % of it (the gap keeps an account near the line from flapping); returns the flips.
 * Counts only the candidates: followers counters past 80 % of the line (a partial index), those
 * with pending deltas (the fold empties them every second), and the hot accounts.
 */
export async function reevaluateHotFlags(db: Db | Tx, threshold: number): Promise<HotFlip[]> {
  const { rows } = await sql<HotFlip>`
    WITH candidates AS (
      SELECT subject_id AS id FROM social_counters WHERE field = 5 AND value > ${threshold} * 0.8
      UNION SELECT subject_id FROM social_counter_deltas WHERE field = 5
      UNION SELECT id FROM social_profiles WHERE hot),
    counted AS (
      SELECT c.id,
             coalesce((SELECT value FROM social_counters
                        WHERE subject_id = c.id AND field = 5), 0)
           + coalesce((SELECT sum(delta) FROM social_counter_deltas
                        WHERE subject_id = c.id AND field = 5), 0) AS n
        FROM candidates c)
    UPDATE social_profiles p SET hot = NOT p.hot
      FROM counted c
     WHERE p.id = c.id
       AND ((NOT p.hot AND c.n > ${threshold}) OR (p.hot AND c.n < ${threshold} * 0.8))
    RETURNING p.id::text AS id, p.hot`.execute(db);
  return rows;
}

/** The ids of the hot accounts (a partial index holds them). */
export async function hotAccountIds(db: Db): Promise<SocialId[]> {
  const { rows } = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_profiles WHERE hot`.execute(db);
  return rows.map((row) => row.id);
}
