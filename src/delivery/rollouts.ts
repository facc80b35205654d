import { uuidv7 } from 'uuidv7';
import { type Db, transaction } from '../platform/db/database.ts';
import { Problem } from '../platform/problems.ts';
import type { Delivery } from './delivery.ts';
import { lockForDispatch, startDueDeliveries } from './dispatch.ts';
import { rolloutSlot, shouldAbort } from './rollout-pacing.ts';
import type { RolloutRow } from './store/operation-tables.ts';
import type { RolloutEntry } from './store/rollouts.ts';
import * as store from './store/rollouts.ts';
import { bringNextDueForward, lockService } from './store/services.ts';
import type { NodeRow, ServiceRow } from './store/tables.ts';

// Forced re-issue of a whole service, IoT-Jobs style (docs/delivery.md, "Rollouts"): each node
// is made due at its slot (`rolloutSlot`, `nodes_per_minute` evenly spaced), so the dispatcher
// delivers it as any renewal, within the service's concurrency. The first delivery of each node
// that starts after the rollout began counts; once the failed share of those reaches
// `abort_ratio` (`shouldAbort`, after a minimum sample), the rollout stops and the nodes still
// waiting for their slot get their own due times back.

/** The fewest finished deliveries before a rollout may abort (fewer for a smaller service). */
const minimumSample = 10;

/** Starts a rollout over every node of the service; one runs at a time (409 otherwise). */
export async function startRollout(
  delivery: Delivery,
  service: ServiceRow,
  options: { nodesPerMinute: number; abortRatio: number; userId: string },
): Promise<RolloutRow> {
  return transaction(delivery.core.database.db, async (tx) => {
    const locked = await lockForDispatch(tx, service.id);
    const running = await store.findRunningRollout(tx, service.id);
    if (running) {
      throw new Problem(
        'conflict',
        `Rollout ${running.id} is running on this service: cancel it or wait for its end`,
        { rollout_id: running.id },
      );
    }
    const nodes = await store.rolloutCandidates(tx, service.id);
    if (nodes.length === 0) throw new Problem('conflict', 'The service has no nodes to re-issue');
    const startedAt = delivery.core.clock.now();
    const slotted = nodes.map((node, index) => ({
      id: node.id,
      previousRenewAt: node.renew_at,
      slotAt: new Date(
        rolloutSlot({
          index,
          nodesPerMinute: options.nodesPerMinute,
          startAt: startedAt.getTime(),
        }),
      ),
    }));
    const rollout = await store.insertRollout(
      tx,
      {
        id: uuidv7(),
        serviceId: service.id,
        nodesPerMinute: options.nodesPerMinute,
        abortRatio: options.abortRatio,
        startedAt,
        createdBy: options.userId,
      },
      slotted,
    );
    await startDueDeliveries(delivery, tx, locked);
    return rollout;
  });
}

/** Stops a running rollout; one that has ended is a 409 naming its state. */
export async function cancelRollout(
  delivery: Delivery,
  service: ServiceRow,
  rolloutId: string,
): Promise<RolloutRow> {
  return transaction(delivery.core.database.db, async (tx) => {
    const locked = await lockForDispatch(tx, service.id);
    const rollout = await requireRollout(tx, service.id, rolloutId);
    if (rollout.state !== 'running') {
      throw new Problem('conflict', `The rollout has ended (${rollout.state})`, {
        state: rollout.state,
      });
    }
    const ended = await store.endRollout(tx, rollout.id, {
      state: 'cancelled',
      reason: 'cancelled through the API',
      at: delivery.core.clock.now(),
    });
    await startDueDeliveries(delivery, tx, locked);
    return ended as RolloutRow;
  });
}

export async function requireRollout(db: Db, serviceId: string, rolloutId: string) {
  const rollout = await store.findRollout(db, serviceId, rolloutId);
  if (!rollout) throw new Problem('not-found', `No rollout ${rolloutId} in this service`);
  return rollout;
}

/**
 * Counts a node's delivery for its service's running rollout, in the transaction that records
 * the delivery (the rollout's row is locked by the count, so ending deliveries count one at a
 * time): aborts the rollout when the failed share reaches its threshold, completes it when no
 * node is waiting. A delivery that began before the rollout built its metadata before it: it
 * does not count, and the node stays due at its slot.
 */
export async function countRolloutDelivery(
  delivery: Delivery,
  tx: Db,
  node: NodeRow,
  entry: RolloutEntry,
  acknowledged: boolean,
): Promise<void> {
  if (!node.last_attempt_at || node.last_attempt_at < entry.started_at) {
    await store.keepSlot(tx, node.id, entry.slot_at);
    await bringNextDueForward(tx, node.service_id, entry.slot_at);
    return;
  }
  const outcome = acknowledged ? 'acknowledged' : 'failed';
  const rollout = await store.recordRolloutOutcome(tx, entry.rollout_id, node.id, outcome);
  const now = delivery.core.clock.now();
  const attempted = rollout.acknowledged + rollout.failed;
  const abort = shouldAbort({
    attempted,
    failed: rollout.failed,
    abortRatio: rollout.abort_ratio,
    minimumSample: Math.min(minimumSample, rollout.total),
  });
  if (abort) {
    const reason = `${rollout.failed} of ${attempted} deliveries failed, at or above the abort ratio ${rollout.abort_ratio}`;
    await store.endRollout(tx, rollout.id, { state: 'aborted', reason, at: now });
  } else if ((await store.countPending(tx, rollout.id)) === 0) {
    await store.endRollout(tx, rollout.id, {
      state: 'completed',
      reason: 'every node had its delivery',
      at: now,
    });
  }
}

/** Completes the running rollouts whose waiting nodes were all removed (the evaluation). */
export async function completeEmptiedRollouts(delivery: Delivery): Promise<void> {
  const { db } = delivery.core.database;
  for (const rollout of await store.finishedRollouts(db)) {
    await transaction(db, async (tx) => {
      await lockService(tx, rollout.service_id);
      await store.endRollout(tx, rollout.id, {
        state: 'completed',
        reason: 'every node had its delivery or was removed',
        at: delivery.core.clock.now(),
      });
    });
  }
}

/** A rollout's progress as the API shows it. */
export async function rolloutJson(db: Db, rollout: RolloutRow) {
  const pending = rollout.state === 'running' ? await store.countPending(db, rollout.id) : 0;
  return {
    id: rollout.id,
    service_id: rollout.service_id,
    state: rollout.state,
    nodes_per_minute: rollout.nodes_per_minute,
    abort_ratio: rollout.abort_ratio,
    total: rollout.total,
    attempted: rollout.acknowledged + rollout.failed,
    acknowledged: rollout.acknowledged,
    failed: rollout.failed,
    pending,
    started_at: rollout.started_at,
    last_slot_at: rollout.last_slot_at,
    ended_at: rollout.ended_at,
    end_reason: rollout.end_reason,
  };
}
