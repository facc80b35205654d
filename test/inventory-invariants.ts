import { sql } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';

// The invariants of inventory's stock (migrations/001_inventory.sql, docs/inventory.md), as SQL
// over the whole database: what the oversell test and the property test assert after their runs.
// Each query lists the rows that break an invariant, so an empty report is the proof and a
// failing one names the culprits.

/** The rows that break an invariant, by invariant; every list is empty when all hold. */
export interface InvariantReport {
  /** Levels with a stored quantity below zero. */
  negativeLevels: unknown[];
  /** Ledger rows whose `quantity_after` is below zero. */
  negativeLedgerRows: unknown[];
  /** Levels whose quantity of a state differs from the sum of that state's ledger deltas. */
  levelsOffLedger: unknown[];
  /**
   * Ledger rows whose `quantity_after` is not the running sum of their level and state's deltas
   * up to them (by id): a row written from a stale read of its level (a lost update).
   */
  ledgerRowsOffRunningSum: unknown[];
  /** Levels whose `reserved` differs from the open quantity of their reservations. */
  reservedOffReservations: unknown[];
  /**
   * Order lines whose reservations do not add up: reserved other than the line's quantity,
   * shipped + still held other than it on an open order, anything held by a closed one.
   */
  linesOffReservations: unknown[];
}

export const noViolations: InvariantReport = {
  negativeLevels: [],
  negativeLedgerRows: [],
  levelsOffLedger: [],
  ledgerRowsOffRunningSum: [],
  reservedOffReservations: [],
  linesOffReservations: [],
};

/**
 * Checks every invariant of every level, ledger row and reservation in the database (or of one
 * organisation's, with `orgId`: a property test's run, apart from the runs before it).
 *
 * @example
 * expect(await checkInvariants(database.db)).toEqual(noViolations);
 */
export async function checkInvariants(db: Db, orgId?: string): Promise<InvariantReport> {
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  // `AND <alias>.org_id = <orgId>`, or nothing: every table below has an org_id but the
  // reservations, which are scoped through their order.
  const of = (alias: string) => (orgId ? sql`AND ${sql.ref(`${alias}.org_id`)} = ${orgId}` : sql``);
  const reservationOf = (alias: string) =>
    orgId
      ? sql`AND ${sql.ref(`${alias}.order_id`)} IN (SELECT id FROM inventory_orders WHERE org_id = ${orgId})`
      : sql``;
  const [
    negativeLevels,
    negativeLedgerRows,
    levelsOffLedger,
    ledgerRowsOffRunningSum,
    reservedOffReservations,
    linesOffReservations,
  ] = await Promise.all([
    rows(sql`
      SELECT item_id, location_id, on_hand, reserved, incoming, damaged
        FROM inventory_levels l
       WHERE least(on_hand, reserved, incoming, damaged, safety_stock, reorder_point) < 0 ${of('l')}`),
    rows(sql`SELECT * FROM inventory_ledger g WHERE quantity_after < 0 ${of('g')}`),
    rows(sql`
      SELECT l.item_id, l.location_id, l.on_hand, l.reserved, l.incoming, l.damaged,
             s.on_hand AS ledger_on_hand, s.reserved AS ledger_reserved,
             s.incoming AS ledger_incoming, s.damaged AS ledger_damaged
        FROM inventory_levels l
        LEFT JOIN LATERAL (
          SELECT coalesce(sum(delta) FILTER (WHERE state = 'on_hand'), 0) AS on_hand,
                 coalesce(sum(delta) FILTER (WHERE state = 'reserved'), 0) AS reserved,
                 coalesce(sum(delta) FILTER (WHERE state = 'incoming'), 0) AS incoming,
                 coalesce(sum(delta) FILTER (WHERE state = 'damaged'), 0) AS damaged
            FROM inventory_ledger g
           WHERE g.item_id = l.item_id AND g.location_id = l.location_id
        ) s ON true
       WHERE (l.on_hand, l.reserved, l.incoming, l.damaged)
             IS DISTINCT FROM (s.on_hand, s.reserved, s.incoming, s.damaged) ${of('l')}
      UNION ALL
      -- Ledger rows of a level that does not exist.
      SELECT g.item_id, g.location_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM inventory_ledger g
       WHERE NOT EXISTS (SELECT 1 FROM inventory_levels l
                          WHERE l.item_id = g.item_id AND l.location_id = g.location_id)
             ${of('g')}`),
    rows(sql`
      SELECT id, item_id, location_id, state, delta, quantity_after, running
        FROM (SELECT *, sum(delta) OVER (PARTITION BY item_id, location_id, state ORDER BY id)
                        AS running
                FROM inventory_ledger) g
       WHERE quantity_after <> running ${of('g')}`),
    rows(sql`
      SELECT l.item_id, l.location_id, l.reserved, coalesce(r.open, 0) AS open
        FROM inventory_levels l
        LEFT JOIN (SELECT item_id, location_id, sum(open) AS open
                     FROM inventory_reservations GROUP BY item_id, location_id) r
          ON r.item_id = l.item_id AND r.location_id = l.location_id
       WHERE l.reserved <> coalesce(r.open, 0) ${of('l')}
      UNION ALL
      SELECT r.item_id, r.location_id, NULL, sum(r.open)
        FROM inventory_reservations r
       WHERE NOT EXISTS (SELECT 1 FROM inventory_levels l
                          WHERE l.item_id = r.item_id AND l.location_id = r.location_id)
             ${reservationOf('r')}
       GROUP BY r.item_id, r.location_id`),
    rows(sql`
      SELECT o.id, o.state, ln.line_no, ln.quantity, ln.fulfilled,
             coalesce(sum(r.open), 0) AS open, coalesce(sum(r.quantity), 0) AS reserved_total
        FROM inventory_orders o
        JOIN inventory_order_lines ln ON ln.order_id = o.id
        LEFT JOIN inventory_reservations r ON r.order_id = o.id AND r.line_no = ln.line_no
       WHERE true ${of('o')}
       GROUP BY o.id, o.state, ln.line_no, ln.quantity, ln.fulfilled
      HAVING coalesce(sum(r.quantity), 0) <> ln.quantity
          OR (o.state IN ('reserved', 'partially_fulfilled')
              AND ln.fulfilled + coalesce(sum(r.open), 0) <> ln.quantity)
          OR (o.state IN ('fulfilled', 'cancelled', 'expired') AND coalesce(sum(r.open), 0) <> 0)
          OR (o.state = 'fulfilled' AND ln.fulfilled <> ln.quantity)`),
  ]);
  return {
    negativeLevels,
    negativeLedgerRows,
    levelsOffLedger,
    ledgerRowsOffRunningSum,
    reservedOffReservations,
    linesOffReservations,
  };
}

/**
 * Every ledger row (of one organisation, with `orgId`) by id, as text: to prove that a later
 * snapshot only added rows.
 */
export async function ledgerSnapshot(db: Db, orgId?: string): Promise<Map<number, string>> {
  const { rows } = await sql<{ id: string; row: string }>`
    SELECT id::text, row_to_json(g)::text AS row FROM inventory_ledger g
     WHERE ${orgId ?? null}::uuid IS NULL OR g.org_id = ${orgId ?? null}::uuid
     ORDER BY id`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.row]));
}

/**
 * The ledger rows of `before` that are gone or changed in `after` (none, if the ledger was only
 * appended to).
 */
export function ledgerRewrites(before: Map<number, string>, after: Map<number, string>) {
  return [...before].filter(([id, row]) => after.get(id) !== row).map(([id]) => id);
}
