import type { Module } from '../module.ts';
import { authRoutes } from './auth-routes.ts';
import { memberRoutes } from './member-routes.ts';
import { organisationRoutes } from './organisation-routes.ts';
import { identityProblems } from './problems.ts';
import { tokenRoutes } from './token-routes.ts';

/** Users, organisations, memberships and API tokens. */
export const identityModule: Module = {
  name: 'identity',
  migrations: new URL('./migrations/', import.meta.url),
  problems: identityProblems,
  // In this order: it is the order of the routes in the OpenAPI document.
  routes(app, core) {
    authRoutes(app, core);
    tokenRoutes(app, core);
    organisationRoutes(app, core);
    memberRoutes(app, core);
  },
};
