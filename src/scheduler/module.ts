import type { Module } from '../platform/module.ts';
import { briefRoutes } from './brief-routes.ts';
import { executionRoutes } from './execution-routes.ts';
import { schedulerJobs } from './jobs.ts';
import { schedulerProblems } from './problems.ts';
import { taskRoutes } from './routes.ts';
import { taskCreator } from './service.ts';

/**
 * The task scheduler (brief 000): recurring tasks whose occurrences run on time as jobs, retry,
 * land dead for redrive, and tell their owner. See docs/scheduler.md.
 */
export const schedulerModule: Module = {
  name: 'scheduler',
  migrations: new URL('./migrations/', import.meta.url),
  problems: schedulerProblems,
  routes(app, core) {
    const createTask = taskCreator(core);
    taskRoutes(app, core, createTask);
    executionRoutes(app, core);
    briefRoutes(app, core, createTask);
  },
  jobs(core) {
    return schedulerJobs(core, core.outbound);
  },
};
