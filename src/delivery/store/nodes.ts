import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { type NodeRow, deliveryTables as tables } from './tables.ts';

// The SQL of nodes. Every state change is one function here (docs/delivery.md, "Node states"):
// `claimDueNodes` and `handOn` start deliveries (a slot each), `beginAttempts` numbers the
// versions sent, `recordEnds` ends them, `forceDelivery` makes a node due now. Due times
// (`renew_at`) are on the platform clock; slot leases (`delivering_until`) measure real time, so
// they compare with PostgreSQL's `now()`.

/** Adds the names the service does not have yet, due at `renewAt`; returns those added. */
export async function insertNodes(
  db: Db,
  serviceId: string,
  names: string[],
  origin: NodeRow['origin'],
  renewAt: Date,
): Promise<NodeRow[]> {
  if (names.length === 0) return [];
  return tables(db)
    .insertInto('delivery_nodes')
    .values(
      names.map((name) => ({
        id: uuidv7(),
        service_id: serviceId,
        name,
        origin,
        renew_at: renewAt,
      })),
    )
    .onConflict((conflict) => conflict.columns(['service_id', 'name']).doNothing())
    .returningAll()
    .execute();
}

export function findNode(db: Db, serviceId: string, name: string) {
  return tables(db)
    .selectFrom('delivery_nodes')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function findNodeById(db: Db, id: string) {
  return tables(db)
    .selectFrom('delivery_nodes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The node's row, locked for the rest of the transaction. */
export function lockNode(db: Db, id: string) {
  return tables(db)
    .selectFrom('delivery_nodes')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A page of the service's nodes by name. */
export function listNodes(db: Db, serviceId: string, afterName: string | undefined, limit: number) {
  return tables(db)
    .selectFrom('delivery_nodes')
    .selectAll()
    .where('service_id', '=', serviceId)
    .$if(afterName !== undefined, (q) => q.where('name', '>', afterName as string))
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** Every node's name, for the difference with a node source's list. */
export async function nodeNames(db: Db, serviceId: string, origin?: NodeRow['origin']) {
  const rows = await tables(db)
    .selectFrom('delivery_nodes')
    .select('name')
    .where('service_id', '=', serviceId)
    .$if(origin !== undefined, (q) => q.where('origin', '=', origin as NodeRow['origin']))
    .execute();
  return rows.map((row) => row.name);
}

/** What the service's status counts, one small row per node. */
export function nodeTimes(db: Db, serviceId: string) {
  return tables(db)
    .selectFrom('delivery_nodes')
    .select(['state', 'issued_at', 'expires_at', 'delivering_until', 'current_version'])
    .where('service_id', '=', serviceId)
    .execute();
}

export async function deleteNodes(db: Db, serviceId: string, names: string[]): Promise<number> {
  if (names.length === 0) return 0;
  const deleted = await tables(db)
    .deleteFrom('delivery_nodes')
    .where('service_id', '=', serviceId)
    .where('name', 'in', names)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

/** Deliveries of the service in flight now (their slot leases not yet ended). */
export async function countInFlight(db: Db, serviceId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('delivery_nodes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('service_id', '=', serviceId)
    .where('delivering_until', '>', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Starts up to `limit` deliveries: the service's idle nodes due by `now`, earliest first, each
 * given a slot until `leaseMs` from now. A node locked elsewhere (being removed, its last
 * delivery ending) is skipped.
 */
export function claimDueNodes(
  db: Db,
  serviceId: string,
  now: Date,
  limit: number,
  leaseMs: number,
) {
  return sql<{ id: string }>`
    UPDATE delivery_nodes SET delivering_until = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM delivery_nodes
      WHERE service_id = ${serviceId} AND renew_at <= ${now}
        AND (delivering_until IS NULL OR delivering_until <= now())
      ORDER BY renew_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`
    .execute(db)
    .then((result) => result.rows);
}

/**
 * Hands on the slots of the service's deliveries `ended` (their ends recorded in this
 * transaction), and brings the service's `next_due_at` forward to `dueAgainAt`
 * (migrations/004_hand_on.sql). Returns the nodes whose deliveries start.
 */
export async function handOn(
  db: Db,
  service: { id: string; concurrency: number },
  ended: { ids: string[]; dueAgainAt: Date },
  now: Date,
  leaseMs: number,
): Promise<string[]> {
  const { rows } = await sql<{ started: string }>`
    SELECT delivery_hand_on(${service.id}, ${service.concurrency}, ${ended.ids}::uuid[], ${now},
                            ${leaseMs}, ${ended.dueAgainAt}) AS started`.execute(db);
  return rows.map((row) => row.started);
}

/**
 * When the dispatcher must next look at the service: the earliest due time of an idle node, or
 * the earliest lease end (a backstop for a delivery whose job went dead), whichever comes first.
 * With a backlog that is now, and the dispatcher looks at each pass: a full service is a quick
 * look, and a slot freed with nothing due waits for no one.
 */
export async function nextDueAt(db: Db, serviceId: string): Promise<Date | null> {
  // Each the first entry of an index in order (delivery_nodes_due, delivery_nodes_in_flight):
  // the cost does not grow with the service.
  const { rows } = await sql<{ at: Date | null }>`
    SELECT LEAST(
      (SELECT renew_at FROM delivery_nodes
        WHERE service_id = ${serviceId}
          AND (delivering_until IS NULL OR delivering_until <= now())
        ORDER BY renew_at LIMIT 1),
      (SELECT delivering_until FROM delivery_nodes
        WHERE service_id = ${serviceId} AND delivering_until > now()
        ORDER BY delivering_until LIMIT 1)) AS at`.execute(db);
  return rows[0]?.at ?? null;
}

/** A node whose delivery begins, with what the delivery reads besides it (`beginAttempts`). */
export type AttemptRow = NodeRow & {
  /** Its service's version now, to tell whether a service read before is still current. */
  service_version: number;
  /** The private ranges an operator allowed its organisation (ranges.ts), null for none. */
  allowed_ranges: string[] | null;
};

/**
 * Deliveries start: each node's next version is the one sent. One statement reads what a push
 * needs besides the node, each by its primary key; a row per attempt, undefined for a node gone.
 */
export async function beginAttempts(
  db: Db,
  attempts: { nodeId: string; at: Date }[],
): Promise<(AttemptRow | undefined)[]> {
  const { rows } = await sql<AttemptRow>`
    UPDATE delivery_nodes n SET delivered_version = n.delivered_version + 1, last_attempt_at = a.at
      FROM unnest(${attempts.map((a) => a.nodeId)}::uuid[], ${attempts.map((a) => a.at)}::timestamptz[])
        AS a (id, at)
     WHERE n.id = a.id
    RETURNING n.*,
      (SELECT version FROM delivery_services WHERE id = n.service_id) AS service_version,
      (SELECT r.ranges FROM delivery_services s
         JOIN delivery_allowed_ranges r ON r.org_id = s.org_id
        WHERE s.id = n.service_id) AS allowed_ranges`.execute(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return attempts.map((attempt) => byId.get(attempt.nodeId));
}

/** How a node's delivery of `version` ended, as `recordEnds` writes it. */
export interface NodeEnd {
  id: string;
  outcome: 'acknowledged' | 'refused' | 'failed';
  version: number;
  /** When the node is due next: its renewal, or the retry of a refusal or failure. */
  dueAgainAt: Date;
  /** A refusal's or a failure's error. */
  error?: string;
  /** What an acknowledged version holds (kept for GetMetaData without a private key). */
  current?: { serial: string | null; issuedAt: Date; expiresAt: Date; metadata: object };
}

/**
 * Records how the nodes' deliveries ended, freeing their slots, in one statement: acknowledged,
 * the node runs the version until its expiry, and what it holds is kept (node-metadata.ts);
 * refused (a NACK) or failed, its error is kept and the attempt counted. Returns the ids of the
 * nodes recorded: a node removed meanwhile is not.
 */
export async function recordEnds(db: Db, ends: NodeEnd[]): Promise<string[]> {
  const column = <T>(pick: (end: NodeEnd) => T) => ends.map(pick);
  const { rows } = await sql<{ id: string }>`
    WITH ends AS (
      SELECT * FROM unnest(
        ${column((e) => e.id)}::uuid[], ${column((e) => e.outcome)}::text[],
        ${column((e) => e.version)}::integer[], ${column((e) => e.dueAgainAt)}::timestamptz[],
        ${column((e) => e.error ?? null)}::text[], ${column((e) => e.current?.serial ?? null)}::text[],
        ${column((e) => e.current?.issuedAt ?? null)}::timestamptz[],
        ${column((e) => e.current?.expiresAt ?? null)}::timestamptz[],
        ${column((e) => (e.current ? JSON.stringify(e.current.metadata) : null))}::jsonb[])
        AS e (id, outcome, version, due_at, error, serial, issued_at, expires_at, metadata)),
    recorded AS (
      UPDATE delivery_nodes n SET
        state = e.outcome,
        renew_at = e.due_at,
        delivering_until = NULL,
        last_error = e.error,
        attempts = CASE WHEN e.outcome = 'acknowledged' THEN 0 ELSE n.attempts + 1 END,
        refused_version = CASE WHEN e.outcome = 'refused' THEN e.version ELSE n.refused_version END,
        current_version = CASE WHEN e.issued_at IS NULL THEN n.current_version ELSE e.version END,
        serial_number = CASE WHEN e.issued_at IS NULL THEN n.serial_number ELSE e.serial END,
        issued_at = coalesce(e.issued_at, n.issued_at),
        expires_at = coalesce(e.expires_at, n.expires_at),
        last_success_at = coalesce(e.issued_at, n.last_success_at)
      FROM ends e WHERE n.id = e.id
      RETURNING n.id),
    kept AS (
      INSERT INTO delivery_node_metadata (node_id, version, issued_at, expires_at, metadata)
      SELECT e.id, e.version, e.issued_at, e.expires_at, e.metadata
        FROM ends e JOIN recorded r ON r.id = e.id
       WHERE e.issued_at IS NOT NULL
      ON CONFLICT (node_id) DO UPDATE SET version = EXCLUDED.version,
        issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at,
        metadata = EXCLUDED.metadata)
    SELECT id FROM recorded`.execute(db);
  return rows.map((row) => row.id);
}

/** A delivery on demand: the node is due at `now`, whatever its schedule. */
export function forceDelivery(db: Db, nodeId: string, now: Date) {
  return tables(db)
    .updateTable('delivery_nodes')
    .set({ renew_at: now })
    .where('id', '=', nodeId)
    .execute();
}
