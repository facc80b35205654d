import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { AlertFiring, AlertRule } from '../platform/module.ts';

// The reconcile job (docs/inventory.md, "Analytics and reconcile") proves the invariants of
// migrations/001_inventory.sql on every level at once and records what breaks them; it never
// repairs anything: drift means a bug or a hand-made change, and a person decides.
//
//   ledger        each quantity = the sum of its ledger rows in that state
//   reservations  reserved = the open quantity of the level's reservations
//   negative      no quantity, stored or summed from the ledger, below zero
//
// The ledger's sums come from the last closed daily snapshot plus the ledger rows since then:
// the ledger is append-only (its trigger), so a closed day's sums never change, and a run reads
// about a day of ledger instead of all of it. It is one statement, so it sees one snapshot of
// the database: a stock change commits its level and its ledger rows together, and is either
// wholly in the run or wholly out of it.

/** Runs the reconcile (`inventory.reconcile`), every 10 minutes from the module's periodic. */
export const reconcileJob = defineJob('inventory.reconcile', { maxAttempts: 3 });

/** The periodic entry that enqueues `reconcileJob`. */
export const reconcilePeriodic = {
  name: reconcileJob.kind,
  every: 600_000,
  job: reconcileJob.spec(),
};

/** Runs older than this are deleted by the next run. */
const keepRunsFor = '7 days';

const quantities = sql`
  sum(on_hand) AS on_hand, sum(reserved) AS reserved,
  sum(incoming) AS incoming, sum(damaged) AS damaged`;

/**
 * Checks every level, records the run and its drift (one row per level, invariant and state)
 * and deletes runs past a week. Returns the run's id and how much drift it found.
 */
export async function reconcile(db: Db): Promise<{ runId: number; driftFound: number }> {
  const { rows } = await sql<{ id: number; drift_found: number }>`
    WITH closed AS (SELECT summarised_through AS day FROM inventory_analytics_state),
    summed AS (
      SELECT org_id, item_id, location_id, on_hand, reserved, incoming, damaged
        FROM inventory_daily_levels WHERE day = (SELECT day FROM closed)
      UNION ALL
      SELECT org_id, item_id, location_id,
             sum(delta) FILTER (WHERE state = 'on_hand'),
             sum(delta) FILTER (WHERE state = 'reserved'),
             sum(delta) FILTER (WHERE state = 'incoming'),
             sum(delta) FILTER (WHERE state = 'damaged')
        FROM inventory_ledger
       WHERE created_at >= coalesce(((SELECT day FROM closed) + 1)::timestamp AT TIME ZONE 'UTC',
                                    '-infinity')
       GROUP BY org_id, item_id, location_id
    ), ledger AS (
      SELECT org_id, item_id, location_id, ${quantities}
        FROM summed GROUP BY org_id, item_id, location_id
    ), held AS (
      SELECT item_id, location_id, sum(open) AS reserved
        FROM inventory_reservations WHERE open > 0 GROUP BY item_id, location_id
    ), compared AS (
      SELECT coalesce(l.org_id, g.org_id) AS org_id,
             coalesce(l.item_id, g.item_id) AS item_id,
             coalesce(l.location_id, g.location_id) AS location_id,
             coalesce(l.on_hand, 0) AS on_hand, coalesce(g.on_hand, 0) AS ledger_on_hand,
             coalesce(l.reserved, 0) AS reserved, coalesce(g.reserved, 0) AS ledger_reserved,
             coalesce(l.incoming, 0) AS incoming, coalesce(g.incoming, 0) AS ledger_incoming,
             coalesce(l.damaged, 0) AS damaged, coalesce(g.damaged, 0) AS ledger_damaged,
             coalesce(h.reserved, 0) AS held
        FROM inventory_levels l
        FULL JOIN ledger g ON g.item_id = l.item_id AND g.location_id = l.location_id
        LEFT JOIN held h
               ON h.item_id = coalesce(l.item_id, g.item_id)
              AND h.location_id = coalesce(l.location_id, g.location_id)
    ), drift AS (
      SELECT c.org_id, c.item_id, c.location_id, v.invariant, v.state, v.stored, v.expected
        FROM compared c
       CROSS JOIN LATERAL (VALUES
         ('ledger', 'on_hand', c.on_hand, c.ledger_on_hand),
         ('ledger', 'reserved', c.reserved, c.ledger_reserved),
         ('ledger', 'incoming', c.incoming, c.ledger_incoming),
         ('ledger', 'damaged', c.damaged, c.ledger_damaged),
         ('reservations', 'reserved', c.reserved, c.held),
         ('negative', 'on_hand', c.on_hand, c.ledger_on_hand),
         ('negative', 'reserved', c.reserved, c.ledger_reserved),
         ('negative', 'incoming', c.incoming, c.ledger_incoming),
         ('negative', 'damaged', c.damaged, c.ledger_damaged)
       ) AS v (invariant, state, stored, expected)
       WHERE CASE WHEN v.invariant = 'negative' THEN least(v.stored, v.expected) < 0
                  ELSE v.stored <> v.expected END
    ), run AS (
      INSERT INTO inventory_reconcile_runs (started_at, finished_at, levels_checked, drift_found)
      SELECT now(), clock_timestamp(), (SELECT count(*) FROM compared), (SELECT count(*) FROM drift)
      RETURNING id, drift_found
    ), recorded AS (
      INSERT INTO inventory_reconcile_drift
             (run_id, org_id, item_id, location_id, invariant, state, stored, expected)
      SELECT run.id, drift.* FROM run, drift
    )
    SELECT id, drift_found FROM run`.execute(db);
  const run = rows[0] as { id: number; drift_found: number };
  await sql`
    DELETE FROM inventory_reconcile_runs
     WHERE started_at < now() - ${keepRunsFor}::interval`.execute(db);
  return { runId: run.id, driftFound: run.drift_found };
}

