import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../../test/module-harness.ts';
import { Problem } from '../problems.ts';
import * as identity from './service.ts';

const { core, database } = await startTestCore();
const { db } = database;

async function newUser(name: string) {
  const { user } = await identity.signUp(db, {
    email: `${name}-${randomUUID()}@example.com`,
    password: 'correct horse battery',
    name,
  });
  return user;
}

const owner = await newUser('owner');
const member = await newUser('member');
const stranger = await newUser('stranger');
const org = await identity.createOrganisation(db, owner.id, 'Shop');
await identity.addMember(db, owner.id, org.id, member.email, 'member');

/** The problem `work` throws: its name and detail. */
async function problemOf(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Problem)) throw new Error(`expected a Problem, got ${String(error)}`);
  return { problem: error.problem, detail: error.message };
}

describe('core.identity, as modules see users and organisations', () => {
  it('finds a user by id, and nobody for an unknown or malformed id', async () => {
    expect(await core.identity.findUser(member.id)).toMatchObject({
      id: member.id,
      email: member.email,
      name: 'member',
    });
    expect(await core.identity.findUser(randomUUID())).toBeUndefined();
    expect(await core.identity.findUser('not-a-uuid')).toBeUndefined();
  });

  it("tells each user's role, and none for a stranger or an unknown organisation", async () => {
    expect(await core.identity.roleIn(org.id, owner.id)).toBe('owner');
    expect(await core.identity.roleIn(org.id, member.id)).toBe('member');
    expect(await core.identity.roleIn(org.id, stranger.id)).toBeUndefined();
    expect(await core.identity.roleIn(randomUUID(), owner.id)).toBeUndefined();
    expect(await core.identity.roleIn("1' OR '1'='1", owner.id)).toBeUndefined();
  });

  it('lets a role through, refuses the wrong role (403) and hides the organisation from others (404)', async () => {
    expect(await core.identity.requireRole(org.id, member.id)).toBe('member');
    expect(await core.identity.requireRole(org.id, owner.id, ['owner', 'admin'])).toBe('owner');
    expect(
      await problemOf(
        core.identity.requireRole(org.id, member.id, ['owner', 'admin'], 'change the catalogue'),
      ),
    ).toEqual({ problem: 'forbidden', detail: 'Your role (member) may not change the catalogue' });
    expect(await problemOf(core.identity.requireRole(org.id, stranger.id))).toEqual({
      problem: 'not-found',
      detail: `No organisation ${org.id}`,
    });
  });
});
