import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
  type TestServer,
} from '../../../test/helpers.ts';

// Organisations over real HTTP: creating and listing them, their members, and renaming.

type User = Awaited<ReturnType<typeof signUp>>;

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
});

describe('organisations', () => {
  let owner: User;
  let stranger: User;
  beforeAll(async () => {
    owner = await signUp(api);
    stranger = await signUp(api);
  });

  async function createOrg(user: User, name = 'Org'): Promise<any> {
    const response = await api('POST', '/v1/orgs', { token: user.token, body: { name } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  it('makes the creator its owner', async () => {
    const response = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Acme' } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Acme', version: 1, role: 'owner' });
    expect(response.headers.get('etag')).toBe('"1"');
    const members = await api('GET', `/v1/orgs/${response.body.id}/members`, {
      token: owner.token,
    });
    expect(members.status).toBe(200);
    expect(members.body.items).toEqual([
      expect.objectContaining({ user_id: owner.id, role: 'owner' }),
    ]);
  });

  it('needs a token', async () => {
    expectProblem(await api('POST', '/v1/orgs', { body: { name: 'x' } }), 'unauthorized');
    expectProblem(await api('GET', '/v1/orgs'), 'unauthorized');
  });

  it('lists only my organisations, each exactly once across pages', async () => {
    const me = await signUp(api);
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push((await createOrg(me, `Mine ${i}`)).id);
    await createOrg(stranger, 'Not mine');
    // An organisation I was added to counts as mine too.
    const joined = await createOrg(stranger, 'Joined');
    const added = await api('POST', `/v1/orgs/${joined.id}/members`, {
      token: stranger.token,
      body: { email: me.email },
    });
    expect(added.status).toBe(201);
    mine.push(joined.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await api('GET', `/v1/orgs?limit=2${query}`, { token: me.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThan(0);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((org: { id: string }) => org.id));
      cursor = page.body.next_cursor;
      pages++;
      expect(pages).toBeLessThan(10);
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect([...seen].sort()).toEqual([...mine].sort());
    const last = await api('GET', '/v1/orgs?limit=6', { token: me.token });
    expect(last.body.items).toHaveLength(6);
    expect(last.body.next_cursor).toBeNull();
  });

  it('refuses a tampered cursor with 400 invalid-cursor', async () => {
    await createOrg(owner, 'One');
    await createOrg(owner, 'Two');
    const first = await api('GET', '/v1/orgs?limit=1', { token: owner.token });
    const cursor: string = first.body.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const tampered of [
      `${cursor.slice(0, -3)}`,
      'garbage',
      encode(['not-a-uuid']),
      encode([42]),
      encode(['a', 'b']),
      encode({ id: 'x' }),
    ]) {
      const response = await api('GET', `/v1/orgs?limit=1&cursor=${tampered}`, {
        token: owner.token,
      });
      expectProblem(response, 'invalid-cursor');
    }
    for (const path of ['/v1/tokens', `/v1/orgs/${first.body.items[0].id}/members`]) {
      const response = await api('GET', `${path}?cursor=${encode(['not-a-uuid'])}`, {
        token: owner.token,
      });
      expectProblem(response, 'invalid-cursor');
    }
  });

  it("answers another user's organisation with 404, not 403", async () => {
    const theirs = await createOrg(stranger, 'Private');
    const get = await api('GET', `/v1/orgs/${theirs.id}`, { token: owner.token });
    expectProblem(get, 'not-found');
    const missing = await api('GET', '/v1/orgs/0190a8f0-0000-7000-8000-000000000000', {
      token: owner.token,
    });
    expectProblem(missing, 'not-found');
    expect(get.body.detail.replace(theirs.id, '')).toBe(
      missing.body.detail.replace('0190a8f0-0000-7000-8000-000000000000', ''),
    );
    for (const [method, path, body] of [
      ['PATCH', `/v1/orgs/${theirs.id}`, { name: 'Mine now' }],
      ['GET', `/v1/orgs/${theirs.id}/members`, undefined],
      ['POST', `/v1/orgs/${theirs.id}/members`, { email: owner.email }],
      ['DELETE', `/v1/orgs/${theirs.id}/members/${stranger.id}`, undefined],
    ] as const) {
      const response = await api(method, path, { token: owner.token, body });
      expectProblem(response, 'not-found');
    }
    const after = await api('GET', `/v1/orgs/${theirs.id}`, { token: stranger.token });
    expect(after.body.name).toBe('Private');
  });

  it('sends the version as an ETag on GET', async () => {
    const org = await createOrg(owner);
    const get = await api('GET', `/v1/orgs/${org.id}`, { token: owner.token });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ id: org.id, version: 1, role: 'owner' });
    expect(get.headers.get('etag')).toBe('"1"');
  });
});

