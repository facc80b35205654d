import type { Module } from '../platform/module.ts';
import { catalogueRoutes } from './catalogue-routes.ts';
import { inventoryJobs } from './jobs.ts';
import { inventoryProblems } from './problems.ts';
import { reconcilePeriodic } from './reconcile.ts';
import { reportRoutes } from './report-routes.ts';
import { snapshotPeriodic } from './snapshots.ts';
import { stockRoutes } from './stock-routes.ts';

/**
 * Inventory (brief 001): an organisation's items, its stock per location on an append-only
 * ledger, and orders that reserve and ship it without ever overselling. See docs/inventory.md.
 */
export const inventoryModule: Module = {
  name: 'inventory',
  migrations: new URL('./migrations/', import.meta.url),
  problems: inventoryProblems,
  routes(app, core) {
    catalogueRoutes(app, core);
    stockRoutes(app, core);
    reportRoutes(app, core);
  },
  jobs: inventoryJobs,
  periodic: [snapshotPeriodic, reconcilePeriodic],
  // `inventory:<org id>`: every committed change of the organisation's stock, items and orders.
  topics: {
    inventory: async (userId, orgId, core) =>
      (await core.identity.roleIn(orgId, userId)) !== undefined,
  },
};
