import type { FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/database.ts';
import type { Role } from '../platform/identity/access.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { requireService } from './services.ts';
import type { ServiceRow } from './store/tables.ts';

// Who may do what with an organisation's delivery (docs/delivery.md, "Roles"): every member
// reads services, nodes and status; owners and admins onboard, change and remove services,
// register and remove nodes and force deliveries. A non-member is answered 404, as if the
// organisation (or its service) did not exist.

const keepers: Role[] = ['owner', 'admin'];

export const security = [{ bearer: [] }];
export const tags = ['delivery'];

/** The caller, who acts in the organisation of the route. */
export const userOf = (request: FastifyRequest) => principalOf(request).user.id;

/** Any member: reads. */
export function requireMember(core: Core, orgId: string, userId: string) {
  return core.identity.requireRole(orgId, userId);
}

/** An owner or admin: changes. */
export function requireKeeper(core: Core, orgId: string, userId: string) {
  return core.identity.requireRole(orgId, userId, keepers, 'change delivery services');
}

/**
 * The service, for a caller who may read it (`change`: change it). Another organisation's
 * service is a 404, the same as one that does not exist.
 */
export async function serviceFor(
  core: Core,
  db: Db,
  serviceId: string,
  userId: string,
  change = false,
): Promise<ServiceRow> {
  const service = await requireService(db, serviceId);
  if ((await core.identity.roleIn(service.org_id, userId)) === undefined) {
    throw new Problem('not-found', `No delivery service ${serviceId}`);
  }
  if (change) await requireKeeper(core, service.org_id, userId);
  return service;
}
