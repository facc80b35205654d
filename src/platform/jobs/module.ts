import type { Module } from '../module.ts';
import { jobsConfig } from './config.ts';
import { jobRoutes } from './routes.ts';

/** The durable job queue's tables and admin routes; the engine itself is started by the runtime. */
export const jobsModule: Module = {
  name: 'jobs',
  config: jobsConfig,
  migrations: new URL('./migrations/', import.meta.url),
  routes: jobRoutes,
};
