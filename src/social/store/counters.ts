import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { SocialId } from '../ids.ts';
import { type CounterField, counterFields } from './tables.ts';

// Counters as sharded deltas (docs/social.md, "Counts and impressions"): a writer adds its change
// to one of 16 slot rows of the counted thing, in the transaction that changed the rows counted;
// the fold moves the slots into `social_counters` every second. A count is `value` plus the
// pending deltas, exact at any time.

/** Slot rows per counter: concurrent writers of a viral post spread over these. */
export const deltaSlots = 16;

/** A change to one counter. */
export interface CounterDelta {
  subjectId: SocialId;
  field: CounterField;
  delta: number;
}

/**
 * Adds `deltas` in one statement: summed per counter first (an upsert may touch a row once), each
 * counter in a random slot, rows in key order so two writers never wait on each other in a cycle.
 */
export async function addDeltas(tx: Db | Tx, deltas: CounterDelta[]): Promise<void> {
  const summed = new Map<string, { subjectId: SocialId; field: number; delta: number }>();
  for (const { subjectId, field, delta } of deltas) {
    const key = `${subjectId}:${counterFields[field]}`;
    const known = summed.get(key);
    if (known) known.delta += delta;
    else summed.set(key, { subjectId, field: counterFields[field], delta });
  }
  const rows = [...summed.values()]
    .filter((row) => row.delta !== 0)
    .map((row) => ({ ...row, slot: Math.floor(Math.random() * deltaSlots) }))
    .sort((a, b) => compareIds(a.subjectId, b.subjectId) || a.field - b.field || a.slot - b.slot);
  if (rows.length === 0) return;
  await sql`
    INSERT INTO social_counter_deltas (subject_id, field, slot, delta)
    SELECT * FROM unnest(${rows.map((r) => r.subjectId)}::bigint[], ${rows.map((r) => r.field)}::smallint[],
                         ${rows.map((r) => r.slot)}::smallint[], ${rows.map((r) => r.delta)}::bigint[])
    ON CONFLICT (subject_id, field, slot)
    DO UPDATE SET delta = social_counter_deltas.delta + excluded.delta`.execute(tx);
}

/** What a fold moved: per counter changed, the sum of its deltas and its value after. */
export interface FoldedCounter {
  subject_id: SocialId;
  field: number;
  delta: number;
  value: number;
}

/**
 * Moves every pending delta into `social_counters` in one statement. Writers adding to a slot the
 * fold is deleting wait for it, then insert a new slot row: nothing is counted twice or lost.
 */
export async function foldDeltas(tx: Tx): Promise<FoldedCounter[]> {
  const { rows } = await sql<FoldedCounter>`
    WITH taken AS (
      DELETE FROM social_counter_deltas RETURNING subject_id, field, delta),
    summed AS (
      SELECT subject_id, field, sum(delta)::bigint AS delta FROM taken GROUP BY subject_id, field),
    folded AS (
      INSERT INTO social_counters (subject_id, field, value)
      SELECT subject_id, field, delta FROM summed
      ON CONFLICT (subject_id, field) DO UPDATE SET value = social_counters.value + excluded.value
      RETURNING subject_id, field, value)
    SELECT f.subject_id::text AS subject_id, f.field, s.delta, f.value
      FROM folded f JOIN summed s USING (subject_id, field)`.execute(tx);
  return rows;
}

/**
 * The counts `fields` of each of `subjectIds` (profiles or posts): the folded counter plus the
 * pending deltas, read in one snapshot so they are exact at any time, not only after a fold.
 * Every subject and field is in the answer (0 when nothing was ever counted).
 */
export async function readCounts<F extends CounterField>(
  db: Db | Tx,
  subjectIds: SocialId[],
  fields: F[],
): Promise<Map<SocialId, Record<F, number>>> {
  const counts = new Map<SocialId, Record<F, number>>();
  for (const id of subjectIds) {
    counts.set(id, Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>);
  }
  if (subjectIds.length === 0 || fields.length === 0) return counts;
  const names = new Map(fields.map((f) => [counterFields[f] as number, f]));
  const { rows } = await sql<{ id: SocialId; field: number; value: number }>`
    SELECT t.subject_id::text AS id, t.field, sum(t.value)::int8 AS value
      FROM (SELECT subject_id, field, value FROM social_counters
             WHERE subject_id = ANY(${subjectIds}::bigint[]) AND field = ANY(${[...names.keys()]}::smallint[])
            UNION ALL
            SELECT subject_id, field, delta FROM social_counter_deltas
             WHERE subject_id = ANY(${subjectIds}::bigint[]) AND field = ANY(${[...names.keys()]}::smallint[])) t
     GROUP BY t.subject_id, t.field`.execute(db);
  for (const row of rows) {
    const record = counts.get(row.id);
    const name = names.get(row.field);
    if (record && name) record[name] = Number(row.value);
  }
  return counts;
}

function compareIds(a: SocialId, b: SocialId): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
