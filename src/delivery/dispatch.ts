import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { Problem } from '../platform/problems.ts';
import { defineService, type Service } from '../platform/service.ts';
import type { Delivery } from './delivery.ts';
import { claimDueNodes, countInFlight, handOn, nextDueAt } from './store/nodes.ts';
import { dueServices, lockService, setNextDue } from './store/services.ts';
import type { ServiceRow } from './store/tables.ts';

// Which deliveries run, and when: the per-service concurrency bound. The job engine bounds
// concurrency per queue and process, not per customer, so a service's slots are counted here:
// a node holds one while its delivery is in flight (`delivering_until`), and a push job exists
// only for a node holding one. A service whose nodes all time out therefore occupies at most
// `concurrency` workers, whatever its number of nodes; its other due nodes wait in the table,
// not in the queue. A delivery that ends hands its slot to the next due node in the same
// transaction; the scanner starts what falls due in between (docs/delivery.md, "Dispatch").

/** One delivery to one node: build its metadata, push it, record the answer (push.ts). */
export const pushJob = defineJob<{ nodeId: string }>('delivery.push', {
  // The handler records a failed delivery itself and schedules the retry on the node (never
  // past expiry); the job's own attempts are for a worker that died mid-delivery.
  maxAttempts: 5,
  backoff: { initialMs: 1_000, maxMs: 30_000 },
});

/**
 * How long a slot is held without its delivery ending: a backstop for a push job that went
 * dead, so its slot is not lost for good. A job released by a dead worker runs again sooner.
 */
export const slotLeaseMs = 10 * 60_000;

/** Locks the service for a change of its nodes' schedule (`lockService`); 404 when it is gone. */
export async function lockForDispatch(tx: Db, serviceId: string): Promise<ServiceRow> {
  const service = await lockService(tx, serviceId);
  if (!service) throw new Problem('not-found', `No delivery service ${serviceId}`);
  return service;
}

/**
 * Starts the due deliveries of `service`, locked by the caller in `tx` (`lockService`), as many
 * as it has free slots: each claimed node gets a push job; then records when the dispatcher must
 * look again.
 */
export async function startDueDeliveries(
  delivery: Delivery,
  tx: Db,
  service: ServiceRow,
): Promise<void> {
  const free = service.concurrency - (await countInFlight(tx, service.id));
  const now = delivery.core.clock.now();
  const claimed = free > 0 ? await claimDueNodes(tx, service.id, now, free, slotLeaseMs) : [];
  await enqueuePushes(
    delivery,
    tx,
    claimed.map((node) => node.id),
  );
  await setNextDue(tx, service.id, await nextDueAt(tx, service.id));
}

/**
 * Hands on the slots of the service's deliveries that end in `tx` (begun by `beginDeliveryEnds`,
 * their ends recorded): each slot goes to one of the service's next due nodes, and the
 * dispatcher looks again by `dueAgainAt`, the earliest the ended nodes are due next.
 */
export async function handOnSlots(
  delivery: Delivery,
  tx: Db,
  service: ServiceRow,
  ended: { ids: string[]; dueAgainAt: Date },
): Promise<void> {
  const started = await handOn(tx, service, ended, delivery.core.clock.now(), slotLeaseMs);
  await enqueuePushes(delivery, tx, started);
}

/**
 * One job per node claimed. No unique key: the claim is what makes a node's delivery one at a
 * time, and a key would drop the job of a node claimed again while its last job, its delivery
 * already recorded, is still being marked completed (the slot then held by no job).
 */
async function enqueuePushes(delivery: Delivery, tx: Db, nodeIds: string[]): Promise<void> {
  if (nodeIds.length === 0) return;
  await delivery.core.jobs.enqueueMany(
    nodeIds.map((nodeId) => pushJob.spec({ nodeId })),
    { tx },
  );
}

/** Looks at up to this many due services per pass; a full pass is followed by another at once. */
const scanBatch = 100;

/**
 * The dispatcher's loop in every process that runs jobs: every `scanMs` (and at once after a
 * travel of the platform clock) it starts the deliveries of services whose `next_due_at` has
 * come. A service another process is dispatching is waited for: its lock is held for a few
 * statements.
 */
export function deliveryScanner(delivery: Delivery): Service {
  const { core, settings } = delivery;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let running: Promise<void> = Promise.resolve();
  let unsubscribe = () => {};

  async function pass(): Promise<number> {
    const ids = await dueServices(core.database.db, core.clock.now(), scanBatch);
    for (const id of ids) {
      await transaction(core.database.db, async (tx) => {
        const service = await lockService(tx, id);
        if (service) await startDueDeliveries(delivery, tx, service);
      });
    }
    return ids.length;
  }

  function scan() {
    clearTimeout(timer);
    running = running.then(async () => {
      try {
        while (!stopped && (await pass()) === scanBatch) {}
      } catch (error) {
        core.log.warn({ err: error }, 'delivery scan failed');
      }
      if (!stopped) timer = setTimeout(scan, settings.scanMs);
    });
  }

  return defineService('delivery.scanner', {
    start() {
      stopped = false;
      unsubscribe = core.clock.onTravel(scan);
      scan();
    },
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await running;
    },
  });
}
