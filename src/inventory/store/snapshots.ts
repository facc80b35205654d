import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// The SQL of the daily snapshots (migrations/003_analytics.sql). A day is a UTC calendar day of
// the ledger's `created_at`, given as 'YYYY-MM-DD'. `summariseDay` (re)writes one day's
// movements and levels from the ledger and the day before; `closeDay` makes it final.

/** The start of UTC day `day` as a timestamptz expression, whatever the session's time zone. */
const startOf = (day: string) => sql`((${day}::date)::timestamp AT TIME ZONE 'UTC')`;
const startAfter = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'UTC')`;

/**
 * Locks the one state row (two runs never interleave) and reads the last closed day, and the
 * first day to summarise: the one after it, or while none is closed the day of the earliest
 * ledger row (undefined: the ledger is empty). That scan of the ledger happens only until the
 * first day closes, or once on a first run over an existing ledger; it is by time, not by the
 * least id, because ids are not in time order across processes.
 */
export async function lockWatermark(
  tx: Db,
): Promise<{ closedThrough: string | null; firstDay: string | undefined }> {
  const { rows } = await sql<{ closed_through: string | null; first_day: string | null }>`
    SELECT s.summarised_through::text AS closed_through,
           CASE WHEN s.summarised_through IS NULL THEN
             (SELECT (min(created_at) AT TIME ZONE 'UTC')::date::text FROM inventory_ledger)
           END AS first_day
      FROM inventory_analytics_state s
       FOR UPDATE`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error('inventory_analytics_state has no row: migration 003 not applied?');
  const firstDay = row.closed_through ? nextDay(row.closed_through) : row.first_day;
  return { closedThrough: row.closed_through, firstDay: firstDay ?? undefined };
}

/** 'YYYY-MM-DD' of the day after `day`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Rewrites day `day`: its movements from the ledger, then each level at its end from the level
 * at the end of the day before plus the day's movements, valued at the item's weighted average
 * cost (receipts through the last closed day, `inventory_item_costs`, plus the costed receipts
 * of the open days up to this one), and the items' sums over their locations. Levels with
 * nothing in any state and no movement get no row.
 */
export async function summariseDay(tx: Db, day: string, closedThrough: string | null) {
  await sql`DELETE FROM inventory_daily_movements WHERE day = ${day}::date`.execute(tx);
  await sql`
    INSERT INTO inventory_daily_movements
           (org_id, day, item_id, location_id, state, reason,
            units_in, units_out, cost_units, cost_total)
    SELECT org_id, ${day}::date, item_id, location_id, state, reason,
           coalesce(sum(delta) FILTER (WHERE delta > 0), 0),
           coalesce(-sum(delta) FILTER (WHERE delta < 0), 0),
           coalesce(sum(delta) FILTER (WHERE delta > 0 AND unit_cost IS NOT NULL), 0),
           coalesce(sum(delta::numeric * unit_cost)
                      FILTER (WHERE delta > 0 AND unit_cost IS NOT NULL), 0)
      FROM inventory_ledger
     WHERE created_at >= ${startOf(day)} AND created_at < ${startAfter(day)}
     GROUP BY org_id, item_id, location_id, state, reason`.execute(tx);
  await sql`DELETE FROM inventory_daily_levels WHERE day = ${day}::date`.execute(tx);
  await sql`
    INSERT INTO inventory_daily_levels
           (org_id, day, item_id, location_id, on_hand, reserved, incoming, damaged,
            units_in, units_out, units_sold, unit_cost, value, sold_value)
    WITH moved AS (
      SELECT org_id, item_id, location_id,
             sum(units_in - units_out) FILTER (WHERE state = 'on_hand') AS on_hand,
             sum(units_in - units_out) FILTER (WHERE state = 'reserved') AS reserved,
             sum(units_in - units_out) FILTER (WHERE state = 'incoming') AS incoming,
             sum(units_in - units_out) FILTER (WHERE state = 'damaged') AS damaged,
             sum(units_in) FILTER (WHERE state = 'on_hand') AS units_in,
             sum(units_out) FILTER (WHERE state = 'on_hand') AS units_out,
             sum(units_out - units_in) FILTER (WHERE state = 'on_hand' AND reason = 'sale')
               AS units_sold
        FROM inventory_daily_movements
       WHERE day = ${day}::date
       GROUP BY org_id, item_id, location_id
    ), levels AS (
      SELECT coalesce(p.org_id, m.org_id) AS org_id,
             coalesce(p.item_id, m.item_id) AS item_id,
             coalesce(p.location_id, m.location_id) AS location_id,
             coalesce(p.on_hand, 0) + coalesce(m.on_hand, 0) AS on_hand,
             coalesce(p.reserved, 0) + coalesce(m.reserved, 0) AS reserved,
             coalesce(p.incoming, 0) + coalesce(m.incoming, 0) AS incoming,
             coalesce(p.damaged, 0) + coalesce(m.damaged, 0) AS damaged,
             coalesce(m.units_in, 0) AS units_in,
             coalesce(m.units_out, 0) AS units_out,
             coalesce(m.units_sold, 0) AS units_sold,
             m.item_id IS NOT NULL AS moved
        FROM (SELECT * FROM inventory_daily_levels WHERE day = ${day}::date - 1) p
        FULL JOIN moved m ON m.item_id = p.item_id AND m.location_id = p.location_id
    ), open_receipts AS (
      SELECT item_id, sum(cost_units) AS units, sum(cost_total) AS cost
        FROM inventory_daily_movements
       WHERE day > coalesce(${closedThrough}::date, '-infinity') AND day <= ${day}::date
         AND cost_units > 0
       GROUP BY item_id
    ), costs AS (
      SELECT item_id,
             (coalesce(c.received_cost, 0) + coalesce(r.cost, 0))
               / nullif(coalesce(c.received_units, 0) + coalesce(r.units, 0), 0) AS unit_cost
        FROM (SELECT DISTINCT item_id FROM levels) i
        LEFT JOIN inventory_item_costs c USING (item_id)
        LEFT JOIN open_receipts r USING (item_id)
    )
    SELECT l.org_id, ${day}::date, l.item_id, l.location_id,
           l.on_hand, l.reserved, l.incoming, l.damaged, l.units_in, l.units_out, l.units_sold,
           k.unit_cost,
           coalesce(round(l.on_hand * k.unit_cost), 0),
           coalesce(round(l.units_sold * k.unit_cost), 0)
      FROM levels l
      JOIN costs k USING (item_id)
     WHERE l.moved OR (l.on_hand, l.reserved, l.incoming, l.damaged) <> (0, 0, 0, 0)`.execute(tx);
  await sql`DELETE FROM inventory_daily_items WHERE day = ${day}::date`.execute(tx);
  await sql`
    INSERT INTO inventory_daily_items
           (org_id, day, item_id, on_hand, reserved, incoming, damaged,
            units_in, units_out, units_sold, value, sold_value)
    SELECT org_id, day, item_id, sum(on_hand), sum(reserved), sum(incoming), sum(damaged),
           sum(units_in), sum(units_out), sum(units_sold), sum(value), sum(sold_value)
      FROM inventory_daily_levels
     WHERE day = ${day}::date
     GROUP BY org_id, day, item_id`.execute(tx);
}

/** Makes `day` final: its costed receipts join the running totals and the watermark moves. */
export async function closeDay(tx: Db, day: string): Promise<void> {
  await sql`
    INSERT INTO inventory_item_costs (item_id, org_id, received_units, received_cost)
    SELECT item_id, org_id, sum(cost_units), sum(cost_total)
      FROM inventory_daily_movements
     WHERE day = ${day}::date AND cost_units > 0
     GROUP BY item_id, org_id
    ON CONFLICT (item_id) DO UPDATE
       SET received_units = inventory_item_costs.received_units + excluded.received_units,
           received_cost = inventory_item_costs.received_cost + excluded.received_cost`.execute(tx);
  await sql`UPDATE inventory_analytics_state SET summarised_through = ${day}::date`.execute(tx);
}
