import type { Db } from '../platform/db/database.ts';
import { transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import { defineService, type Service } from '../platform/service.ts';
import type { Delivery } from './delivery.ts';
import { claimDueNodes, countInFlight, nextDueAt } from './store/nodes.ts';
import { dueServices, lockService, setNextDue } from './store/services.ts';

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

/**
 * Starts the service's due deliveries, as many as it has free slots, in `tx`: each claimed node
 * gets a push job; then records when the dispatcher must look again. `except` is a node whose
 * delivery ends in `tx` (its job is unfinished until then): the scanner takes it if it is due.
 */
export async function startDueDeliveries(
  delivery: Delivery,
  tx: Db,
  serviceId: string,
  options: { except?: string; skipLocked?: boolean } = {},
): Promise<void> {
  const service = await lockService(tx, serviceId, { skipLocked: options.skipLocked });
  if (!service) return;
  const free = service.concurrency - (await countInFlight(tx, serviceId));
  const now = delivery.core.clock.now();
  const claimed =
    free > 0 ? await claimDueNodes(tx, serviceId, now, free, slotLeaseMs, options.except) : [];
  if (claimed.length > 0) {
    await delivery.core.jobs.enqueueMany(
      claimed.map((node) =>
        pushJob.spec({ nodeId: node.id }, { uniqueKey: `delivery.push:${node.id}` }),
      ),
      { tx },
    );
  }
  await setNextDue(tx, serviceId, await nextDueAt(tx, serviceId, free > claimed.length));
}

/** Looks at up to this many due services per pass; a full pass is followed by another at once. */
const scanBatch = 100;

/**
 * The dispatcher's loop in every process that runs jobs: every `scanMs` (and at once after a
 * travel of the platform clock) it starts the deliveries of services whose `next_due_at` has
 * come. A service another process is dispatching is skipped, not waited for.
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
      await transaction(core.database.db, (tx) =>
        startDueDeliveries(delivery, tx, id, { skipLocked: true }),
      );
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
