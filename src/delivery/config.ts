import { defineConfigSection } from '../platform/config.ts';

/** Metadata delivery's settings (docs/delivery.md, "Configuration"). */
export const deliveryConfig = defineConfigSection('delivery', (env) => ({
  /**
   * The server secret that seals CA keys and node-source credentials (at least 32 bytes). Unset:
   * one is made at first use and kept in `$DATA_DIR/delivery.secret` (secret.ts).
   */
  keySecret: env.raw('DELIVERY_KEY_SECRET'),
  /** Leaves are `spiffe://<organisation id>.<this>/<service>/<node>`. */
  trustDomain: env.text('DELIVERY_TRUST_DOMAIN', 'delivery.meridian.local'),
  /** Each call to a node (and each fetch of its metadata) ends by this deadline. */
  callTimeoutMs: env.integer('DELIVERY_CALL_TIMEOUT_SECONDS', 10, 1, 300) * 1000,
  /** How often a service's node source is read again (an unchanged one answers 304). */
  sourceSyncMs: env.integer('DELIVERY_SOURCE_SYNC_SECONDS', 60, 1, 86_400) * 1000,
  /** How often each worker looks for services with nodes due (a clock travel looks at once). */
  scanMs: env.integer('DELIVERY_SCAN_MS', 1000, 50, 60_000),
  /** How often alarms, gauges and rollouts are evaluated (evaluation.ts). */
  evaluateMs: env.integer('DELIVERY_EVALUATE_SECONDS', 30, 1, 3_600) * 1000,
  /** Operators are alerted once a due renewal has waited this long to start (delivery-behind). */
  behindAlertSeconds: env.integer('DELIVERY_BEHIND_ALERT_SECONDS', 120, 1, 86_400),
}));

export type DeliveryConfig = ReturnType<typeof deliveryConfig.of>;
