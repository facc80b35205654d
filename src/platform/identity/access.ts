import type { Db } from '../db/database.ts';
import type { Role } from '../db/tables.ts';
import { isUuid } from '../ids.ts';
import { Problem } from '../problems.ts';
import {
  findOrganisationOfMember,
  findUserById,
  listMembersWithRole,
  listOperators,
  listOrganisationsOfMember,
} from './store.ts';

export type { Role };

/** A user as another module may see them. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

/**
 * What modules know of users and organisations (`core.identity`), so that no system reads the
 * identity tables itself. Organisation checks answer as the API does everywhere: an organisation
 * the user is not a member of is a 404, as if it did not exist; a member whose role may not do
 * the thing gets a 403.
 */
export interface Identity {
  findUser(userId: string): Promise<UserSummary | undefined>;
  /** The operators (users made so by `meridian user create --admin`): who hears of alerts. */
  listOperators(): Promise<UserSummary[]>;
  /** The user's role in the organisation; undefined when they are not a member (or it is gone). */
  roleIn(orgId: string, userId: string): Promise<Role | undefined>;
  /**
   * The user's role, when it is one of `allowed` (default: any member); else throws `not-found`
   * for a non-member and `forbidden` naming `action` for the wrong role.
   *
   * @example
   * await core.identity.requireRole(orgId, userId, ['owner', 'admin'], 'change the catalogue');
   */
  requireRole(orgId: string, userId: string, allowed?: Role[], action?: string): Promise<Role>;
  /** The organisation's members whose role is one of `roles` (whom to tell about its business). */
  membersWithRole(orgId: string, roles: Role[]): Promise<UserSummary[]>;
  /**
   * The organisation a call acts on (the briefs' routes, which name none in their paths): the one
   * it names, of which the user must be a member (else `not-found`), or else the user's only
   * organisation: `not-found` when they have none, `bad-request` when they have several.
   */
  organisationOf(userId: string, named: string | undefined): Promise<string>;
}

/** `core.identity` over the database (or a transaction, for a check inside one). */
export function createIdentity(db: Db): Identity {
  // An id that is no UUID names no row (and PostgreSQL would refuse it in the query).
  const roleIn = async (orgId: string, userId: string) =>
    isUuid(orgId) && isUuid(userId)
      ? (await findOrganisationOfMember(db, orgId, userId))?.role
      : undefined;
  return {
    findUser: async (userId) => (isUuid(userId) ? findUserById(db, userId) : undefined),
    membersWithRole: (orgId, roles) => listMembersWithRole(db, orgId, roles),
    listOperators: () => listOperators(db),
    async organisationOf(userId, named) {
      if (named) {
        if (!(await roleIn(named, userId)))
          throw new Problem('not-found', `No organisation ${named}`);
        return named;
      }
      const orgs = await listOrganisationsOfMember(db, userId, undefined, 2);
      if (orgs.length === 1) return (orgs[0] as { id: string }).id;
      if (orgs.length === 0) {
        throw new Problem('not-found', 'You belong to no organisation: create one (POST /v1/orgs)');
      }
      throw new Problem(
        'bad-request',
        'You belong to several organisations: name one with org_id or the Meridian-Organisation header',
      );
    },
    roleIn,
    async requireRole(orgId, userId, allowed, action = 'do this') {
      const role = await roleIn(orgId, userId);
      if (!role) throw new Problem('not-found', `No organisation ${orgId}`);
      if (allowed && !allowed.includes(role)) {
        throw new Problem('forbidden', `Your role (${role}) may not ${action}`);
      }
      return role;
    },
  };
}
