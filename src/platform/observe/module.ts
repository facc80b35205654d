import type { Module } from '../module.ts';
import { observeConfig } from './config.ts';
import { observeRoutes } from './routes.ts';

/** Health, readiness, Prometheus metrics and the instance registry. */
export const observeModule: Module = {
  name: 'observe',
  config: observeConfig,
  migrations: new URL('./migrations/', import.meta.url),
  routes: observeRoutes,
};
