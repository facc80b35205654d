import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// The SQL of the reports (docs/inventory.md, "Analytics and reconcile"). Each reads the daily
// snapshots (inventory_daily_levels, inventory_daily_movements) of one organisation over a range
// of days, through their primary keys (org_id, day, …), so a report costs the days and levels it
// covers, never the ledger's history; low stock, days of cover and dead stock read the live
// levels too. Sums are cast back to bigint (read as numbers), money is rounded to minor units.

/** What the rows are grouped by. */
export type GroupBy = 'item' | 'category' | 'location';

/** A row of a report: its group, then the report's figures. */
export type ReportRow = { key: string | null; label: string } & Record<string, unknown>;

/** One report's query: an organisation, a range of UTC days (inclusive) and a grouping. */
export interface ReportQuery {
  orgId: string;
  from: string;
  to: string;
  groupBy: GroupBy;
  /** Dead stock: no sale in this many days. */
  days: number;
}

// `x` is a row with item_id and location_id; these joins name its group.
const joins = sql`
  JOIN inventory_items i ON i.id = x.item_id
  LEFT JOIN inventory_categories c ON c.id = i.category_id
  JOIN inventory_locations loc ON loc.id = x.location_id`;

const groupColumns: Record<GroupBy, RawBuilder<unknown>> = {
  item: sql`i.id::text AS key, i.sku || ' ' || i.name AS label`,
  category: sql`c.id::text AS key, coalesce(c.name, '(no category)') AS label`,
  location: sql`loc.id::text AS key, loc.name AS label`,
};
const groupKeys: Record<GroupBy, RawBuilder<unknown>> = {
  item: sql`i.id, i.sku, i.name`,
  category: sql`c.id, c.name`,
  location: sql`loc.id, loc.name`,
};

async function rows<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

const levelsIn = (q: ReportQuery) => sql`
  inventory_daily_levels x ${joins}
  WHERE x.org_id = ${q.orgId} AND x.day BETWEEN ${q.from}::date AND ${q.to}::date`;

/** Stock at the end of each day, per group: quantities in each state and their value. */
export function stockOnHand(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      SELECT x.day::text AS day, ${groupColumns[q.groupBy]},
             sum(x.on_hand)::bigint AS on_hand, sum(x.reserved)::bigint AS reserved,
             sum(x.incoming)::bigint AS incoming, sum(x.damaged)::bigint AS damaged,
             round(sum(x.value))::bigint AS value
        FROM ${levelsIn(q)}
       GROUP BY x.day, ${groupKeys[q.groupBy]}
       ORDER BY x.day, label`,
  );
}

/** Units in and out per group, state and reason over the range. */
export function movements(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      SELECT ${groupColumns[q.groupBy]}, x.state, x.reason,
             sum(x.units_in)::bigint AS units_in, sum(x.units_out)::bigint AS units_out,
             sum(x.units_in - x.units_out)::bigint AS net
        FROM inventory_daily_movements x ${joins}
       WHERE x.org_id = ${q.orgId} AND x.day BETWEEN ${q.from}::date AND ${q.to}::date
       GROUP BY ${groupKeys[q.groupBy]}, x.state, x.reason
       ORDER BY label, x.state, x.reason`,
  );
}

/** Units sold in the 7 and 30 days that end on `to`, and per day. */
export function velocity(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      SELECT ${groupColumns[q.groupBy]},
             coalesce(sum(x.units_sold) FILTER (WHERE x.day > ${q.to}::date - 7), 0)::bigint
               AS sold_7d,
             sum(x.units_sold)::bigint AS sold_30d,
             round(coalesce(sum(x.units_sold) FILTER (WHERE x.day > ${q.to}::date - 7), 0)
                   / 7.0, 4)::float8 AS per_day_7d,
             round(sum(x.units_sold) / 30.0, 4)::float8 AS per_day_30d
        FROM inventory_daily_levels x ${joins}
       WHERE x.org_id = ${q.orgId} AND x.day > ${q.to}::date - 30 AND x.day <= ${q.to}::date
       GROUP BY ${groupKeys[q.groupBy]}
       ORDER BY per_day_30d DESC, label`,
  );
}

/** Available now over the units sold per day in the 30 days to `to`. */
export function daysOfCover(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      WITH sold AS (
        SELECT item_id, location_id, sum(units_sold) AS sold
          FROM inventory_daily_levels
         WHERE org_id = ${q.orgId} AND day > ${q.to}::date - 30 AND day <= ${q.to}::date
         GROUP BY item_id, location_id
      ), x AS (
        SELECT l.item_id, l.location_id, l.on_hand - l.reserved - l.safety_stock AS available,
               coalesce(s.sold, 0) AS sold
          FROM inventory_levels l
          LEFT JOIN sold s USING (item_id, location_id)
         WHERE l.org_id = ${q.orgId}
      )
      SELECT ${groupColumns[q.groupBy]}, sum(x.available)::bigint AS available,
             sum(x.sold)::bigint AS sold_30d, round(sum(x.sold) / 30.0, 4)::float8 AS per_day,
             CASE WHEN sum(x.sold) > 0
                  THEN round(sum(x.available) / (sum(x.sold) / 30.0), 1)::float8 END
               AS days_of_cover
        FROM x ${joins}
       GROUP BY ${groupKeys[q.groupBy]}
       ORDER BY days_of_cover NULLS LAST, label`,
  );
}

