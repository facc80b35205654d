import type { Module } from '../module.ts';
import { identityRoutes } from './routes.ts';

/** Users, organisations, memberships and API tokens. */
export const identityModule: Module = {
  name: 'identity',
  migrations: new URL('./migrations/', import.meta.url),
  routes: identityRoutes,
};
