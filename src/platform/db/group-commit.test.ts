import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, silentLog } from '../../../test/helpers.ts';
import { connectDatabase, type Database, type Tx } from './database.ts';
import { groupCommit } from './group-commit.ts';

describe('groupCommit', () => {
  let database: Database;
  beforeAll(async () => {
    database = connectDatabase(await createTestDatabase(), 4, silentLog);
    await sql`CREATE TABLE notes (n integer PRIMARY KEY CHECK (n >= 0), txid bigint)`.execute(
      database.db,
    );
  });
  afterAll(() => database.close());

  /** Inserts each note and returns the id of the transaction that wrote it. */
  async function insertNotes(tx: Tx, notes: number[]): Promise<string[]> {
    const { rows } = await sql<{ txid: string }>`
      INSERT INTO notes (n, txid)
      SELECT n, txid_current() FROM unnest(${notes}::integer[]) WITH ORDINALITY AS u(n, i)
      ORDER BY i
      RETURNING txid::text`.execute(tx);
    return rows.map((row) => row.txid);
  }

  it('writes calls made together in few transactions, each result to its caller', async () => {
    const write = groupCommit(database.db, insertNotes, { maxBatch: 50, maxInFlight: 2 });
    const notes = Array.from({ length: 200 }, (_, index) => index + 1);
    const txids = await Promise.all(notes.map((note) => write(note)));

    const { rows } = await sql<{ n: number; txid: string }>`
      SELECT n, txid::text FROM notes WHERE n = ANY(${notes}::integer[])`.execute(database.db);
    const stored = new Map(rows.map((row) => [row.n, row.txid]));
    expect(notes.map((note) => stored.get(note))).toEqual(txids);
    const transactions = new Set(txids).size;
    expect(transactions).toBeGreaterThanOrEqual(4);
    expect(transactions).toBeLessThanOrEqual(8);
  });

  it('writes a lone call at once, in a transaction of its own', async () => {
    const write = groupCommit(database.db, insertNotes);
    const first = await write(1_001);
    const second = await write(1_002);
    expect(first).not.toBe(second);
  });

  it('fails only the call that cannot be written; the others of its batch are written', async () => {
    const write = groupCommit(database.db, insertNotes, { maxBatch: 10, maxInFlight: 1 });
    const results = await Promise.allSettled([2_001, -1, 2_002, 2_003].map((note) => write(note)));
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/notes_n_check/);
    const { rows } = await sql<{ n: number }>`
      SELECT n FROM notes WHERE n BETWEEN 2000 AND 3000 OR n < 0 ORDER BY n`.execute(database.db);
    expect(rows.map((row) => row.n)).toEqual([2_001, 2_002, 2_003]);
  });
});