/** Sold over the range against sold plus on hand at its end. */
export function sellThrough(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      SELECT ${groupColumns[q.groupBy]}, sum(x.units_sold)::bigint AS sold,
             coalesce(sum(x.on_hand) FILTER (WHERE x.day = ${q.to}::date), 0)::bigint
               AS on_hand_end,
             round(sum(x.units_sold) / nullif(sum(x.units_sold)
                   + coalesce(sum(x.on_hand) FILTER (WHERE x.day = ${q.to}::date), 0), 0),
                   4)::float8 AS sell_through
        FROM ${levelsIn(q)}
       GROUP BY ${groupKeys[q.groupBy]}
       ORDER BY sell_through DESC NULLS LAST, label`,
  );
}

/**
 * ABC by consumption value (units sold at the weighted average cost of their day): ranked from
 * the most valuable down, a group is A while the groups above it hold less than 80% of the
 * total, B while they hold less than 95%, C after that and whenever it consumed nothing.
 */
export function abc(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      WITH g AS (
        SELECT ${groupColumns[q.groupBy]}, sum(x.units_sold) AS sold, sum(x.sold_value) AS value
          FROM ${levelsIn(q)}
         GROUP BY ${groupKeys[q.groupBy]}
      ), ranked AS (
        SELECT *, coalesce(sum(value) OVER (ORDER BY value DESC, label
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above,
               sum(value) OVER () AS total
          FROM g
      )
      SELECT key, label, sold::bigint AS sold, round(value)::bigint AS consumption_value,
             coalesce(round(value / nullif(total, 0), 4), 0)::float8 AS share,
             CASE WHEN value <= 0 THEN 'C' WHEN above < 0.8 * total THEN 'A'
                  WHEN above < 0.95 * total THEN 'B' ELSE 'C' END AS class
        FROM ranked
       ORDER BY value DESC, label`,
  );
}

/** On hand and its value at the weighted average cost, at the end of day `to`. */
export function valuation(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      SELECT ${groupColumns[q.groupBy]}, sum(x.on_hand)::bigint AS on_hand,
             CASE WHEN sum(x.on_hand) FILTER (WHERE x.unit_cost IS NOT NULL) > 0
                  THEN round(sum(x.value) / sum(x.on_hand) FILTER (WHERE x.unit_cost IS NOT NULL),
                             4)::float8 END AS unit_cost,
             round(sum(x.value))::bigint AS value,
             coalesce(sum(x.on_hand) FILTER (WHERE x.unit_cost IS NULL), 0)::bigint
               AS unvalued_units
        FROM inventory_daily_levels x ${joins}
       WHERE x.org_id = ${q.orgId} AND x.day = ${q.to}::date
       GROUP BY ${groupKeys[q.groupBy]}
       ORDER BY value DESC, label`,
  );
}

/** Levels now at or below their reorder point (those with one), most short first. */
export function lowStock(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      SELECT ${groupColumns[q.groupBy]}, x.item_id::text AS item_id, i.sku,
             x.location_id::text AS location_id, loc.name AS location_name,
             x.on_hand, x.reserved, x.safety_stock, x.reorder_point,
             x.on_hand - x.reserved - x.safety_stock AS available
        FROM inventory_levels x ${joins}
       WHERE x.org_id = ${q.orgId} AND x.reorder_point > 0
         AND x.on_hand - x.reserved - x.safety_stock <= x.reorder_point
       ORDER BY x.on_hand - x.reserved - x.safety_stock - x.reorder_point, i.sku, loc.name`,
  );
}

/** Stock on hand now at levels that sold nothing in the `days` days to `to`. */
export function deadStock(db: Db, q: ReportQuery) {
  return rows(
    db,
    sql<ReportRow>`
      WITH x AS (
        SELECT l.item_id, l.location_id, l.on_hand, last.day AS last_sale, d.unit_cost
          FROM inventory_levels l
          LEFT JOIN LATERAL (
            SELECT max(m.day) AS day FROM inventory_daily_movements m
             WHERE m.org_id = l.org_id AND m.item_id = l.item_id
               AND m.location_id = l.location_id AND m.reason = 'sale'
               AND m.state = 'on_hand' AND m.units_out > 0 AND m.day <= ${q.to}::date
          ) last ON true
          LEFT JOIN inventory_daily_levels d
                 ON d.org_id = l.org_id AND d.day = ${q.to}::date
                AND d.item_id = l.item_id AND d.location_id = l.location_id
         WHERE l.org_id = ${q.orgId} AND l.on_hand > 0
      )
      SELECT ${groupColumns[q.groupBy]}, count(*)::int AS levels,
             sum(x.on_hand)::bigint AS on_hand,
             round(coalesce(sum(x.on_hand * x.unit_cost), 0))::bigint AS value,
             max(x.last_sale)::text AS last_sale_day
        FROM x ${joins}
       WHERE x.last_sale IS NULL OR x.last_sale <= ${q.to}::date - ${q.days}::int
       GROUP BY ${groupKeys[q.groupBy]}
       ORDER BY value DESC, label`,
  );
}
