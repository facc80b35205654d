import { type RawBuilder, sql } from 'kysely';
import { type Db, transaction } from '../../platform/db/database.ts';

// The SQL of the reports (docs/inventory.md, "Analytics and reconcile"). Each reads the daily
// snapshots (inventory_daily_levels, or their sums per item, inventory_daily_items, and
// inventory_daily_movements) of one organisation over a range of days, through their primary keys
// (org_id, day, …), so a report costs the days and levels it covers, never the ledger's history; low stock, days of cover and dead stock read the live
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

// A report aggregates rows `x` (with item_id and location_id) by the group's id first, and names
// the groups after: the joins that give labels then touch one row per group, not one per level
// and day. Only a category needs its item while aggregating.
const groupKey: Record<GroupBy, RawBuilder<unknown>> = {
  item: sql`x.item_id`,
  category: sql`i.category_id`,
  location: sql`x.location_id`,
};
const itemOf = (groupBy: GroupBy) =>
  groupBy === 'category' ? sql`JOIN inventory_items i ON i.id = x.item_id` : sql``;
const labels: Record<GroupBy, RawBuilder<unknown>> = {
  item: sql`i.sku || ' ' || i.name AS label FROM g JOIN inventory_items i ON i.id = g.key`,
  category: sql`coalesce(c.name, '(no category)') AS label
                FROM g LEFT JOIN inventory_categories c ON c.id = g.key`,
  location: sql`loc.name AS label FROM g JOIN inventory_locations loc ON loc.id = g.key`,
};

/** `g` (its first column `key`, the group's id) with each group's label; `g.*` is every figure. */
const named = (
  q: ReportQuery,
  g: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
) => sql<ReportRow>`
  WITH g AS (${g})
  SELECT g.*, ${labels[q.groupBy]}
   ORDER BY ${order}`;

/**
 * Runs a report's query with room to sort in memory: a 90-day report by item sorts some 45,000
 * rows, which spill to disk under PostgreSQL's default 4 MB.
 */
function rows(db: Db, query: RawBuilder<ReportRow>): Promise<ReportRow[]> {
  return transaction(db, async (tx) => {
    await sql`SET LOCAL work_mem = '32MB'`.execute(tx);
    return (await query.execute(tx)).rows;
  });
}

/** The daily table a grouping reads: the items' sums unless it is by location. */
const daily = (groupBy: GroupBy) =>
  groupBy === 'location' ? sql`inventory_daily_levels` : sql`inventory_daily_items`;

const levelsIn = (q: ReportQuery) => sql`
  ${daily(q.groupBy)} x ${itemOf(q.groupBy)}
  WHERE x.org_id = ${q.orgId} AND x.day BETWEEN ${q.from}::date AND ${q.to}::date`;

/** Stock at the end of each day, per group: quantities in each state and their value. */
export function stockOnHand(db: Db, q: ReportQuery) {
  // By item, inventory_daily_items already holds one row per group and day: nothing to sum.
  const g =
    q.groupBy === 'item'
      ? sql`
        SELECT x.item_id AS key, x.day::text AS day, x.on_hand, x.reserved, x.incoming,
               x.damaged, x.value
          FROM ${levelsIn(q)}`
      : sql`
        SELECT ${groupKey[q.groupBy]} AS key, x.day::text AS day,
               sum(x.on_hand)::bigint AS on_hand, sum(x.reserved)::bigint AS reserved,
               sum(x.incoming)::bigint AS incoming, sum(x.damaged)::bigint AS damaged,
               sum(x.value)::bigint AS value
          FROM ${levelsIn(q)}
         GROUP BY 1, x.day`;
  return rows(db, named(q, g, sql`g.day, label`));
}

/** Units in and out per group, state and reason over the range. */
export function movements(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT ${groupKey[q.groupBy]} AS key, x.state, x.reason,
           sum(x.units_in)::bigint AS units_in, sum(x.units_out)::bigint AS units_out,
           sum(x.units_in - x.units_out)::bigint AS net
      FROM inventory_daily_movements x ${itemOf(q.groupBy)}
     WHERE x.org_id = ${q.orgId} AND x.day BETWEEN ${q.from}::date AND ${q.to}::date
     GROUP BY 1, x.state, x.reason`;
  return rows(db, named(q, g, sql`label, g.state, g.reason`));
}

/** Units sold in the 7 and 30 days that end on `to`, and per day. */
export function velocity(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT ${groupKey[q.groupBy]} AS key,
           coalesce(sum(x.units_sold) FILTER (WHERE x.day > ${q.to}::date - 7), 0)::bigint
             AS sold_7d,
           sum(x.units_sold)::bigint AS sold_30d,
           round(coalesce(sum(x.units_sold) FILTER (WHERE x.day > ${q.to}::date - 7), 0)
                 / 7.0, 4)::float8 AS per_day_7d,
           round(sum(x.units_sold) / 30.0, 4)::float8 AS per_day_30d
      FROM ${daily(q.groupBy)} x ${itemOf(q.groupBy)}
     WHERE x.org_id = ${q.orgId} AND x.day > ${q.to}::date - 30 AND x.day <= ${q.to}::date
     GROUP BY 1`;
  return rows(db, named(q, g, sql`g.per_day_30d DESC, label`));
}