describe('members', () => {
  let owner: User;
  let admin: User;
  let member: User;
  let outsider: User;
  let orgId: string;

  beforeAll(async () => {
    owner = await signUp(api);
    admin = await signUp(api);
    member = await signUp(api);
    outsider = await signUp(api);
    const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Team' } });
    orgId = org.body.id;
    expect(
      (
        await api('POST', `/v1/orgs/${orgId}/members`, {
          token: owner.token,
          body: { email: admin.email, role: 'admin' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('POST', `/v1/orgs/${orgId}/members`, {
          token: owner.token,
          body: { email: member.email },
        })
      ).status,
    ).toBe(201);
  });

  async function roles(id = orgId): Promise<Record<string, string>> {
    const rows = await server.database.db
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('org_id', '=', id)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.user_id, row.role]));
  }

  const addAs = (actor: User, email: string, role?: string) =>
    api('POST', `/v1/orgs/${orgId}/members`, { token: actor.token, body: { email, role } });

  it('lets owners and admins add members with a role; members may not', async () => {
    const newcomer = await signUp(api);
    expectProblem(await addAs(member, newcomer.email), 'forbidden');
    const byAdmin = await addAs(admin, newcomer.email.toUpperCase(), 'member');
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ user_id: newcomer.id, role: 'member' });
    expect((await roles())[newcomer.id]).toBe('member');
    const seen = await api('GET', `/v1/orgs/${orgId}`, { token: newcomer.token });
    expect(seen.body.role).toBe('member');
  });

  it('lets only an owner add an owner', async () => {
    const newcomer = await signUp(api);
    expectProblem(await addAs(admin, newcomer.email, 'owner'), 'forbidden');
    expect((await roles())[newcomer.id]).toBeUndefined();
    const byOwner = await addAs(owner, newcomer.email, 'owner');
    expect(byOwner.status).toBe(201);
    expect((await roles())[newcomer.id]).toBe('owner');
  });

  it('answers an unknown email with 422 and an existing member with 409', async () => {
    expectProblem(await addAs(owner, `nobody-${Date.now()}@example.com`), 'unprocessable');
    const again = await addAs(owner, member.email, 'admin');
    expectProblem(again, 'conflict');
    expect((await roles())[member.id]).toBe('member');
  });

  it('refuses a bad role', async () => {
    expectProblem(await addAs(owner, outsider.email, 'emperor'), 'validation-failed');
  });

  it('lets a member not remove another (403), but lets anyone leave', async () => {
    const leaver = await signUp(api);
    expect((await addAs(owner, leaver.email)).status).toBe(201);
    const removeOther = await api('DELETE', `/v1/orgs/${orgId}/members/${leaver.id}`, {
      token: member.token,
    });
    expectProblem(removeOther, 'forbidden');
    expect((await roles())[leaver.id]).toBe('member');
    const leave = await api('DELETE', `/v1/orgs/${orgId}/members/${leaver.id}`, {
      token: leaver.token,
    });
    expect(leave.status).toBe(204);
    expect((await roles())[leaver.id]).toBeUndefined();
    // Gone: the organisation is now someone else's, so a 404.
    expectProblem(await api('GET', `/v1/orgs/${orgId}`, { token: leaver.token }), 'not-found');
  });

  it('lets an admin remove a member but not an owner', async () => {
    const removable = await signUp(api);
    expect((await addAs(owner, removable.email)).status).toBe(201);
    const removed = await api('DELETE', `/v1/orgs/${orgId}/members/${removable.id}`, {
      token: admin.token,
    });
    expect(removed.status).toBe(204);
    const ownerRemoval = await api('DELETE', `/v1/orgs/${orgId}/members/${owner.id}`, {
      token: admin.token,
    });
    expectProblem(ownerRemoval, 'forbidden');
    expect((await roles())[owner.id]).toBe('owner');
    const notMember = await api('DELETE', `/v1/orgs/${orgId}/members/${outsider.id}`, {
      token: owner.token,
    });
    expectProblem(notMember, 'not-found');
  });

  it('keeps the last owner', async () => {
    const solo = await signUp(api);
    const org = await api('POST', '/v1/orgs', { token: solo.token, body: { name: 'Solo' } });
    const leave = await api('DELETE', `/v1/orgs/${org.body.id}/members/${solo.id}`, {
      token: solo.token,
    });
    expectProblem(leave, 'conflict');
    expect(await roles(org.body.id)).toEqual({ [solo.id]: 'owner' });
  });

  it('keeps an owner when two owners remove each other at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await signUp(api);
      const b = await signUp(api);
      const org = await api('POST', '/v1/orgs', {
        token: a.token,
        body: { name: `Duel ${round}` },
      });
      const id: string = org.body.id;
      const added = await api('POST', `/v1/orgs/${id}/members`, {
        token: a.token,
        body: { email: b.email, role: 'owner' },
      });
      expect(added.status).toBe(201);
      const results = await Promise.all([
        api('DELETE', `/v1/orgs/${id}/members/${b.id}`, { token: a.token }),
        api('DELETE', `/v1/orgs/${id}/members/${a.id}`, { token: b.token }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      // One wins; the loser is no longer a member, so its request finds nothing (404).
      expect(statuses).toEqual([204, 404]);
      const left = await roles(id);
      expect(Object.values(left)).toEqual(['owner']);
    }
  });
});

