import { countDeadJobsByQueue } from '../jobs/store.ts';
import type { AlertRule } from '../module.ts';
import { observeConfig } from './config.ts';
import { lostSince } from './instances.ts';
import { trafficSince } from './traffic.ts';

// The platform's own alert rules (docs/operations.md, Alerts), declared by the observe module.
// Each reads what the platform already keeps: the instances' lost marks, the per-minute HTTP
// counts the heartbeats write, the dead jobs. Thresholds are the ALERTS_* settings.

/**
 * A process judged lost (its pid gone, or silent for three beats) within
 * `ALERTS_INSTANCE_LOST_MINUTES`, and not back: one alert per instance. It resolves when the
 * process beats again (it was only paused) or once the loss is older than the setting: a crashed
 * process never comes back under its id, and its replacement is a new instance.
 */
export const instanceLostRule: AlertRule = {
  name: 'instance-lost',
  severity: 'critical',
  async evaluate(core, now) {
    const { instanceLostMinutes } = observeConfig.of(core.config).alerts;
    const since = new Date(now.getTime() - instanceLostMinutes * 60_000);
    const lost = await lostSince(core.database.db, since);
    return lost.map((instance) => ({
      key: instance.id,
      summary: `Instance ${instance.hostname} pid ${instance.pid} (${instance.role}) lost: ${instance.lost_reason}`,
      details: {
        instance_id: instance.id,
        hostname: instance.hostname,
        pid: instance.pid,
        role: instance.role,
        lost_at: instance.lost_at?.toISOString(),
        lost_reason: instance.lost_reason,
      },
    }));
  },
};

/**
 * At least `ALERTS_HTTP_5XX_PERCENT` of every process's responses of the last
 * `ALERTS_HTTP_WINDOW_MINUTES` were 5xx, over at least `ALERTS_HTTP_MIN_REQUESTS` responses. The
 * window is whole minutes, counted by each process and written at its heartbeat, so it lags by
 * a beat.
 */
export const http5xxRateRule: AlertRule = {
  name: 'http-5xx-rate',
  severity: 'critical',
  async evaluate(core, now) {
    const settings = observeConfig.of(core.config).alerts;
    const windowMs = settings.httpWindowMinutes * 60_000;
    const since = new Date(Math.floor((now.getTime() - windowMs) / 60_000) * 60_000);
    const { requests, errors } = await trafficSince(core.database.db, since);
    if (requests < settings.httpMinRequests) return [];
    const percent = (errors / requests) * 100;
    if (percent < settings.http5xxPercent) return [];
    return [
      {
        key: 'all',
        summary: `${percent.toFixed(1)}% of HTTP responses were 5xx in the last ${settings.httpWindowMinutes} min (${errors} of ${requests})`,
        details: { requests, errors, window_minutes: settings.httpWindowMinutes },
        value: percent,
      },
    ];
  },
};

/**
 * A queue holds at least `ALERTS_DEAD_JOBS` dead jobs: one alert per queue. It stays firing as
 * more die (its value and summary follow the count, without a new notice) and resolves once
 * they are redriven or cancelled below the threshold.
 */
export const deadJobsRule: AlertRule = {
  name: 'jobs-dead',
  severity: 'warning',
  async evaluate(core) {
    const threshold = observeConfig.of(core.config).alerts.deadJobs;
    const queues = await countDeadJobsByQueue(core.database.db);
    return queues
      .filter(({ count }) => count >= threshold)
      .map(({ queue, count }) => ({
        key: queue,
        summary: `${count} dead job${count === 1 ? '' : 's'} in queue ${queue}`,
        details: { queue, dead: count },
        value: count,
      }));
  },
};

/** The platform's rules, in the order they are evaluated. */
export const platformAlertRules: AlertRule[] = [instanceLostRule, http5xxRateRule, deadJobsRule];
