import { defineConfigSection } from '../config.ts';

/** How often a process says it is alive, which bounds how soon its death is noticed. */
export const observeConfig = defineConfigSection('observe', (env) => ({
  /**
   * The instance heartbeat's interval. Three missed beats and the other processes judge it lost
   * and release its jobs (docs/jobs.md, When a worker dies); a beat also looks for dead
   * processes on this host.
   */
  heartbeatMs: env.integer('HEARTBEAT_SECONDS', 1, 1, 600) * 1000,
}));

/** Missed beats after which a silent process is judged lost. */
export const missedBeatsToLose = 3;
