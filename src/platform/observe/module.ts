import type { Module } from '../module.ts';
import { observeRoutes } from './routes.ts';

/** Health, readiness, Prometheus metrics and the instance registry. */
export const observeModule: Module = {
  name: 'observe',
  migrations: new URL('./migrations/', import.meta.url),
  routes: observeRoutes,
};
