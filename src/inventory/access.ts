import type { Role } from '../platform/identity/access.ts';
import type { Core } from '../platform/module.ts';

// Who may do what in an organisation's inventory (docs/inventory.md, "Roles"): every member
// reads and works orders (create, fulfil, cancel, return); owners and admins also change the
// catalogue, the locations and the stock. A non-member is answered 404, as if the organisation
// did not exist.

const keepers: Role[] = ['owner', 'admin'];

/** Any member: reads, and works orders. */
export function requireMember(core: Core, orgId: string, userId: string) {
  return core.identity.requireRole(orgId, userId);
}

/** An owner or admin: changes the catalogue, locations and stock. */
export function requireKeeper(core: Core, orgId: string, userId: string) {
  return core.identity.requireRole(orgId, userId, keepers, 'change the catalogue or stock');
}
