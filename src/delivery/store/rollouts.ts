import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type RolloutState, operationTables as tables } from './operation-tables.ts';

// The SQL of rollouts (docs/delivery.md, "Rollouts"). A rollout's transitions: `insertRollout`
// (running), `recordRolloutOutcome` (one node's first delivery ended), `endRollout` (completed,
// aborted or cancelled). A rollout starts and is cancelled by its service's locker; a delivery
// that ends counts its outcome with the rollout's row locked (outcomes.ts).

/** The service's nodes in the order a rollout takes them: by name. */
export function rolloutCandidates(db: Db, serviceId: string) {
  return tables(db)
    .selectFrom('delivery_nodes')
    .select(['id', 'renew_at'])
    .where('service_id', '=', serviceId)
    .orderBy('name')
    .execute();
}

export function findRunningRollout(db: Db, serviceId: string) {
  return tables(db)
    .selectFrom('delivery_rollouts')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('state', '=', 'running')
    .executeTakeFirst();
}

/** The service's rollouts, newest first (ids are UUIDv7), before the id `before` when given. */
export function listRollouts(db: Db, serviceId: string, before: string | undefined, limit: number) {
  return tables(db)
    .selectFrom('delivery_rollouts')
    .selectAll()
    .where('service_id', '=', serviceId)
    .$if(before !== undefined, (q) => q.where('id', '<', before as string))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function findRollout(db: Db, serviceId: string, id: string) {
  return tables(db)
    .selectFrom('delivery_rollouts')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * A running rollout over `nodes`, each due at its slot: a node already due sooner (its renewal
 * or a retry) keeps its time, and its delivery then counts for the rollout.
 */
export async function insertRollout(
  db: Db,
  rollout: {
    id: string;
    serviceId: string;
    nodesPerMinute: number;
    abortRatio: number;
    startedAt: Date;
    createdBy: string;
  },
  nodes: { id: string; slotAt: Date; previousRenewAt: Date }[],
) {
  const last = nodes.at(-1)?.slotAt ?? rollout.startedAt;
  const row = await tables(db)
    .insertInto('delivery_rollouts')
    .values({
      id: rollout.id,
      service_id: rollout.serviceId,
      nodes_per_minute: rollout.nodesPerMinute,
      abort_ratio: rollout.abortRatio,
      total: nodes.length,
      started_at: rollout.startedAt,
      last_slot_at: last,
      created_by: rollout.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO delivery_rollout_nodes (rollout_id, node_id, slot_at, previous_renew_at)
    SELECT ${rollout.id}::uuid, node_id, slot_at, previous_renew_at
    FROM unnest(${nodes.map((n) => n.id)}::uuid[], ${nodes.map((n) => n.slotAt)}::timestamptz[],
                ${nodes.map((n) => n.previousRenewAt)}::timestamptz[])
      AS given (node_id, slot_at, previous_renew_at)`.execute(db);
  await sql`
    UPDATE delivery_nodes n SET renew_at = least(n.renew_at, rn.slot_at)
    FROM delivery_rollout_nodes rn
    WHERE rn.rollout_id = ${rollout.id} AND n.id = rn.node_id`.execute(db);
  return row;
}

/** A node's place in a running rollout, while its outcome is not known yet. */
export interface RolloutEntry {
  node_id: string;
  rollout_id: string;
  slot_at: Date;
  started_at: Date;
}

/**
 * Begins a transaction that ends the deliveries of `nodes` (migrations/004_hand_on.sql): shares
 * their services' slot locks (store/services.ts), then locks the running rollouts waiting for
 * any of them; returns the nodes' places in those rollouts.
 */
export async function beginDeliveryEnds(
  db: Db,
  nodes: { id: string; service_id: string }[],
): Promise<RolloutEntry[]> {
  const { rows } = await sql<RolloutEntry>`
    SELECT * FROM delivery_ends_begin(${nodes.map((node) => node.service_id)}::uuid[],
                                      ${nodes.map((node) => node.id)}::uuid[])`.execute(db);
  return rows;
}

/** A delivery that began before the rollout does not count: the node stays due at its slot. */
export function keepSlot(db: Db, nodeId: string, slotAt: Date) {
  return sql`
    UPDATE delivery_nodes SET renew_at = least(renew_at, ${slotAt})
    WHERE id = ${nodeId}`.execute(db);
}

/** The node's first delivery in the rollout ended; returns the rollout's counts after it. */
export async function recordRolloutOutcome(
  db: Db,
  rolloutId: string,
  nodeId: string,
  outcome: 'acknowledged' | 'failed',
) {
  await tables(db)
    .updateTable('delivery_rollout_nodes')
    .set({ outcome })
    .where('rollout_id', '=', rolloutId)
    .where('node_id', '=', nodeId)
    .execute();
  return tables(db)
    .updateTable('delivery_rollouts')
    .set(
      outcome === 'acknowledged'
        ? { acknowledged: sql`acknowledged + 1` }
        : { failed: sql`failed + 1` },
    )
    .where('id', '=', rolloutId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Nodes of the rollout still waiting for their delivery's outcome. */
export async function countPending(db: Db, rolloutId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('delivery_rollout_nodes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('rollout_id', '=', rolloutId)
    .where('outcome', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Ends a running rollout. Its nodes still waiting for their slot get back the due time they had
 * before (a node whose due time changed since, by a retry or a forced delivery, keeps that).
 * Undefined when the rollout was no longer running.
 */
export async function endRollout(
  db: Db,
  rolloutId: string,
  end: { state: Exclude<RolloutState, 'running'>; reason: string; at: Date },
) {
  const ended = await tables(db)
    .updateTable('delivery_rollouts')
    .set({ state: end.state, end_reason: end.reason, ended_at: end.at })
    .where('id', '=', rolloutId)
    .where('state', '=', 'running')
    .returningAll()
    .executeTakeFirst();
  if (!ended) return undefined;
  await sql`
    UPDATE delivery_nodes n SET renew_at = rn.previous_renew_at
    FROM delivery_rollout_nodes rn
    WHERE rn.rollout_id = ${rolloutId} AND rn.outcome IS NULL AND n.id = rn.node_id
      AND n.renew_at = rn.slot_at AND rn.slot_at < rn.previous_renew_at`.execute(db);
  return ended;
}

/** Running rollouts none of whose nodes is waiting any more (their last nodes were removed). */
export async function finishedRollouts(db: Db): Promise<{ id: string; service_id: string }[]> {
  const { rows } = await sql<{ id: string; service_id: string }>`
    SELECT r.id, r.service_id FROM delivery_rollouts r
    WHERE r.state = 'running' AND NOT EXISTS (
      SELECT 1 FROM delivery_rollout_nodes rn WHERE rn.rollout_id = r.id AND rn.outcome IS NULL)`.execute(
    db,
  );
  return rows;
}
