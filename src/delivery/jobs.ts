import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { deliveryOf } from './delivery.ts';
import { pushJob } from './dispatch.ts';
import { evaluateDelivery, evaluateJob } from './evaluation.ts';
import { deliverToNode } from './push.ts';
import { syncDueSources, syncDueSourcesJob, syncSource, syncSourceJob } from './source-sync.ts';

/** Delivery's job handlers; each kind is defined beside the code that enqueues it. */
export function deliveryJobs(core: Core): JobRegistration[] {
  const delivery = () => deliveryOf(core);
  return [
    pushJob.handle((job, { signal }) => deliverToNode(delivery(), job.payload.nodeId, signal)),
    syncSourceJob.handle((job, { signal }) =>
      syncSource(delivery(), job.payload.serviceId, signal),
    ),
    syncDueSourcesJob.handle(() => syncDueSources(delivery())),
    evaluateJob.handle(() => evaluateDelivery(delivery())),
  ];
}
