import type { Db } from '../platform/db/database.ts';
import type { Outcome } from './answers.ts';
import type { Delivery } from './delivery.ts';
import { handOnSlots } from './dispatch.ts';
import type { BuiltMetadata } from './metadata.ts';
import { countRolloutDelivery } from './rollouts.ts';
import { type NodeEnd, recordEnds } from './store/nodes.ts';
import { beginDeliveryEnds, type RolloutEntry } from './store/rollouts.ts';
import type { NodeRow, ServiceRow } from './store/tables.ts';

// The end of a delivery, push or pull: the node's new state (what it runs, or the error and the
// retry), what it runs kept for GetMetaData, the count for the metrics, its rollout's progress,
// and its slot handed on; written for the deliveries of a process that end at the same moment
// together, in one transaction (writers.ts).

/** How one delivery ended. */
export interface DeliveryEnd {
  service: ServiceRow;
  /** The node as its delivery began (`beginAttempt`): its version is the one sent. */
  node: NodeRow;
  outcome: Outcome;
  /** The metadata sent, with an acknowledged outcome. */
  built?: BuiltMetadata;
  /** When the node is due next: its renewal, or its retry. */
  dueAgainAt: Date;
}

/**
 * Records how the deliveries ended and hands their slots on, in `tx`: the process's ends that
 * came at the same moment (writers.ts). Nothing is written for a removed node.
 */
export async function writeEnds(delivery: Delivery, tx: Db, ends: DeliveryEnd[]): Promise<void> {
  const rollouts = await beginDeliveryEnds(
    tx,
    ends.map((end) => end.node),
  );
  const recorded = new Set(await recordEnds(tx, ends.map(nodeEndOf)));
  const written = ends.filter((end) => recorded.has(end.node.id));
  for (const end of written) {
    const rollout = rollouts.find((entry) => entry.node_id === end.node.id);
    await recordDeliveryEnd(delivery, tx, end.node, end.outcome, rollout);
  }
  // Services in the order of their ids, as the locks of their rows are taken (handOn).
  for (const [service, ended] of byService(written)) {
    await handOnSlots(delivery, tx, service, {
      ids: ended.map((end) => end.node.id),
      dueAgainAt: new Date(Math.min(...ended.map((end) => end.dueAgainAt.getTime()))),
    });
  }
}

function byService(ends: DeliveryEnd[]): [ServiceRow, DeliveryEnd[]][] {
  const groups = new Map<string, [ServiceRow, DeliveryEnd[]]>();
  for (const end of ends) {
    const group = groups.get(end.service.id) ?? [end.service, []];
    group[1].push(end);
    groups.set(end.service.id, group);
  }
  return [...groups.values()].sort(([a], [b]) => (a.id < b.id ? -1 : 1));
}

/** The node's new state for `recordEnds`. */
export function nodeEndOf({ node, outcome, built, dueAgainAt }: DeliveryEnd): NodeEnd {
  const ended = { id: node.id, version: node.delivered_version, dueAgainAt };
  if (outcome.kind !== 'acknowledged') return { ...ended, ...outcome, outcome: outcome.kind };
  if (!built) return { ...ended, outcome: 'failed', error: 'acknowledged with no metadata sent' };
  const { serial, issuedAt, expiresAt } = built;
  const metadata = withoutPrivateKey(built.metadata);
  return { ...ended, outcome: 'acknowledged', current: { serial, issuedAt, expiresAt, metadata } };
}

/**
 * What a delivery's end records besides the node's state, in the transaction that records it
 * (begun by `beginDeliveryEnds`): the count for the metrics, and its rollout's progress when
 * `rollout` is its place in one.
 */
export async function recordDeliveryEnd(
  delivery: Delivery,
  tx: Db,
  node: NodeRow,
  outcome: Outcome,
  rollout: RolloutEntry | undefined,
): Promise<void> {
  delivery.metrics.delivered(node.service_id, outcome.kind);
  const acknowledged = outcome.kind === 'acknowledged';
  if (rollout) await countRolloutDelivery(delivery, tx, node, rollout, acknowledged);
}

/** A key Meridian made goes to the node once and is never kept. */
function withoutPrivateKey(metadata: Record<string, unknown>): Record<string, unknown> {
  const { private_key_pem: _key, ...kept } = metadata;
  return kept;
}
