import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
  type TestServer,
} from '../../../test/helpers.ts';
import type { Module } from '../module.ts';
import { requestFingerprint } from './idempotency.ts';

type User = Awaited<ReturnType<typeof signUp>>;

/**
 * A route that fails with a 500 the first time it sees a `name`, and succeeds after; with
 * `wait_ms` it holds the request that long first, so that duplicates arrive while it runs.
 */
const attempts = new Map<string, number>();
const flakyModule: Module = {
  name: 'flaky',
  routes(app) {
    app.post(
      '/test/flaky',
      {
        config: { idempotent: true },
        schema: {
          body: Type.Object({ name: Type.String(), wait_ms: Type.Optional(Type.Integer()) }),
        },
      },
      async (request, reply) => {
        const { name, wait_ms } = request.body;
        const attempt = (attempts.get(name) ?? 0) + 1;
        attempts.set(name, attempt);
        if (wait_ms) await new Promise((resolve) => setTimeout(resolve, wait_ms));
        if (attempt === 1) throw new Error(`first attempt of ${name} fails`);
        return reply.code(201).send({ name, attempt });
      },
    );
  },
};

let server: TestServer;
let api: Api;

beforeAll(async () => {
  server = await startTestServer({ systems: [flakyModule] });
  api = apiClient(server.url);
});

const key = () => `key-${randomUUID()}`;

