import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { createTestDatabase, silentLog } from '../../../test/helpers.ts';
import { connectDatabase } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { contractCap, describeTimelineStore } from './contract.ts';
import { createPostgresTimelines } from './postgres.ts';

// The PostgreSQL store over a database of this file's own. A reader is a profile (which is what
// holds `home_state`), made with its user in one statement.

describeTimelineStore('PostgreSQL', async () => {
  const database = connectDatabase(await createTestDatabase(), 4, silentLog);
  afterAll(() => database.close());
  const readers = async (count: number) => {
    const made = await sql<{ id: SocialId }>`
      WITH made AS (
        SELECT gen_random_uuid() AS user_id, social_id() AS id FROM generate_series(1, ${count})),
      users AS (
        INSERT INTO users (id, email, name, password_hash)
        SELECT user_id, user_id || '@readers.example', 'reader', 'none' FROM made)
      INSERT INTO social_profiles (id, user_id, handle)
      SELECT id, user_id, 'u' || id FROM made
      RETURNING id::text AS id`.execute(database.db);
    return made.rows.map((row) => row.id);
  };
  return { store: createPostgresTimelines(database.db, { cap: contractCap }), readers };
});
