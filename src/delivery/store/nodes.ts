import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { type NodeRow, deliveryTables as tables } from './tables.ts';

// The SQL of nodes. Every state change is one function here (docs/delivery.md, "Node states"):
// `claimDueNodes` starts deliveries (a slot each), `beginAttempt` numbers the version sent,
// `recordAcknowledged`, `recordRefused` and `recordFailed` end them, `forceDelivery` makes a
// node due now. Due times (`renew_at`) are on the platform clock; slot leases
// (`delivering_until`) measure real time, so they compare with PostgreSQL's `now()`.

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
 * Hands the slot of `ended`'s delivery on, and brings the service's `next_due_at` forward to
 * `dueAgainAt` (migrations/004_hand_on.sql). Returns the node whose delivery starts, if one does.
 */
export async function handOn(
  db: Db,
  service: { id: string; concurrency: number },
  ended: { id: string; dueAgainAt: Date },
  now: Date,
  leaseMs: number,
): Promise<string | undefined> {
  const { rows } = await sql<{ started: string | null }>`
    SELECT delivery_hand_on(${service.id}, ${service.concurrency}, ${ended.id}, ${now},
                            ${leaseMs}, ${ended.dueAgainAt}) AS started`.execute(db);
  return rows[0]?.started ?? undefined;
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

/** A node whose delivery begins, with what the delivery reads besides it (`beginAttempt`). */
export type AttemptRow = NodeRow & {
  /** Its service's version now, to tell whether a service read before is still current. */
  service_version: number;
  /** The private ranges an operator allowed its organisation (ranges.ts), null for none. */
  allowed_ranges: string[] | null;
};

/**
 * The delivery starts: the next version is the one sent. Undefined when the node is gone. One
 * round trip reads what a push needs besides the node, each by its primary key.
 */
export async function beginAttempt(db: Db, nodeId: string, at: Date) {
  const { rows } = await sql<AttemptRow>`
    UPDATE delivery_nodes n SET delivered_version = delivered_version + 1, last_attempt_at = ${at}
     WHERE id = ${nodeId}
    RETURNING n.*,
      (SELECT version FROM delivery_services WHERE id = n.service_id) AS service_version,
      (SELECT r.ranges FROM delivery_services s
         JOIN delivery_allowed_ranges r ON r.org_id = s.org_id
        WHERE s.id = n.service_id) AS allowed_ranges`.execute(db);
  return rows[0];
}

/**
 * The node runs `version`, valid until `expiresAt`; renewed at `renewAt`. Frees its slot. False
 * when the node is gone, as for the other ends of a delivery.
 */
export async function recordAcknowledged(
  db: Db,
  nodeId: string,
  delivery: {
    version: number;
    serial: string | null;
    issuedAt: Date;
    expiresAt: Date;
    renewAt: Date;
  },
) {
  const updated = await tables(db)
    .updateTable('delivery_nodes')
    .set({
      state: 'acknowledged',
      current_version: delivery.version,
      serial_number: delivery.serial,
      issued_at: delivery.issuedAt,
      expires_at: delivery.expiresAt,
      renew_at: delivery.renewAt,
      last_success_at: delivery.issuedAt,
      attempts: 0,
      last_error: null,
      delivering_until: null,
    })
    .where('id', '=', nodeId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** The node refused `version` (a NACK with `error`); tried again at `retryAt`. Frees its slot. */
export async function recordRefused(
  db: Db,
  nodeId: string,
  refusal: { version: number; error: string; retryAt: Date },
) {
  const updated = await tables(db)
    .updateTable('delivery_nodes')
    .set({
      state: 'refused',
      refused_version: refusal.version,
      last_error: refusal.error,
      attempts: sql`attempts + 1`,
      renew_at: refusal.retryAt,
      delivering_until: null,
    })
    .where('id', '=', nodeId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** No usable answer (`error` says why); tried again at `retryAt`. Frees its slot. */
export async function recordFailed(
  db: Db,
  nodeId: string,
  failure: { error: string; retryAt: Date },
) {
  const updated = await tables(db)
    .updateTable('delivery_nodes')
    .set({
      state: 'failed',
      last_error: failure.error,
      attempts: sql`attempts + 1`,
      renew_at: failure.retryAt,
      delivering_until: null,
    })
    .where('id', '=', nodeId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** A delivery on demand: the node is due at `now`, whatever its schedule. */
export function forceDelivery(db: Db, nodeId: string, now: Date) {
  return tables(db)
    .updateTable('delivery_nodes')
    .set({ renew_at: now })
    .where('id', '=', nodeId)
    .execute();
}
