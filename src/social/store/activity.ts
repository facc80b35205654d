import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

// The SQL of a reader's activity and of the hot flag (docs/social.md, "Home timelines"):
// `last_active_at`, the cull of inactive readers, and the followers count that makes an account
// hot. Counts are `social_counters` plus the pending `social_counter_deltas` (field 5:
// followers), as everywhere else.

/** Marks the profile active now. */
export async function touchLastActive(db: Db, profileId: SocialId): Promise<void> {
  await sql`UPDATE social_profiles SET last_active_at = now() WHERE id = ${profileId}`.execute(db);
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
 * Reads only counters of accounts near or past the line and the hot accounts.
 */
export async function reevaluateHotFlags(db: Db, threshold: number): Promise<HotFlip[]> {
  const { rows } = await sql<HotFlip>`
    WITH followers AS (
      SELECT subject_id, sum(n) AS n FROM (
        SELECT subject_id, value AS n FROM social_counters WHERE field = 5
        UNION ALL
        SELECT subject_id, delta FROM social_counter_deltas WHERE field = 5) parts
       GROUP BY subject_id),
    candidates AS (
      SELECT p.id, coalesce(f.n, 0) AS n
        FROM social_profiles p LEFT JOIN followers f ON f.subject_id = p.id WHERE p.hot
      UNION ALL
      SELECT subject_id, n FROM followers WHERE n > ${threshold})
    UPDATE social_profiles p SET hot = NOT p.hot
      FROM candidates c
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