/** Available now over the units sold per day in the 30 days to `to`. */
export function daysOfCover(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT ${groupKey[q.groupBy]} AS key, sum(x.available)::bigint AS available,
           sum(x.sold)::bigint AS sold_30d, round(sum(x.sold) / 30.0, 4)::float8 AS per_day,
           CASE WHEN sum(x.sold) > 0
                THEN round(sum(x.available) / (sum(x.sold) / 30.0), 1)::float8 END
             AS days_of_cover
      FROM (
        SELECT l.item_id, l.location_id, l.on_hand - l.reserved - l.safety_stock AS available,
               coalesce(s.sold, 0) AS sold
          FROM inventory_levels l
          LEFT JOIN (
            SELECT item_id, location_id, sum(units_sold) AS sold
              FROM inventory_daily_levels
             WHERE org_id = ${q.orgId} AND day > ${q.to}::date - 30 AND day <= ${q.to}::date
             GROUP BY item_id, location_id
          ) s USING (item_id, location_id)
         WHERE l.org_id = ${q.orgId}
      ) x ${itemOf(q.groupBy)}
     GROUP BY 1`;
  return rows(db, named(q, g, sql`g.days_of_cover NULLS LAST, label`));
}

/** Sold over the range against sold plus on hand at its end. */
export function sellThrough(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT key, sold::bigint AS sold, on_hand_end::bigint AS on_hand_end,
           round(sold / nullif(sold + on_hand_end, 0), 4)::float8 AS sell_through
      FROM (SELECT ${groupKey[q.groupBy]} AS key, sum(x.units_sold) AS sold,
                   coalesce(sum(x.on_hand) FILTER (WHERE x.day = ${q.to}::date), 0) AS on_hand_end
              FROM ${levelsIn(q)}
             GROUP BY 1) s`;
  return rows(db, named(q, g, sql`g.sell_through DESC NULLS LAST, label`));
}

/**
 * ABC by consumption value (units sold at the weighted average cost of their day): ranked from
 * the most valuable down, a group is A while the groups above it hold less than 80% of the
 * total, B while they hold less than 95%, C after that and whenever it consumed nothing.
 */
export function abc(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT key, sold::bigint AS sold, round(value)::bigint AS consumption_value,
           coalesce(round(value / nullif(total, 0), 4), 0)::float8 AS share,
           CASE WHEN value <= 0 THEN 'C' WHEN above < 0.8 * total THEN 'A'
                WHEN above < 0.95 * total THEN 'B' ELSE 'C' END AS class
      FROM (
        SELECT *, coalesce(sum(value) OVER (ORDER BY value DESC, key
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above,
               sum(value) OVER () AS total
          FROM (SELECT ${groupKey[q.groupBy]} AS key, sum(x.units_sold) AS sold,
                       sum(x.sold_value) AS value
                  FROM ${levelsIn(q)}
                 GROUP BY 1) s
      ) ranked`;
  return rows(db, named(q, g, sql`g.consumption_value DESC, label`));
}

/** On hand and its value at the weighted average cost, at the end of day `to`. */
export function valuation(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT ${groupKey[q.groupBy]} AS key, sum(x.on_hand)::bigint AS on_hand,
           CASE WHEN sum(x.on_hand) FILTER (WHERE x.unit_cost IS NOT NULL) > 0
                THEN round(sum(x.value) / sum(x.on_hand) FILTER (WHERE x.unit_cost IS NOT NULL),
                           4)::float8 END AS unit_cost,
           sum(x.value)::bigint AS value,
           coalesce(sum(x.on_hand) FILTER (WHERE x.unit_cost IS NULL), 0)::bigint
             AS unvalued_units
      FROM inventory_daily_levels x ${itemOf(q.groupBy)}
     WHERE x.org_id = ${q.orgId} AND x.day = ${q.to}::date
     GROUP BY 1`;
  return rows(db, named(q, g, sql`g.value DESC, label`));
}

/** Levels now at or below their reorder point (those with one), most short first. */
export function lowStock(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT ${groupKey[q.groupBy]} AS key, x.item_id::text AS item_id, it.sku,
           x.location_id::text AS location_id, lo.name AS location_name,
           x.on_hand, x.reserved, x.safety_stock, x.reorder_point,
           x.on_hand - x.reserved - x.safety_stock AS available
      FROM inventory_levels x ${itemOf(q.groupBy)}
      JOIN inventory_items it ON it.id = x.item_id
      JOIN inventory_locations lo ON lo.id = x.location_id
     WHERE x.org_id = ${q.orgId} AND x.reorder_point > 0
       AND x.on_hand - x.reserved - x.safety_stock <= x.reorder_point`;
  return rows(db, named(q, g, sql`g.available - g.reorder_point, g.sku, g.location_name`));
}

/** Stock on hand now at levels that sold nothing in the `days` days to `to`. */
export function deadStock(db: Db, q: ReportQuery) {
  const g = sql`
    SELECT ${groupKey[q.groupBy]} AS key, count(*)::int AS levels,
           sum(x.on_hand)::bigint AS on_hand,
           round(coalesce(sum(x.on_hand * x.unit_cost), 0))::bigint AS value,
           max(x.last_sale)::text AS last_sale_day
      FROM (
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
      ) x ${itemOf(q.groupBy)}
     WHERE x.last_sale IS NULL OR x.last_sale <= ${q.to}::date - ${q.days}::int
     GROUP BY 1`;
  return rows(db, named(q, g, sql`g.value DESC, label`));
}