describe('renaming an organisation', () => {
  let owner: User;
  let member: User;
  beforeAll(async () => {
    owner = await signUp(api);
    member = await signUp(api);
  });

  async function newOrg(): Promise<string> {
    const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Before' } });
    await api('POST', `/v1/orgs/${org.body.id}/members`, {
      token: owner.token,
      body: { email: member.email },
    });
    return org.body.id;
  }

  const rename = (id: string, body: object, headers: Record<string, string> = {}, user = owner) =>
    api('PATCH', `/v1/orgs/${id}`, { token: user.token, body, headers });

  it('renames with a matching If-Match and moves the ETag on', async () => {
    const id = await newOrg();
    const response = await rename(id, { name: 'After' }, { 'if-match': '"1"' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, name: 'After', version: 2, role: 'owner' });
    expect(response.headers.get('etag')).toBe('"2"');
    const get = await api('GET', `/v1/orgs/${id}`, { token: owner.token });
    expect(get.headers.get('etag')).toBe('"2"');
    expect(get.body.name).toBe('After');
    const weak = await rename(id, { name: 'Weak' }, { 'if-match': 'W/"2"' });
    expect(weak.status).toBe(200);
    expect(weak.body.version).toBe(3);
  });

  it('refuses a stale If-Match with 412 and the current version', async () => {
    const id = await newOrg();
    expect((await rename(id, { name: 'First' }, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await rename(id, { name: 'Lost update' }, { 'if-match': '"1"' });
    expectProblem(stale, 'precondition-failed');
    expect(stale.body.current_version).toBe(2);
    const get = await api('GET', `/v1/orgs/${id}`, { token: owner.token });
    expect(get.body).toMatchObject({ name: 'First', version: 2 });
  });

  it('refuses a stale version in the body with 409 version-conflict', async () => {
    const id = await newOrg();
    expect((await rename(id, { name: 'First', version: 1 })).status).toBe(200);
    const stale = await rename(id, { name: 'Lost update', version: 1 });
    expectProblem(stale, 'version-conflict');
    expect(stale.body.current_version).toBe(2);
    expect((await api('GET', `/v1/orgs/${id}`, { token: owner.token })).body.name).toBe('First');
  });

  it('lets exactly one of several concurrent writers of one version win', async () => {
    // The race is in the server's timing, so it gets several chances to show.
    for (let round = 0; round < 5; round++) {
      const id = await newOrg();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          rename(id, { name: `Writer ${i}` }, { 'if-match': '"1"' }),
        ),
      );
      const won = results.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      for (const lost of results.filter((r) => r.status !== 200)) {
        expectProblem(lost, 'precondition-failed');
        // The refusal names the version that beat it, not the one it expected.
        expect(lost.body.current_version).toBe(2);
      }
      const get = await api('GET', `/v1/orgs/${id}`, { token: owner.token });
      expect(get.body).toMatchObject({ name: won[0]?.body.name, version: 2 });
    }
  });

  it('refuses a malformed If-Match with 400', async () => {
    const id = await newOrg();
    for (const ifMatch of ['1', '"abc"', '*', '"1", "2"', '"-1"']) {
      const response = await rename(id, { name: 'Nope' }, { 'if-match': ifMatch });
      expectProblem(response, 'bad-request');
    }
    const get = await api('GET', `/v1/orgs/${id}`, { token: owner.token });
    expect(get.body).toMatchObject({ name: 'Before', version: 1 });
  });

  it('lets a member not rename (403)', async () => {
    const id = await newOrg();
    expectProblem(await rename(id, { name: 'Coup' }, {}, member), 'forbidden');
    expect((await api('GET', `/v1/orgs/${id}`, { token: owner.token })).body.name).toBe('Before');
  });
});
