import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, silentLog } from '../../../test/helpers.ts';
import { connectDatabase, type Database } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { contractCap, describeTimelineStore, idAt } from './contract.ts';
import { createPostgresTimelines } from './postgres.ts';

// The PostgreSQL store over a database of this file's own. A reader is a profile (which is what
// holds `home_state`), made with its user in one statement.

describe('the PostgreSQL timeline store', () => {
  let database: Database;
  beforeAll(async () => {
    database = connectDatabase(await createTestDatabase(), 4, silentLog);
  });
  afterAll(() => database?.close());
  const store = () => createPostgresTimelines(database, { cap: contractCap });
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

  describeTimelineStore('PostgreSQL', async () => ({ store: store(), readers }));

  it("reads a profile's home_state: live has a timeline, rebuilding and cold have none", async () => {
    const [reader] = await readers(1);
    const entry = { entryId: idAt(5, 1), originId: idAt(5, 1), authorId: '9' };
    await store().addToMany([reader!], entry);
    const page = async (state: string) => {
      await sql`UPDATE social_profiles SET home_state = ${state} WHERE id = ${reader}`.execute(
        database.db,
      );
      return store().page(reader!, { limit: 5 });
    };
    expect(await page('rebuilding')).toBeUndefined();
    expect(await page('cold')).toBeUndefined();
    expect(await page('live')).toEqual([entry]);
    expect(await store().page('1', { limit: 5 })).toBeUndefined();
  });
});