/**
 * The drift the latest reconcile run found, one entry per level, invariant and state; empty
 * when it found none (or none ran yet). The alert rule 'inventory-reconcile-drift' reads it.
 */
export async function currentDrift(db: Db): Promise<AlertFiring[]> {
  const { rows } = await sql<{
    run_id: number;
    finished_at: Date;
    org_id: string;
    item_id: string;
    location_id: string;
    sku: string | null;
    location_name: string | null;
    invariant: 'ledger' | 'reservations' | 'negative';
    state: string;
    stored: number;
    expected: number;
  }>`
    SELECT d.*, r.finished_at, i.sku, loc.name AS location_name
      FROM inventory_reconcile_drift d
      JOIN inventory_reconcile_runs r ON r.id = d.run_id
      LEFT JOIN inventory_items i ON i.id = d.item_id
      LEFT JOIN inventory_locations loc ON loc.id = d.location_id
     WHERE d.run_id = (SELECT max(id) FROM inventory_reconcile_runs)
     ORDER BY d.org_id, i.sku, loc.name, d.invariant, d.state`.execute(db);
  const against = {
    ledger: 'its ledger rows sum to',
    reservations: 'its open reservations hold',
    negative: 'below zero; its ledger rows sum to',
  };
  return rows.map((row) => ({
    key: `${row.org_id}/${row.item_id}/${row.location_id}/${row.invariant}/${row.state}`,
    summary: `${row.sku ?? row.item_id} at ${row.location_name ?? row.location_id}: ${row.state} is ${row.stored}, ${against[row.invariant]} ${row.expected}`,
    details: row,
  }));
}

/**
 * Operators hear of drift the reconcile job found (it never fixes it): one alert per level,
 * invariant and state, resolved once a later run finds it gone.
 */
export const reconcileDriftRule: AlertRule = {
  name: 'inventory-reconcile-drift',
  severity: 'critical',
  evaluate: (core) => currentDrift(core.database.db),
};
