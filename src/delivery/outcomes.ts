import type { Db } from '../platform/db/database.ts';
import type { Outcome } from './answers.ts';
import type { Delivery } from './delivery.ts';
import type { BuiltMetadata } from './metadata.ts';
import { countRolloutDelivery } from './rollouts.ts';
import { saveCurrentMetadata } from './store/node-metadata.ts';
import { pendingRolloutEntry, type RolloutEntry } from './store/rollouts.ts';
import { shareService } from './store/services.ts';
import type { NodeRow } from './store/tables.ts';

// The end of a delivery, push or pull: the locks its transaction takes, in the order every such
// transaction takes them (a locker of the service waits for them all: store/services.ts), and
// what it records besides the node's own state: the count for the metrics, what the node runs
// now (for GetMetaData), its rollout's progress.

/**
 * Begins the transaction that records how the node's delivery ends, before the node's row is
 * touched: its service shared, then the row of the rollout waiting for the node (returned), as
 * a rollout that ends on this delivery writes its other waiting nodes.
 */
export async function beginDeliveryEnd(
  tx: Db,
  node: Pick<NodeRow, 'id' | 'service_id'>,
): Promise<RolloutEntry | undefined> {
  await shareService(tx, node.service_id);
  return pendingRolloutEntry(tx, node.id);
}

/**
 * Records the side effects of a delivery's end; `node` is the node as the delivery began
 * (`beginAttempt`), `built` the metadata sent, `rollout` what `beginDeliveryEnd` returned.
 */
export async function recordDeliveryEnd(
  delivery: Delivery,
  tx: Db,
  node: NodeRow,
  outcome: Outcome,
  built: BuiltMetadata | undefined,
  rollout: RolloutEntry | undefined,
): Promise<void> {
  delivery.metrics.delivered(node.service_id, outcome.kind);
  const acknowledged = outcome.kind === 'acknowledged' && built !== undefined;
  if (acknowledged) {
    await saveCurrentMetadata(tx, node.id, {
      version: node.delivered_version,
      issuedAt: built.issuedAt,
      expiresAt: built.expiresAt,
      metadata: withoutPrivateKey(built.metadata),
    });
  }
  if (rollout) await countRolloutDelivery(delivery, tx, node, rollout, acknowledged);
}
/** A key Meridian made goes to the node once and is never kept. */
function withoutPrivateKey(metadata: Record<string, unknown>): Record<string, unknown> {
  const { private_key_pem: _key, ...kept } = metadata;
  return kept;
}
