import { groupCommit } from '../platform/db/group-commit.ts';
import type { Core } from '../platform/module.ts';
import { deliveryOf } from './delivery.ts';
import { type DeliveryEnd, writeEnds } from './outcomes.ts';
import { type AttemptRow, beginAttempts } from './store/nodes.ts';

// The group-commit writers of delivery: the deliveries of a process that begin, or end, at the
// same moment are written together, so the round trips, the planning and the commit are paid
// once per batch instead of once per delivery (docs/delivery.md, "Dispatch").

/** Delivery's group-commit writers: built once per process. */
export interface DeliveryWriters {
  /** Numbers the version a delivery sends (store/nodes.ts); undefined when the node is gone. */
  beginAttempt(attempt: { nodeId: string; at: Date }): Promise<AttemptRow | undefined>;
  /** Records how a delivery ended and hands its slot on (outcomes.ts). */
  endDelivery(end: DeliveryEnd): Promise<void>;
}

/** Deliveries a batch writes at most: a service's slots in flight are usually fewer. */
const maxBatch = 64;

export function deliveryWriters(core: Core): DeliveryWriters {
  const { db } = core.database;
  // The delivery context is built with these writers: look it up when a batch runs, not now.
  return {
    beginAttempt: groupCommit(db, beginAttempts, { maxBatch }),
    endDelivery: groupCommit(
      db,
      async (tx, ends: DeliveryEnd[]) => {
        await writeEnds(deliveryOf(core), tx, ends);
        return ends.map(() => undefined);
      },
      { maxBatch },
    ),
  };
}
