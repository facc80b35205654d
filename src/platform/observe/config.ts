import { defineConfigSection } from '../config.ts';

/**
 * How often a process says it is alive, which bounds how soon its death is noticed; and the
 * alert evaluation's schedule and the built-in rules' thresholds (docs/operations.md, Alerts).
 */
export const observeConfig = defineConfigSection('observe', (env) => ({
  /**
   * The instance heartbeat's interval. Three missed beats and the other processes judge it lost
   * and release its jobs (docs/jobs.md, When a worker dies); a beat also looks for dead
   * processes on this host.
   */
  heartbeatMs: env.integer('HEARTBEAT_SECONDS', 1, 1, 600) * 1000,
  alerts: {
    /**
     * How often the alert rules are evaluated (a periodic job, run by one worker per slot); 0
     * turns Meridian's own alerts off (the tests' default, so no alert mail reaches their
     * operators unasked).
     */
    evaluateMs: env.integer('ALERTS_EVALUATE_SECONDS', 30, 0, 3600) * 1000,
    /** instance-lost fires for an instance lost (and not back) within this many minutes. */
    instanceLostMinutes: env.integer('ALERTS_INSTANCE_LOST_MINUTES', 60, 1, 10_080),
    /** http-5xx-rate looks at the responses of this many last minutes, every process's. */
    httpWindowMinutes: env.integer('ALERTS_HTTP_WINDOW_MINUTES', 5, 1, 1440),
    /** http-5xx-rate fires when at least this percentage of the window's responses were 5xx… */
    http5xxPercent: env.integer('ALERTS_HTTP_5XX_PERCENT', 5, 1, 100),
    /** …and the window saw at least this many responses (a few 5xx of a quiet hour are noise). */
    httpMinRequests: env.integer('ALERTS_HTTP_MIN_REQUESTS', 20, 1, 1_000_000),
    /** jobs-dead fires for a queue holding at least this many dead jobs. */
    deadJobs: env.integer('ALERTS_DEAD_JOBS', 1, 1, 1_000_000),
  },
}));

/** Missed beats after which a silent process is judged lost. */
export const missedBeatsToLose = 3;
