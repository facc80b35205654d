import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';

/**
 * The profile id of `userId`, creating the profile on the user's first social request: handle
 * `u<id>` (unique, as the id is), display name the account's name. Two first requests at once
 * make one profile.
 */
export async function ensureProfileId(db: Db | Tx, userId: string): Promise<SocialId> {
  const created = await sql<{ id: SocialId }>`
    INSERT INTO social_profiles (id, user_id, handle, display_name)
    SELECT made.id, u.id, 'u' || made.id, left(u.name, 50)
      FROM users u, (SELECT social_id() AS id) made
     WHERE u.id = ${userId}
    ON CONFLICT (user_id) DO NOTHING
    RETURNING id::text AS id`.execute(db);
  if (created.rows[0]) return created.rows[0].id;
  const existing = await sql<{ id: SocialId }>`
    SELECT id::text AS id FROM social_profiles WHERE user_id = ${userId}`.execute(db);
  const row = existing.rows[0];
  if (!row) throw new Error(`no user ${userId} to make a profile for`);
  return row.id;
}
