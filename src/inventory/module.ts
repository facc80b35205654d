import type { Module } from '../platform/module.ts';
import { briefRoutes } from './brief-routes.ts';
import { bulkRoutes } from './bulk-routes.ts';
import { catalogueRoutes } from './catalogue-routes.ts';
import { inventoryJobs } from './jobs.ts';
import { orderRoutes } from './order-routes.ts';
import { inventoryProblems } from './problems.ts';
import { reconcileDriftRule, reconcilePeriodic } from './reconcile.ts';
import { reportRoutes } from './report-routes.ts';
import { searchRoutes } from './search-routes.ts';
import { snapshotPeriodic } from './snapshots.ts';
import { stockRoutes } from './stock-routes.ts';
import { inventoryWriters } from './writers.ts';

/**
 * Inventory (brief 001): an organisation's items, its stock per location on an append-only
 * ledger, and orders that reserve and ship it without ever overselling. See docs/inventory.md.
 */
export const inventoryModule: Module = {
  name: 'inventory',
  migrations: new URL('./migrations/', import.meta.url),
  problems: inventoryProblems,
  routes(app, core) {
    const inventory = inventoryWriters(core);
    catalogueRoutes(app, core);
    stockRoutes(app, inventory);
    orderRoutes(app, inventory);
    briefRoutes(app, inventory);
    bulkRoutes(app, core);
    searchRoutes(app, core);
    reportRoutes(app, core);
  },
  jobs: inventoryJobs,
  periodic: [snapshotPeriodic, reconcilePeriodic],
  alertRules: [reconcileDriftRule],
  // `inventory:<org id>`: every committed change of the organisation's stock, items and orders.
  topics: {
    inventory: async (userId, orgId, core) =>
      (await core.identity.roleIn(orgId, userId)) !== undefined,
  },
};
