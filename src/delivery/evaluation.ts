import { defineJob } from '../platform/jobs/define.ts';
import type { AlertRule } from '../platform/module.ts';
import { evaluateAlarms } from './alarms.ts';
import { deliveryConfig } from './config.ts';
import type { Delivery } from './delivery.ts';
import { completeEmptiedRollouts } from './rollouts.ts';
import { countServices, saveGauges, waitingSince } from './store/evaluation.ts';

// The periodic evaluation of delivery (`delivery.evaluate`, every DELIVERY_EVALUATE_SECONDS, once
// across the processes): one pass counts every service's nodes by phase for the metrics, the
// alarms follow from those counts and from the nodes past their danger point, and rollouts whose
// remaining nodes were all removed are completed. Phases are taken at the platform clock.

export const evaluateJob = defineJob('delivery.evaluate', {
  // The next evaluation is the retry.
  maxAttempts: 1,
});

export function evaluatePeriodic(evaluateMs: number) {
  return { name: evaluateJob.kind, every: evaluateMs, job: evaluateJob.spec() };
}

/** One evaluation: gauges, alarms, rollouts. */
export async function evaluateDelivery(delivery: Delivery): Promise<void> {
  const { db } = delivery.core.database;
  const now = delivery.core.clock.now();
  const counts = await countServices(db, now);
  await saveGauges(db, counts, now);
  await evaluateAlarms(delivery, counts, now);
  await completeEmptiedRollouts(delivery);
}

/**
 * Meridian itself falls behind: deliveries due for longer than DELIVERY_BEHIND_ALERT_SECONDS
 * have not started (too few workers, a stuck dispatcher, a database too slow). One alert for the
 * whole system; its value is the number of nodes waiting. Due times are on the platform clock.
 */
export const deliveryBehindRule: AlertRule = {
  name: 'delivery-behind',
  severity: 'critical',
  async evaluate(core) {
    const seconds = deliveryConfig.of(core.config).behindAlertSeconds;
    const before = new Date(core.clock.now().getTime() - seconds * 1000);
    const waiting = await waitingSince(core.database.db, before);
    if (waiting.nodes === 0 || !waiting.oldest) return [];
    const late = Math.round((core.clock.now().getTime() - waiting.oldest.getTime()) / 1000);
    return [
      {
        key: 'all',
        summary: `${waiting.nodes} due deliveries of ${waiting.services} services have waited more than ${seconds} s to start (the oldest ${late} s)`,
        details: {
          nodes: waiting.nodes,
          services: waiting.services,
          oldest_due_at: waiting.oldest,
        },
        value: waiting.nodes,
      },
    ];
  },
};
