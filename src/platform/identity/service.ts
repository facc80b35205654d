import { type Db, transaction } from '../db/database.ts';
import type { Role } from '../db/tables.ts';
import type { ExpectedVersion } from '../http/concurrency.ts';
import { versionMismatch } from '../http/concurrency.ts';
import { Problem } from '../problems.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import * as store from './store.ts';
import { newTokenSecret, tokenHash } from './tokens.ts';

// The rules of identity. Functions take the database (or a transaction) and throw catalogued
// problems; they never see a request. Anything about an organisation that its caller is not a
// member of is a 404, so that ids of other people's organisations reveal nothing.

/** Tokens made by logging in expire; tokens made on purpose live until revoked or their expiry. */
const loginTokenLifetimeMs = 30 * 24 * 3600 * 1000;

export async function signUp(
  db: Db,
  input: { email: string; password: string; name: string; isOperator?: boolean },
) {
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const user = await store.insertUser(tx, {
      email: input.email,
      name: input.name,
      passwordHash,
      isOperator: input.isOperator ?? false,
    });
    if (!user) throw new Problem('email-taken', `${input.email} is already registered`);
    const token = await issueToken(
      tx,
      user.id,
      'sign-up',
      new Date(Date.now() + loginTokenLifetimeMs),
    );
    return { user, token: token.token };
  });
}

export async function logIn(db: Db, email: string, password: string) {
  const user = await store.findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  if (!user || !valid) throw new Problem('invalid-credentials', 'Invalid email or password');
  return issueToken(db, user.id, 'login', new Date(Date.now() + loginTokenLifetimeMs));
}

/** Makes a token; its secret is in the result and nowhere else, ever again. */
export async function issueToken(db: Db, userId: string, name: string, expiresAt: Date | null) {
  const secret = newTokenSecret();
  const row = await store.insertToken(db, { userId, name, hash: tokenHash(secret), expiresAt });
  return { ...row, token: secret };
}

export async function revokeToken(db: Db, userId: string, tokenId: string): Promise<Buffer> {
  const hash = await store.revokeToken(db, userId, tokenId);
  if (!hash) throw new Problem('not-found', `No token ${tokenId}`);
  return hash;
}

export function createOrganisation(db: Db, userId: string, name: string) {
  return transaction(db, async (tx) => {
    const org = await store.insertOrganisation(tx, name);
    await store.insertMembership(tx, org.id, userId, 'owner');
    return { ...org, role: 'owner' as Role };
  });
}

export async function getOrganisation(db: Db, userId: string, orgId: string) {
  const org = await store.findOrganisationOfMember(db, orgId, userId);
  if (!org) throw notFound(orgId);
  return org;
}

export function renameOrganisation(
  db: Db,
  userId: string,
  orgId: string,
  name: string,
  expected: ExpectedVersion | undefined,
) {
  return transaction(db, async (tx) => {
    // Locked first, so that a refusal reports the version that won, not the one read before it.
    await store.lockOrganisation(tx, orgId);
    const current = await getOrganisation(tx, userId, orgId);
    requireRole(current.role, ['owner', 'admin'], 'rename the organisation');
    const updated = await store.updateOrganisationName(tx, orgId, name, expected?.version);
    if (!updated) throw versionMismatch(expected as ExpectedVersion, current.version);
    return { ...updated, role: current.role };
  });
}

export async function listMembers(
  db: Db,
  userId: string,
  orgId: string,
  after: string | undefined,
  limit: number,
) {
  await getOrganisation(db, userId, orgId);
  return store.listMembers(db, orgId, after, limit);
}

export function addMember(db: Db, actorId: string, orgId: string, email: string, role: Role) {
  return transaction(db, async (tx) => {
    const actorRole = await lockedRole(tx, orgId, actorId);
    requireRole(actorRole, ['owner', 'admin'], 'add members');
    if (role === 'owner') requireRole(actorRole, ['owner'], 'make owners');
    const user = await store.findUserByEmail(tx, email);
    if (!user) throw new Problem('unprocessable', `No user is registered with ${email}`);
    const membership = await store.insertMembership(tx, orgId, user.id, role);
    if (!membership) throw new Problem('conflict', `${email} is already a member`);
    return {
      user_id: user.id,
      email: user.email,
      name: user.name,
      role,
      created_at: membership.created_at,
    };
  });
}

/** Admins remove members, owners remove anyone, and anyone may leave; an organisation keeps an owner. */
export function removeMember(db: Db, actorId: string, orgId: string, userId: string) {
  return transaction(db, async (tx) => {
    const actorRole = await lockedRole(tx, orgId, actorId);
    const targetRole = await store.lockMembership(tx, orgId, userId);
    if (!targetRole) throw new Problem('not-found', `User ${userId} is not a member`);
    if (actorId !== userId) {
      requireRole(
        actorRole,
        targetRole === 'owner' ? ['owner'] : ['owner', 'admin'],
        'remove this member',
      );
    }
    if (targetRole === 'owner' && (await store.countOwners(tx, orgId)) === 1) {
      throw new Problem('conflict', 'The last owner cannot leave; make another member owner first');
    }
    await store.deleteMembership(tx, orgId, userId);
  });
}

/** The actor's role, with the organisation locked so concurrent membership changes queue. */
async function lockedRole(db: Db, orgId: string, actorId: string): Promise<Role> {
  await store.lockOrganisation(db, orgId);
  const role = await store.lockMembership(db, orgId, actorId);
  if (!role) throw notFound(orgId);
  return role;
}

function requireRole(role: Role, allowed: Role[], action: string): void {
  if (!allowed.includes(role)) {
    throw new Problem('forbidden', `Your role (${role}) may not ${action}`);
  }
}

function notFound(orgId: string): Problem {
  return new Problem('not-found', `No organisation ${orgId}`);
}
