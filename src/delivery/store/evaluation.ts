import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { operationTables as tables } from './operation-tables.ts';

// The SQL of the periodic evaluation (evaluation.ts): each service's nodes counted by phase, the
// nodes in danger or expired, the due deliveries waiting. Phases are renewal.ts's `nodePhase`,
// computed here from each node's issue and expiry and its service's window fractions; times of
// due and expiry are on the platform clock (`now`), slot leases on PostgreSQL's.

/** A node's point `fraction` of the way through its current metadata's life. */
const pointOf = (fraction: string) =>
  sql.raw(`n.issued_at + (n.expires_at - n.issued_at) * s.${fraction}`);

export interface ServiceCounts {
  service_id: string;
  org_id: string;
  name: string;
  failure_alarm_ratio: number;
  new: number;
  healthy: number;
  renewing: number;
  danger: number;
  expired: number;
  /** Nodes whose last delivery failed or was refused. */
  failing: number;
  /** Nodes with at least one delivery ended (the failure ratio's denominator). */
  decided: number;
  due_backlog: number;
  earliest_expiry: Date | null;
}

/** Every service with its nodes counted at `now`: one pass over the nodes. */
export async function countServices(db: Db, now: Date): Promise<ServiceCounts[]> {
  const current = sql`n.current_version IS NOT NULL`;
  const { rows } = await sql<ServiceCounts>`
    SELECT s.id AS service_id, s.org_id, s.name, s.failure_alarm_ratio,
      count(n.id) FILTER (WHERE n.id IS NOT NULL AND NOT ${current})::int AS new,
      count(*) FILTER (WHERE ${current} AND ${now} < ${pointOf('window_start')})::int AS healthy,
      count(*) FILTER (WHERE ${current} AND ${now} >= ${pointOf('window_start')}
                         AND ${now} < ${pointOf('danger_at')})::int AS renewing,
      count(*) FILTER (WHERE ${current} AND ${now} >= ${pointOf('danger_at')}
                         AND ${now} < n.expires_at)::int AS danger,
      count(*) FILTER (WHERE ${current} AND ${now} >= n.expires_at)::int AS expired,
      count(*) FILTER (WHERE n.state IN ('failed', 'refused'))::int AS failing,
      count(*) FILTER (WHERE n.state <> 'new')::int AS decided,
      count(*) FILTER (WHERE n.renew_at <= ${now}
        AND (n.delivering_until IS NULL OR n.delivering_until <= now()))::int AS due_backlog,
      min(n.expires_at) AS earliest_expiry
    FROM delivery_services s LEFT JOIN delivery_nodes n ON n.service_id = s.id
    GROUP BY s.id`.execute(db);
  return rows;
}

/** Stores the counts the metrics read (metrics.ts), replacing the last evaluation's. */
export async function saveGauges(db: Db, counts: ServiceCounts[], at: Date): Promise<void> {
  if (counts.length === 0) return;
  await tables(db)
    .insertInto('delivery_service_gauges')
    .values(
      counts.map((c) => ({
        service_id: c.service_id,
        new: c.new,
        healthy: c.healthy,
        renewing: c.renewing,
        danger: c.danger,
        expired: c.expired,
        failing: c.failing,
        due_backlog: c.due_backlog,
        earliest_expiry: c.earliest_expiry,
        evaluated_at: at,
      })),
    )
    .onConflict((conflict) =>
      conflict.column('service_id').doUpdateSet((eb) => ({
        new: eb.ref('excluded.new'),
        healthy: eb.ref('excluded.healthy'),
        renewing: eb.ref('excluded.renewing'),
        danger: eb.ref('excluded.danger'),
        expired: eb.ref('excluded.expired'),
        failing: eb.ref('excluded.failing'),
        due_backlog: eb.ref('excluded.due_backlog'),
        earliest_expiry: eb.ref('excluded.earliest_expiry'),
        evaluated_at: eb.ref('excluded.evaluated_at'),
      })),
    )
    .execute();
}

export interface EndangeredNode {
  id: string;
  name: string;
  service_id: string;
  expires_at: Date;
  expired: boolean;
}

/** The nodes whose current metadata is past its danger point at `now`, expired or not. */
export async function endangeredNodes(db: Db, now: Date): Promise<EndangeredNode[]> {
  const { rows } = await sql<EndangeredNode>`
    SELECT n.id, n.name, n.service_id, n.expires_at, (${now} >= n.expires_at) AS expired
    FROM delivery_nodes n JOIN delivery_services s ON s.id = n.service_id
    WHERE n.current_version IS NOT NULL AND ${now} >= ${pointOf('danger_at')}`.execute(db);
  return rows;
}

/**
 * Due deliveries waiting to start since before `before`, over every service (the operators'
 * delivery-behind alert): each service's range of its due index.
 */
export async function waitingSince(db: Db, before: Date) {
  const { rows } = await sql<{ services: number; nodes: number; oldest: Date | null }>`
    SELECT count(DISTINCT w.service_id)::int AS services, count(*)::int AS nodes,
           min(w.renew_at) AS oldest
    FROM delivery_services s CROSS JOIN LATERAL (
      SELECT n.service_id, n.renew_at FROM delivery_nodes n
      WHERE n.service_id = s.id AND n.renew_at <= ${before}
        AND (n.delivering_until IS NULL OR n.delivering_until <= now())) w`.execute(db);
  return rows[0] ?? { services: 0, nodes: 0, oldest: null };
}
