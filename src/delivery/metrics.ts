import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../platform/db/database.ts';
import type { Outcome } from './answers.ts';
import { type GaugeRow, operationTables } from './store/operation-tables.ts';

// Delivery's Prometheus metrics (docs/delivery.md, "Metrics"). Deliveries are counted where they
// end, in the process that ran them. The per-service gauges are what the periodic evaluation
// last counted (delivery_service_gauges, evaluation.ts): a scrape reads one row per service,
// never the nodes, and every process reports the same values (take max, not sum).

export interface DeliveryMetrics {
  /** A delivery to a node of `serviceId` ended with `outcome`. */
  delivered(serviceId: string, outcome: Outcome['kind']): void;
}

const phases = ['new', 'healthy', 'renewing', 'danger', 'expired'] as const;

/** Registers delivery's metrics in the process's registry. */
export function createDeliveryMetrics(registry: Registry, db: Db): DeliveryMetrics {
  const deliveries = new Counter({
    name: 'meridian_delivery_deliveries_total',
    help: 'Deliveries to nodes that ended, by service and outcome (acknowledged, refused, failed)',
    labelNames: ['service', 'outcome'],
    registers: [registry],
  });
  const gauges = sharedRead(() =>
    operationTables(db).selectFrom('delivery_service_gauges').selectAll().execute(),
  );
  new Gauge({
    name: 'meridian_delivery_nodes',
    help: 'Nodes by service and phase of their current metadata, at the last evaluation',
    labelNames: ['service', 'phase'],
    registers: [registry],
    async collect() {
      const rows = await gauges();
      this.reset();
      for (const row of rows) {
        for (const phase of phases) this.set({ service: row.service_id, phase }, row[phase]);
      }
    },
  });
  new Gauge({
    name: 'meridian_delivery_earliest_expiry_timestamp_seconds',
    help: "The earliest expiry of a node's current metadata, by service (Unix time)",
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      const rows = await gauges();
      this.reset();
      for (const row of rows) {
        if (row.earliest_expiry) {
          this.set({ service: row.service_id }, row.earliest_expiry.getTime() / 1000);
        }
      }
    },
  });
  new Gauge({
    name: 'meridian_delivery_due_backlog',
    help: 'Nodes whose renewal is due and whose delivery has not started, by service',
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      const rows = await gauges();
      this.reset();
      for (const row of rows) this.set({ service: row.service_id }, row.due_backlog);
    },
  });
  return {
    delivered(serviceId, outcome) {
      deliveries.inc({ service: serviceId, outcome });
    },
  };
}

/** One read of the gauges table per scrape: the three gauges collect at the same moment. */
function sharedRead(read: () => Promise<GaugeRow[]>): () => Promise<GaugeRow[]> {
  let last: { at: number; rows: Promise<GaugeRow[]> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > 1_000) {
      last = { at: now, rows: read() };
      last.rows.catch(() => {
        last = undefined;
      });
    }
    return last.rows;
  };
}
