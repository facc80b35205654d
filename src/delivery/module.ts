import type { Module } from '../platform/module.ts';
import { agentRoutes } from './agent-routes.ts';
import { briefRoutes } from './brief-routes.ts';
import { deliveryConfig } from './config.ts';
import { deliveryOf } from './delivery.ts';
import { deliveryScanner } from './dispatch.ts';
import { deliveryBehindRule, evaluatePeriodic } from './evaluation.ts';
import { deliveryJobs } from './jobs.ts';
import { nodeRoutes } from './node-routes.ts';
import { operationRoutes } from './operation-routes.ts';
import { deliveryProblems } from './problems.ts';
import { rangeRoutes } from './range-routes.ts';
import { serviceRoutes } from './service-routes.ts';
import { syncDueSourcesPeriodic } from './source-sync.ts';

/**
 * Metadata delivery (brief 004): a fresh per-node certificate, or other metadata, on every node
 * of a customer's service, always before the old one expires. See docs/delivery.md.
 */
export const deliveryModule: Module = {
  name: 'delivery',
  migrations: new URL('./migrations/', import.meta.url),
  config: deliveryConfig,
  problems: deliveryProblems,
  routes(app, core) {
    const delivery = deliveryOf(core);
    serviceRoutes(app, delivery);
    nodeRoutes(app, delivery);
    agentRoutes(app, delivery);
    operationRoutes(app, delivery);
    briefRoutes(app, delivery);
    rangeRoutes(app, delivery);
  },
  jobs: deliveryJobs,
  periodic: (config) => [
    syncDueSourcesPeriodic(deliveryConfig.of(config).sourceSyncMs),
    evaluatePeriodic(deliveryConfig.of(config).evaluateMs),
  ],
  alertRules: [deliveryBehindRule],
  // The dispatcher, in every process that runs jobs (built lazily: nothing is read before start).
  services: (core) => [deliveryScanner(deliveryOf(core))],
};
