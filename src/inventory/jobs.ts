import type { JobRegistration } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { importJob, runImport } from './import-job.ts';
import { lowStockJob, notifyLowStock } from './low-stock.ts';
import { expireOrder, expireOrderJob } from './orders.ts';
import { reconcile, reconcileJob } from './reconcile.ts';
import { refreshSnapshots, snapshotJob } from './snapshots.ts';

/** Inventory's job handlers; each kind is defined beside the code that enqueues it. */
export function inventoryJobs(core: Core): JobRegistration[] {
  return [
    lowStockJob.handle((job) => notifyLowStock(core, job.payload)),
    expireOrderJob.handle(async (job) => {
      await expireOrder(core, job.payload);
    }),
    importJob.handle((job) => runImport(core, job.payload.importId)),
    snapshotJob.handle(async () => {
      await refreshSnapshots(core.database.db, core.clock.now());
    }),
    reconcileJob.handle(async () => {
      await reconcile(core.database.db);
    }),
  ];
}
