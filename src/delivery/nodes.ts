import { type Db, transaction } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import type { Delivery } from './delivery.ts';
import { lockForDispatch, startDueDeliveries } from './dispatch.ts';
import { nodeNameProblem } from './node-list.ts';
import { firstDeliveryAt } from './pull.ts';
import { windowOf } from './push.ts';
import { type NodePhase, nodePhase } from './renewal.ts';
import { awaitingAgent } from './store/agents.ts';
import * as store from './store/nodes.ts';
import { lockService } from './store/services.ts';
import type { NodeRow, ServiceRow } from './store/tables.ts';

// The rules of nodes registered through the API (a service without a node source), a node's
// forced delivery, and what a node's status shows.

/** A node's phase for status: `new` before anything was delivered, else renewal.ts's phase. */
export function phaseOf(
  node: Pick<NodeRow, 'issued_at' | 'expires_at' | 'current_version'>,
  service: ServiceRow,
  now: Date,
): NodePhase | 'new' {
  if (node.current_version === null || !node.issued_at || !node.expires_at) return 'new';
  return nodePhase(
    now.getTime(),
    node.issued_at.getTime(),
    node.expires_at.getTime(),
    windowOf(service),
  );
}

export function nodeJson(node: NodeRow, service: ServiceRow, now: Date) {
  return {
    name: node.name,
    origin: node.origin,
    state: node.state,
    phase: phaseOf(node, service, now),
    delivered_version: node.delivered_version,
    current_version: node.current_version,
    refused_version: node.refused_version,
    serial_number: node.serial_number,
    issued_at: node.issued_at,
    expires_at: node.expires_at,
    // Null while a pull node waits for its agent's join.
    next_delivery_at: node.renew_at >= awaitingAgent ? null : node.renew_at,
    delivering: node.delivering_until !== null && node.delivering_until > new Date(),
    attempts: node.attempts,
    last_attempt_at: node.last_attempt_at,
    last_success_at: node.last_success_at,
    last_error: node.last_error,
    agent_seen_at: node.agent_seen_at,
    clock_skew_ms: node.clock_skew_ms,
    created_at: node.created_at,
  };
}

export async function requireNode(db: Db, serviceId: string, name: string): Promise<NodeRow> {
  const node = await store.findNode(db, serviceId, name);
  if (!node) throw new Problem('not-found', `No node ${name} in this service`);
  return node;
}

/** Registers a node; its first delivery starts at once when the service has a free slot. */
export async function registerNode(
  delivery: Delivery,
  service: ServiceRow,
  name: string,
): Promise<NodeRow> {
  const problem = nodeNameProblem(name);
  if (problem) {
    throw new Problem('invalid-service', `name: ${name} ${problem}`, {
      errors: [{ field: 'body/name', message: problem }],
    });
  }
  if (service.source_location) {
    throw new Problem(
      'conflict',
      'This service takes its nodes from its node source: add the node to the list there',
    );
  }
  return transaction(delivery.core.database.db, async (tx) => {
    const locked = await lockForDispatch(tx, service.id);
    const [node] = await store.insertNodes(
      tx,
      service.id,
      [name],
      'api',
      firstDeliveryAt(service, delivery.core.clock.now()),
    );
    if (!node) throw new Problem('conflict', `The service already has a node named ${name}`);
    await startDueDeliveries(delivery, tx, locked);
    return node;
  });
}

/** Removes a node registered through the API; one from a node source goes with the list. */
export async function removeNode(delivery: Delivery, service: ServiceRow, name: string) {
  await transaction(delivery.core.database.db, async (tx) => {
    await lockService(tx, service.id);
    const node = await requireNode(tx, service.id, name);
    if (node.origin === 'source') {
      throw new Problem(
        'conflict',
        `${name} comes from the node source: remove it from the list, and it goes at the next read`,
      );
    }
    await store.deleteNodes(tx, service.id, [name]);
  });
}

/**
 * Delivers fresh metadata to one node now, whatever its schedule (the brief's forced
 * delivery): it is due at once and starts as soon as the service has a free slot.
 */
export async function deliverNow(
  delivery: Delivery,
  service: ServiceRow,
  name: string,
): Promise<NodeRow> {
  return transaction(delivery.core.database.db, async (tx) => {
    const locked = await lockForDispatch(tx, service.id);
    const node = await requireNode(tx, service.id, name);
    await store.forceDelivery(tx, node.id, delivery.core.clock.now());
    await startDueDeliveries(delivery, tx, locked);
    // As it is now: delivering, unless every slot of the service is busy.
    return (await store.findNodeById(tx, node.id)) as NodeRow;
  });
}

/** The service's nodes counted by phase, failing and in flight. */
export async function serviceStatus(db: Db, service: ServiceRow, now: Date) {
  const counts = { nodes: 0, new: 0, healthy: 0, renewing: 0, danger: 0, expired: 0 };
  let failing = 0;
  let delivering = 0;
  const realNow = new Date();
  for (const node of await store.nodeTimes(db, service.id)) {
    counts.nodes++;
    const phase = phaseOf(node, service, now);
    counts[phase === 'fresh' ? 'healthy' : phase]++;
    if (node.state === 'failed' || node.state === 'refused') failing++;
    if (node.delivering_until && node.delivering_until > realNow) delivering++;
  }
  return { service_id: service.id, ...counts, failing, delivering };
}