function createOrg(user: User, idempotencyKey: string, name = 'Acme') {
  return api('POST', '/v1/orgs', {
    token: user.token,
    body: { name },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

async function orgIdsOf(user: User): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('memberships')
    .select('org_id')
    .where('user_id', '=', user.id)
    .execute();
  return rows.map((row) => row.org_id);
}

async function storedKey(scope: string, idempotencyKey: string) {
  return server.database.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The hash the server gives a request, to plant rows that look like its own. */
function requestHash(method: string, url: string, body: unknown): string {
  return requestFingerprint(method, url, undefined, body);
}

describe('Idempotency-Key', () => {
  let user: User;
  beforeAll(async () => {
    user = await signUp(api);
  });

  it('replays the stored response for the same key and body, and creates nothing twice', async () => {
    const k = key();
    const first = await createOrg(user, k);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const second = await createOrg(user, k);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    // A replay is a new request: its own request id.
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));

    expect(await orgIdsOf(user)).toEqual([first.body.id]);
    const list = await api('GET', '/v1/orgs', { token: user.token });
    expect(list.body.items.map((org: { id: string }) => org.id)).toEqual([first.body.id]);
  });

  it('without a key, the same request runs each time', async () => {
    const other = await signUp(api);
    for (let i = 0; i < 2; i++) {
      const response = await api('POST', '/v1/orgs', { token: other.token, body: { name: 'x' } });
      expect(response.status).toBe(201);
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await orgIdsOf(other)).toHaveLength(2);
  });

  it('refuses the same key with another body or another route (422)', async () => {
    const k = key();
    const first = await createOrg(user, k, 'Original');
    expect(first.status).toBe(201);
    const before = await orgIdsOf(user);

    expectProblem(await createOrg(user, k, 'Different'), 'idempotency-key-reused');
    const otherRoute = await api('POST', '/v1/tokens', {
      token: user.token,
      body: { name: 'Original' },
      headers: { 'idempotency-key': k },
    });
    expectProblem(otherRoute, 'idempotency-key-reused');
    expect(await orgIdsOf(user)).toEqual(before);
    // The key still replays its own request afterwards.
    const again = await createOrg(user, k, 'Original');
    expect(again.body.id).toBe(first.body.id);
  });

  it('keeps a key to its caller: another user may use the same key', async () => {
    const other = await signUp(api);
    const k = key();
    const mine = await createOrg(user, k, 'Shared key');
    const theirs = await createOrg(other, k, 'Shared key');
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await orgIdsOf(other)).toEqual([theirs.body.id]);
    // And with another body: still their own key, so no 422 either.
    const third = await signUp(api);
    expect((await createOrg(third, k, 'Something else')).status).toBe(201);
  });

  it('replays a refusal too (a 4xx is a response, and is kept)', async () => {
    const k = key();
    const body = { email: user.email, password: 'correct horse battery', name: 'Copy' };
    const headers = { 'idempotency-key': k };
    const first = await api('POST', '/v1/auth/signup', { body, headers });
    expectProblem(first, 'email-taken');
    const second = await api('POST', '/v1/auth/signup', { body, headers });
    // The kept problem, whole: its `instance` is the first request's id, not this one's.
    expect(second.status).toBe(first.status);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('runs concurrent duplicates once; every one gets the same response', async () => {
    const racer = await signUp(api);
    const k = key();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => createOrg(racer, k, 'Raced')),
    );
    for (const response of responses) {
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const ids = new Set(responses.map((response) => response.body.id));
    expect(ids.size).toBe(1);
    const replayed = responses.filter((r) => r.headers.get('idempotent-replayed') === 'true');
    expect(replayed).toHaveLength(9);
    expect(await orgIdsOf(racer)).toEqual([...ids]);
  });

  it('runs concurrent sign-ups with one key once', async () => {
    const k = key();
    const email = `racer-${randomUUID()}@example.com`;
    const body = { email, password: 'correct horse battery', name: 'Racer' };
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        api('POST', '/v1/auth/signup', { body, headers: { 'idempotency-key': k } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.token)).size).toBe(1);
    const users = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(users).toHaveLength(1);
  });

  it('makes a duplicate wait for the request in flight, then replays its response', async () => {
    const k = key();
    const scope = `user:${user.id}`;
    const hash = requestHash('POST', '/v1/orgs', { name: 'In flight' });
    // A request of this caller is running (claimed just now, no response yet).
    await server.database.db
      .insertInto('idempotency_keys')
      .values({
        scope,
        key: k,
        request_hash: hash,
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    const before = await orgIdsOf(user);
    let settled = false;
    const duplicate = createOrg(user, k, 'In flight').finally(() => {
      settled = true;
    });
    // While the first has no response, the duplicate keeps waiting (it neither runs nor fails).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    // A different body under the running key is refused at once, without waiting.
    expectProblem(await createOrg(user, k, 'Other'), 'idempotency-key-reused');

    // The first request finishes.
    await server.database.db
      .updateTable('idempotency_keys')
      .set({
        status_code: 201,
        response_headers: { 'content-type': 'application/json; charset=utf-8' },
        response_body: JSON.stringify({ planted: true }),
      })
      .where('scope', '=', scope)
      .where('key', '=', k)
      .execute();
    const response = await duplicate;
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ planted: true });
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(await orgIdsOf(user)).toEqual(before);
  });

  it('gives up on a request still in flight after 10 s with 409 idempotency-key-in-use', async () => {
    const k = key();
    await server.database.db
      .insertInto('idempotency_keys')
      .values({
        scope: `user:${user.id}`,
        key: k,
        request_hash: requestHash('POST', '/v1/orgs', { name: 'Stuck' }),
        expires_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    const before = await orgIdsOf(user);
    // Time itself is under test: the server waits out its own deadline.
    const response = await createOrg(user, k, 'Stuck');
    expectProblem(response, 'idempotency-key-in-use');
    expect(await orgIdsOf(user)).toEqual(before);
  }, 20_000);

  it('takes over a claim abandoned for more than 60 s', async () => {
    const k = key();
    const scope = `user:${user.id}`;
    await sql`
      INSERT INTO idempotency_keys (scope, key, request_hash, created_at, expires_at)
      VALUES (${scope}, ${k}, ${requestHash('POST', '/v1/orgs', { name: 'Abandoned' })},
              now() - interval '61 seconds', now() + interval '1 hour')`.execute(
      server.database.db,
    );
    const started = Date.now();
    const response = await createOrg(user, k, 'Abandoned');
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    // Taken over at once, not after waiting for the dead request.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await orgIdsOf(user)).toContain(response.body.id);
    const row = await storedKey(scope, k);
    expect(row?.status_code).toBe(201);
    expect(JSON.parse(row?.response_body ?? 'null')).toEqual(response.body);
    const replay = await createOrg(user, k, 'Abandoned');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(response.body.id);
  });

  it('runs a request again once its key has expired, even with another body', async () => {
    const k = key();
    const scope = `user:${user.id}`;
    await server.database.db
      .insertInto('idempotency_keys')
      .values({
        scope,
        key: k,
        request_hash: requestHash('POST', '/v1/orgs', { name: 'Old' }),
        status_code: 201,
        response_headers: { 'content-type': 'application/json; charset=utf-8' },
        response_body: JSON.stringify({ stale: true }),
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    for (const name of ['Old', 'New']) {
      const response = await createOrg(user, name === 'Old' ? k : key(), name);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ name });
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    const row = await storedKey(scope, k);
    expect(row?.expires_at.getTime()).toBeGreaterThan(Date.now());
    // Expired and other body: also a fresh run, not a 422.
    const k2 = key();
    await server.database.db
      .insertInto('idempotency_keys')
      .values({
        scope,
        key: k2,
        request_hash: 'another request',
        status_code: 201,
        response_headers: {},
        response_body: '{}',
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    const fresh = await createOrg(user, k2, 'Renewed');
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ name: 'Renewed' });
  });

  it('refuses an invalid key with 400 and runs nothing', async () => {
    const before = await orgIdsOf(user);
    for (const invalid of ['x'.repeat(256), 'clé', 'two words', '', '\t']) {
      const response = await createOrg(user, invalid, 'Invalid key');
      expectProblem(response, 'bad-request');
      expect(response.body.detail).toMatch(/Idempotency-Key/);
    }
    expect(await orgIdsOf(user)).toEqual(before);
    // The longest valid key works.
    expect((await createOrg(user, 'k'.repeat(255), 'Long key')).status).toBe(201);
  });

  it('does not keep a 5xx: the same key runs again, and the success is kept', async () => {
    const k = key();
    const name = `flaky-${randomUUID()}`;
    const call = () =>
      api('POST', '/test/flaky', { body: { name }, headers: { 'idempotency-key': k } });
    const failed = await call();
    expectProblem(failed, 'internal');
    expect(await storedKey('ip:127.0.0.1', k)).toBeUndefined();
    const retried = await call();
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual({ name, attempt: 2 });
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const replayed = await call();
    expect(replayed.status).toBe(201);
    expect(replayed.body).toEqual({ name, attempt: 2 });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(attempts.get(name)).toBe(2);
  });

  it('lets a duplicate waiting on a request that fails with a 5xx run in its place', async () => {
    const k = key();
    const name = `flaky-${randomUUID()}`;
    const body = { name, wait_ms: 300 };
    const headers = { 'idempotency-key': k };
    const first = api('POST', '/test/flaky', { body, headers });
    // The duplicate is sent only once the first has claimed the key.
    await expect
      .poll(() => storedKey('ip:127.0.0.1', k), { timeout: 5_000, interval: 20 })
      .toBeDefined();
    const duplicate = await api('POST', '/test/flaky', { body, headers });
    expectProblem(await first, 'internal');
    expect(duplicate.status).toBe(201);
    expect(duplicate.body).toEqual({ name, attempt: 2 });
    expect(attempts.get(name)).toBe(2);
  });
});
