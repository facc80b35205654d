import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../db/database.ts';
import type { AlertRow, AlertSeverity } from '../db/tables.ts';

// The SQL of `alerts` (observe migration 003), one function per transition: fire (or refresh a
// firing alert) and resolve. The partial unique index `alerts_one_firing` is what keeps one
// firing alert per rule and key when evaluations overlap; these functions lean on it.

/** What an evaluation found firing for one key of a rule. */
export interface FiringInput {
  rule: string;
  key: string;
  severity: AlertSeverity;
  summary: string;
  details: Record<string, unknown>;
  value: number | null;
}

/**
 * Fires the alert of `input.rule` and `input.key`, or, when one is firing already, refreshes it
 * (summary, details, value, last evaluation). `fired` says which: only a new firing is told to
 * operators. A concurrent evaluation inserting the same alert waits on the unique index for this
 * one to commit, and then refreshes instead of firing.
 */
export async function fireOrRefresh(
  db: Db,
  input: FiringInput,
  now: Date,
): Promise<{ alert: AlertRow; fired: boolean }> {
  const { rows } = await sql<AlertRow & { fired: boolean }>`
    INSERT INTO alerts (id, rule, key, state, severity, summary, details, value, fired_at,
                        last_evaluated_at)
    VALUES (${uuidv7()}, ${input.rule}, ${input.key}, 'firing', ${input.severity},
            ${input.summary}, ${JSON.stringify(input.details)}::jsonb, ${input.value}, ${now},
            ${now})
    ON CONFLICT (rule, key) WHERE state = 'firing' DO UPDATE
      SET severity = excluded.severity, summary = excluded.summary, details = excluded.details,
          value = excluded.value, last_evaluated_at = excluded.last_evaluated_at
    RETURNING *, (xmax = 0) AS fired`.execute(db);
  const { fired, ...alert } = rows[0] as AlertRow & { fired: boolean };
  return { alert, fired };
}

/**
 * Resolves the firing alerts of `rule` whose key is not in `stillFiring`; returns those it
 * resolved. Of two evaluations resolving one alert, the second waits for the row and then finds
 * it resolved, so each resolution is told once.
 */
export async function resolveAllBut(
  db: Db,
  rule: string,
  stillFiring: string[],
  now: Date,
): Promise<AlertRow[]> {
  const { rows } = await sql<AlertRow>`
    UPDATE alerts SET state = 'resolved', resolved_at = ${now}
    WHERE rule = ${rule} AND state = 'firing' AND key <> ALL(${stillFiring}::text[])
    RETURNING *`.execute(db);
  return rows;
}

/** Filters of the operators' list. */
export interface AlertFilter {
  state?: 'firing' | 'resolved';
  rule?: string;
}

/** Alerts newest first (UUIDv7 ids), older than the cursor's `before`. */
export function listAlerts(
  db: Db,
  filter: AlertFilter,
  before: string | undefined,
  limit: number,
): Promise<AlertRow[]> {
  let query = db.selectFrom('alerts').selectAll().orderBy('id', 'desc').limit(limit);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.rule) query = query.where('rule', '=', filter.rule);
  if (before) query = query.where('id', '<', before);
  return query.execute();
}

/** The number of firing alerts by rule (for the `meridian_alerts_firing` gauge). */
export async function countFiringByRule(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('alerts')
    .select(['rule', sql<number>`count(*)::int`.as('count')])
    .where('state', '=', 'firing')
    .groupBy('rule')
    .execute();
  return new Map(rows.map((row) => [row.rule, row.count]));
}
