import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import type { App } from '../http/app.ts';
import { countFiringByRule } from './alert-store.ts';
import type { HttpTraffic } from './traffic.ts';

/** One Prometheus registry per process: process metrics, database pool, HTTP requests. */
export function createMetrics(pool: pg.Pool): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'meridian_' });
  // Registered by construction; `collect` reads the pool at scrape time.
  new Gauge({
    name: 'meridian_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  return registry;
}

/**
 * `meridian_alerts_firing{rule}`: the firing alerts of each rule, read from `alerts` at scrape
 * time; every rule of the composition is listed, at 0 when nothing fires, so an expression over
 * it has a series to read.
 */
export function instrumentAlerts(registry: Registry, db: Db, ruleNames: readonly string[]): void {
  new Gauge({
    name: 'meridian_alerts_firing',
    help: 'Firing alerts by rule (GET /v1/admin/alerts)',
    labelNames: ['rule'],
    registers: [registry],
    async collect() {
      const firing = await countFiringByRule(db);
      this.reset();
      for (const rule of new Set([...ruleNames, ...firing.keys()])) {
        this.set({ rule }, firing.get(rule) ?? 0);
      }
    },
  });
}

/**
 * Times every request by route template (never the raw URL: ids would explode the series), and
 * counts it in `traffic` for the http-5xx-rate alert rule.
 */
export function instrumentHttp(app: App, registry: Registry, traffic: HttpTraffic): void {
  const duration = new Histogram({
    name: 'meridian_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    traffic.record(reply.statusCode);
    done();
  });
}
