import type { Db } from '../platform/db/database.ts';
import type { Outcome } from './answers.ts';
import type { Delivery } from './delivery.ts';
import type { BuiltMetadata } from './metadata.ts';
import { countRolloutDelivery } from './rollouts.ts';
import { saveCurrentMetadata } from './store/node-metadata.ts';
import type { NodeRow } from './store/tables.ts';

// What else the end of a delivery records, in the transaction that records its outcome: the
// count for the metrics, what the node runs now (for GetMetaData), its rollout's progress.

/**
 * Records the side effects of a delivery's end; `node` is the node as the delivery began
 * (`beginAttempt`), `built` the metadata sent.
 */
export async function recordDeliveryEnd(
  delivery: Delivery,
  tx: Db,
  node: NodeRow,
  outcome: Outcome,
  built: BuiltMetadata | undefined,
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
  await countRolloutDelivery(delivery, tx, node, acknowledged);
}

/** A key Meridian made goes to the node once and is never kept. */
function withoutPrivateKey(metadata: Record<string, unknown>): Record<string, unknown> {
  const { private_key_pem: _key, ...kept } = metadata;
  return kept;
}
