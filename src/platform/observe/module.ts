import type { Module } from '../module.ts';
import { alertRoutes } from './alert-routes.ts';
import { platformAlertRules } from './alert-rules.ts';
import { evaluateAlerts, evaluateAlertsJob } from './alerts.ts';
import { observeConfig } from './config.ts';
import { observeRoutes } from './routes.ts';

/**
 * Health, readiness, Prometheus metrics, the instance registry, and alerts: every module's alert
 * rules (the platform's first) evaluated every `ALERTS_EVALUATE_SECONDS`, operators told once
 * per firing and once per resolution, listed at `GET /v1/admin/alerts`.
 */
export const observeModule: Module = {
  name: 'observe',
  config: observeConfig,
  migrations: new URL('./migrations/', import.meta.url),
  routes(app, core) {
    observeRoutes(app, core);
    alertRoutes(app, core);
  },
  jobs: (core) => [
    evaluateAlertsJob.handle(() => evaluateAlerts(core, core.alertRules).then(() => {})),
  ],
  periodic(config) {
    const { evaluateMs } = observeConfig.of(config).alerts;
    if (evaluateMs === 0) return [];
    return [{ name: evaluateAlertsJob.kind, every: evaluateMs, job: evaluateAlertsJob.spec() }];
  },
  alertRules: platformAlertRules,
};
