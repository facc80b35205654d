import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
  type TestServer,
} from '../../../test/helpers.ts';

// Accounts over real HTTP: sign-up, log-in, the caller's own user, and API tokens.

type User = Awaited<ReturnType<typeof signUp>>;

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.url);
});

const password = 'correct horse battery';
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

describe('sign-up', () => {
  it('creates the user and returns a working token', async () => {
    const email = `Ada.${Date.now()}@Example.com`;
    const response = await api('POST', '/v1/auth/signup', {
      body: { email, password, name: 'Ada' },
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email, name: 'Ada', is_operator: false });
    expect(response.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.user).not.toHaveProperty('password_hash');
    expect(response.body.token).toMatch(/^mrd_/);
    const me = await api('GET', '/v1/me', { token: response.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(response.body.user.id);
  });

  it('refuses an email already registered, in any letter case', async () => {
    const user = await signUp(api);
    for (const email of [user.email, user.email.toUpperCase(), capitalise(user.email)]) {
      const again = await api('POST', '/v1/auth/signup', {
        body: { email, password, name: 'Copy' },
      });
      expectProblem(again, 'email-taken');
    }
    const rows = await server.database.db
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', user.email.toLowerCase())
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lets only one of two concurrent sign-ups of one email (in two cases) through', async () => {
    const email = `twin-${Date.now()}@example.com`;
    const results = await Promise.all(
      [email, email.toUpperCase()].map((address) =>
        api('POST', '/v1/auth/signup', { body: { email: address, password, name: 'Twin' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(results.find((r) => r.status === 409) as (typeof results)[0], 'email-taken');
    const rows = await server.database.db
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', email)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('validates the body: short password, bad email, unknown field, missing field', async () => {
    const email = `valid-${Date.now()}@example.com`;
    const cases: [Record<string, unknown>, string][] = [
      [{ email, password: 'short', name: 'A' }, '/password'],
      [{ email: 'not-an-email', password, name: 'A' }, '/email'],
      [{ email, password, name: 'A', admin: true }, 'admin'],
      [{ email, password }, 'name'],
      [{ email, password, name: '' }, '/name'],
    ];
    for (const [body, field] of cases) {
      const response = await api('POST', '/v1/auth/signup', { body });
      expectProblem(response, 'validation-failed');
      expect(response.body.detail).toContain(field);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.any(Object)]));
    }
    const created = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(created).toHaveLength(0);
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const response = await api('POST', '/v1/auth/signup', { body: '{"email": ' });
    expectProblem(response, 'malformed-json');
  });
});

describe('log-out', () => {
  it('revokes the token it carries, and only that one', async () => {
    const user = await signUp(api);
    const other = await api('POST', '/v1/auth/login', { body: { email: user.email, password } });
    const response = await api('POST', '/v1/auth/logout', { token: user.token });
    expect(response.status).toBe(204);
    expectProblem(await api('GET', '/v1/me', { token: user.token }), 'unauthorized');
    expect((await api('GET', '/v1/me', { token: other.body.token })).status).toBe(200);
    // Again with the revoked token, or with none: nothing to revoke.
    expectProblem(await api('POST', '/v1/auth/logout', { token: user.token }), 'unauthorized');
    expectProblem(await api('POST', '/v1/auth/logout'), 'unauthorized');
  });
});

describe('log-in', () => {
  let user: User;
  beforeAll(async () => {
    user = await signUp(api);
  });

  it('exchanges email and password for a new token, the email in any case', async () => {
    const response = await api('POST', '/v1/auth/login', {
      body: { email: user.email.toUpperCase(), password },
    });
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^mrd_/);
    expect(response.body.token).not.toBe(user.token);
    const me = await api('GET', '/v1/me', { token: response.body.token });
    expect(me.body.id).toBe(user.id);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await api('POST', '/v1/auth/login', {
      body: { email: user.email, password: 'not the password' },
    });
    expectProblem(wrong, 'invalid-credentials');
    const unknown = await api('POST', '/v1/auth/login', {
      body: { email: `nobody-${Date.now()}@example.com`, password },
    });
    expectProblem(unknown, 'invalid-credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });
});

describe('GET /v1/me', () => {
  let user: User;
  beforeAll(async () => {
    user = await signUp(api);
  });

  it('knows the user behind a valid token', async () => {
    const me = await api('GET', '/v1/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, email: user.email, is_operator: false });
  });

  it('refuses a missing, malformed or unknown token with 401', async () => {
    expectProblem(await api('GET', '/v1/me'), 'unauthorized');
    for (const authorization of [
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      `Bearer ${user.token} extra`,
      `Bearer ${'x'.repeat(300)}`,
      `Token ${user.token}`,
    ]) {
      const response = await api('GET', '/v1/me', { headers: { authorization } });
      expectProblem(response, 'unauthorized');
    }
    expectProblem(await api('GET', '/v1/me', { token: `${user.token}x` }), 'unauthorized');
    expectProblem(await api('GET', '/v1/me', { token: 'mrd_unknown' }), 'unauthorized');
  });

  it('refuses a token once its expiry passes', async () => {
    const created = await api('POST', '/v1/tokens', {
      token: user.token,
      body: { name: 'short-lived', expires_at: new Date(Date.now() + 1500).toISOString() },
    });
    expect(created.status).toBe(201);
    expect((await api('GET', '/v1/me', { token: created.body.token })).status).toBe(200);
    // Time itself is under test here: wait the expiry out.
    await sleep(Date.parse(created.body.expires_at) - Date.now() + 100);
    expectProblem(await api('GET', '/v1/me', { token: created.body.token }), 'unauthorized');
    expect((await api('GET', '/v1/me', { token: user.token })).status).toBe(200);
  });

  it('refuses a token whose expiry was moved into the past in the database', async () => {
    const created = await api('POST', '/v1/tokens', { token: user.token, body: { name: 'db' } });
    expect(created.status).toBe(201);
    await server.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', created.body.id)
      .execute();
    // Not used before, so no process has it cached: the expiry is seen at once.
    expectProblem(await api('GET', '/v1/me', { token: created.body.token }), 'unauthorized');
  });

  it('refuses a token created with an expiry in the past', async () => {
    const response = await api('POST', '/v1/tokens', {
      token: user.token,
      body: { name: 'past', expires_at: new Date(Date.now() - 1000).toISOString() },
    });
    expectProblem(response, 'unprocessable');
  });
});

describe('API tokens', () => {
  let user: User;
  let other: User;
  let secondServer: TestServer;
  beforeAll(async () => {
    user = await signUp(api);
    other = await signUp(api);
    // Another Meridian process over the same database, as in a scaled-out deployment.
    secondServer = await startTestServer({ databaseUrl: server.databaseUrl });
  });

  it('lists tokens without their secrets, and pages through them', async () => {
    const created: { id: string; token: string }[] = [];
    for (const name of ['ci', 'laptop', 'phone']) {
      const response = await api('POST', '/v1/tokens', { token: user.token, body: { name } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ name, expires_at: null });
      created.push(response.body);
    }
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api('GET', `/v1/tokens?limit=2${query}`, { token: user.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.next_cursor;
    } while (cursor);
    // The sign-up token and the three made here.
    expect(seen.map((t) => t.id).sort()).toEqual(expect.arrayContaining(created.map((t) => t.id)));
    expect(seen).toHaveLength(4);
    expect(new Set(seen.map((t) => t.id)).size).toBe(4);
    const text = JSON.stringify(seen);
    for (const token of [...created.map((t) => t.token), user.token]) {
      expect(text).not.toContain(token);
    }
    for (const item of seen) {
      expect(Object.keys(item).sort()).toEqual([
        'created_at',
        'expires_at',
        'id',
        'name',
        'revoked_at',
      ]);
    }
    const others = await api('GET', '/v1/tokens', { token: other.token });
    expect(others.body.items).toHaveLength(1);
  });

  it('revokes a token: it is refused at once, and shows as revoked', async () => {
    const created = await api('POST', '/v1/tokens', { token: user.token, body: { name: 'gone' } });
    // Use it first, so that any cache in the server knows it.
    expect((await api('GET', '/v1/me', { token: created.body.token })).status).toBe(200);
    const revoked = await api('DELETE', `/v1/tokens/${created.body.id}`, { token: user.token });
    expect(revoked.status).toBe(204);
    expectProblem(await api('GET', '/v1/me', { token: created.body.token }), 'unauthorized');
    const list = await api('GET', '/v1/tokens?limit=100', { token: user.token });
    const row = list.body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(row.revoked_at).toEqual(expect.any(String));
  });

  it('is refused by another process on the same database within its cache time', async () => {
    const otherApi = apiClient(secondServer.url);
    const created = await api('POST', '/v1/tokens', { token: user.token, body: { name: 'two' } });
    // The other process resolves the token, and so caches it.
    expect((await otherApi('GET', '/v1/me', { token: created.body.token })).status).toBe(200);
    const revoked = await api('DELETE', `/v1/tokens/${created.body.id}`, { token: user.token });
    expect(revoked.status).toBe(204);
    expectProblem(await api('GET', '/v1/me', { token: created.body.token }), 'unauthorized');
    // Documented: other processes notice within their 5 s cache time.
    await expect
      .poll(async () => (await otherApi('GET', '/v1/me', { token: created.body.token })).status, {
        timeout: 8_000,
        interval: 200,
      })
      .toBe(401);
  });

  it('lets a token revoke itself', async () => {
    const created = await api('POST', '/v1/tokens', { token: user.token, body: { name: 'self' } });
    const self = created.body.token;
    expect((await api('DELETE', `/v1/tokens/${created.body.id}`, { token: self })).status).toBe(
      204,
    );
    expectProblem(await api('GET', '/v1/me', { token: self }), 'unauthorized');
  });

  it("answers someone else's token id with 404 and leaves it working", async () => {
    const theirs = await api('POST', '/v1/tokens', { token: other.token, body: { name: 'x' } });
    const response = await api('DELETE', `/v1/tokens/${theirs.body.id}`, { token: user.token });
    expectProblem(response, 'not-found');
    expect((await api('GET', '/v1/me', { token: theirs.body.token })).status).toBe(200);
    const missing = await api('DELETE', '/v1/tokens/0190a8f0-0000-7000-8000-000000000000', {
      token: user.token,
    });
    expectProblem(missing, 'not-found');
    const bad = await api('DELETE', '/v1/tokens/not-a-uuid', { token: user.token });
    expectProblem(bad, 'validation-failed');
  });
});
