import type { Db } from '../platform/db/database.ts';
import type { Outcome } from './answers.ts';
import type { Delivery } from './delivery.ts';
import type { BuiltMetadata } from './metadata.ts';
import { countRolloutDelivery } from './rollouts.ts';
import { saveCurrentMetadata } from './store/node-metadata.ts';
import type { RolloutEntry } from './store/rollouts.ts';
import type { NodeRow } from './store/tables.ts';

// What the end of a delivery, push or pull, records besides the node's own state, in the
// transaction begun by `beginDeliveryEnd` (store/rollouts.ts): the count for the metrics, what
// the node runs now (for GetMetaData), its rollout's progress.

/**
 * Records the side effects of a delivery's end; `node` is the node as the delivery began
 * (`beginAttempt`), `built` the metadata sent, `rollout` the node's place in a running rollout
 * (store/rollouts.ts, `beginDeliveryEnd`).
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
