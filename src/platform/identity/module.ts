import type { Module } from '../module.ts';
import { identityProblems } from './problems.ts';
import { identityRoutes } from './routes.ts';

/** Users, organisations, memberships and API tokens. */
export const identityModule: Module = {
  name: 'identity',
  migrations: new URL('./migrations/', import.meta.url),
  problems: identityProblems,
  routes: identityRoutes,
};
