import type { Core } from '../platform/module.ts';
import { type DeliveryConfig, deliveryConfig } from './config.ts';
import { createDeliveryMetrics, type DeliveryMetrics } from './metrics.ts';
import { serverSecret } from './secret.ts';
import { type DeliveryWriters, deliveryWriters } from './writers.ts';

// Metadata delivery of one running Meridian: the core, its settings, the server secret (loaded
// once) and the group-commit writers. One per core, shared by the routes, the jobs and the
// dispatcher of the process.

export interface Delivery {
  core: Core;
  settings: DeliveryConfig;
  /** The server secret that seals CA keys and source credentials (secret.ts). */
  secret: () => Promise<string>;
  /** The process's delivery metrics (metrics.ts). */
  metrics: DeliveryMetrics;
  /** Writes deliveries' beginnings and ends in batches (writers.ts). */
  writers: DeliveryWriters;
}

const built = new WeakMap<Core, Delivery>();

/** The process's delivery for `core`, built on first use. */
export function deliveryOf(core: Core): Delivery {
  let delivery = built.get(core);
  if (!delivery) {
    const settings = deliveryConfig.of(core.config);
    delivery = {
      core,
      settings,
      secret: serverSecret(core.database.db, settings.keySecret, core.config.dataDir),
      metrics: createDeliveryMetrics(core.metrics, core.database.db),
      writers: deliveryWriters(core),
    };
    built.set(core, delivery);
  }
  return delivery;
}
