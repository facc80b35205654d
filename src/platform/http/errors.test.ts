import { randomUUID } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  freeFormBodyModule,
  signUp,
  startTestServer,
} from '../../../test/helpers.ts';
import type { Module } from '../module.ts';

// Every error a client can meet is an RFC 9457 problem: bad bodies, refusals from the domain,
// unknown routes and bad paths, and a failure nobody expected.

const internals = 'password=hunter2 at /srv/meridian/secret.ts:42';

/** A route that only these tests need: one that fails unexpectedly. */
const boomModule: Module = {
  name: 'errors-test',
  routes(app) {
    app.get('/test/boom', async () => {
      throw new Error(internals);
    });
  },
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('problem+json errors', () => {
  let api: Api;
  beforeAll(async () => {
    api = apiClient((await startTestServer({ systems: [freeFormBodyModule, boomModule] })).url);
  });

  describe('bodies', () => {
    it('refuses malformed JSON as 400 malformed-json', async () => {
      const response = await api('POST', '/v1/auth/signup', { body: '{"email": "a@b.c",' });
      expectProblem(response, 'malformed-json');
    });

    it('refuses an empty JSON body as 400 malformed-json', async () => {
      const response = await api('POST', '/v1/auth/signup', {
        body: '',
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(response, 'malformed-json');
    });

    it('refuses a missing body as 400 validation-failed', async () => {
      const response = await api('POST', '/v1/auth/signup');
      const body = expectProblem(response, 'validation-failed');
      expect(body.errors[0].field).toBe('body');
    });

    it('names the field of a wrong type', async () => {
      const response = await api('POST', '/v1/auth/signup', {
        body: { email: 'a@example.com', password: 12345678, name: 'A' },
      });
      const body = expectProblem(response, 'validation-failed');
      expect(body.errors).toEqual([{ field: 'body/password', message: 'must be string' }]);
      expect(body.detail).toContain('body/password');
    });

    it('names a missing required field', async () => {
      const response = await api('POST', '/v1/auth/signup', {
        body: { email: 'a@example.com', name: 'A' },
      });
      const body = expectProblem(response, 'validation-failed');
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].field).toBe('body/password');
      expect(body.errors[0].message).toContain('password');
    });

    it('names an unknown field', async () => {
      const response = await api('POST', '/v1/auth/signup', {
        body: { email: 'a@example.com', password: 'long enough', name: 'A', admin: true },
      });
      const body = expectProblem(response, 'validation-failed');
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].field).toBe('body/admin');
      expect(body.errors[0].message).toBe('unknown field "admin"');
    });

    it('does not coerce body types (a number is not a string)', async () => {
      const response = await api('POST', '/v1/auth/login', {
        body: { email: 'a@example.com', password: 1 },
      });
      expectProblem(response, 'validation-failed');
    });

    it.each([
      ['text/plain', 'plain text'],
      ['application/x-www-form-urlencoded', 'email=a%40example.com&password=x'],
      ['application/xml', '<signup/>'],
    ])('refuses %s as 415', async (contentType, text) => {
      const response = await api('POST', '/v1/auth/signup', {
        body: text,
        headers: { 'content-type': contentType },
      });
      const body = expectProblem(response, 'unsupported-media-type');
      expect(body.detail).toContain(contentType);
    });

    it('accepts application/json with a charset', async () => {
      const response = await api('POST', '/test/anything', {
        body: '{"value": 1}',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ received: 'number' });
    });
  });

  describe('status codes from the domain', () => {
    it('401 unauthorized without a token, with a garbage token and a malformed header', async () => {
      expectProblem(await api('GET', '/v1/me'), 'unauthorized');
      expectProblem(await api('GET', '/v1/me', { token: 'garbage' }), 'unauthorized');
      expectProblem(
        await api('GET', '/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
        'unauthorized',
      );
      expectProblem(await api('GET', '/v1/me', { token: 'x'.repeat(5000) }), 'unauthorized');
    });

    it('401 invalid-credentials for a wrong password', async () => {
      const user = await signUp(api);
      const response = await api('POST', '/v1/auth/login', {
        body: { email: user.email, password: 'not the password' },
      });
      expectProblem(response, 'invalid-credentials');
    });

    it('404 not-found for an organisation that is not yours', async () => {
      const owner = await signUp(api);
      const stranger = await signUp(api);
      const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Acme' } });
      expect(org.status).toBe(201);
      expectProblem(
        await api('GET', `/v1/orgs/${org.body.id}`, { token: stranger.token }),
        'not-found',
      );
      expectProblem(await api('GET', `/v1/orgs/${uuidv7()}`, { token: owner.token }), 'not-found');
    });

    it('403 forbidden for a member who may not rename', async () => {
      const owner = await signUp(api);
      const member = await signUp(api);
      const org = await api('POST', '/v1/orgs', { token: owner.token, body: { name: 'Acme' } });
      const added = await api('POST', `/v1/orgs/${org.body.id}/members`, {
        token: owner.token,
        body: { email: member.email },
      });
      expect(added.status).toBe(201);
      const response = await api('PATCH', `/v1/orgs/${org.body.id}`, {
        token: member.token,
        body: { name: 'Mine now' },
      });
      expectProblem(response, 'forbidden');
    });

    it('409 for a taken email and for a second membership', async () => {
      const user = await signUp(api);
      expectProblem(
        await api('POST', '/v1/auth/signup', {
          body: { email: user.email, password: 'long enough', name: 'Again' },
        }),
        'email-taken',
      );
      const other = await signUp(api);
      const org = await api('POST', '/v1/orgs', { token: user.token, body: { name: 'Acme' } });
      const add = () =>
        api('POST', `/v1/orgs/${org.body.id}/members`, {
          token: user.token,
          body: { email: other.email },
        });
      expect((await add()).status).toBe(201);
      expectProblem(await add(), 'conflict');
    });

    it('409 version-conflict for a stale version in the body', async () => {
      const user = await signUp(api);
      const org = await api('POST', '/v1/orgs', { token: user.token, body: { name: 'Acme' } });
      const response = await api('PATCH', `/v1/orgs/${org.body.id}`, {
        token: user.token,
        body: { name: 'Renamed', version: 7 },
      });
      const body = expectProblem(response, 'version-conflict');
      expect(body.current_version).toBe(1);
    });

    it('412 precondition-failed for a stale If-Match', async () => {
      const user = await signUp(api);
      const org = await api('POST', '/v1/orgs', { token: user.token, body: { name: 'Acme' } });
      expect(org.headers.get('etag')).toBe('"1"');
      const response = await api('PATCH', `/v1/orgs/${org.body.id}`, {
        token: user.token,
        body: { name: 'Renamed' },
        headers: { 'if-match': '"2"' },
      });
      const body = expectProblem(response, 'precondition-failed');
      expect(body.current_version).toBe(1);
      expectProblem(
        await api('PATCH', `/v1/orgs/${org.body.id}`, {
          token: user.token,
          body: { name: 'Renamed' },
          headers: { 'if-match': 'nonsense' },
        }),
        'bad-request',
      );
    });

    it('422 unprocessable for a member who has no account', async () => {
      const user = await signUp(api);
      const org = await api('POST', '/v1/orgs', { token: user.token, body: { name: 'Acme' } });
      const response = await api('POST', `/v1/orgs/${org.body.id}/members`, {
        token: user.token,
        body: { email: 'nobody-here@example.com' },
      });
      expectProblem(response, 'unprocessable');
    });

    it('422 idempotency-key-reused for a key sent with another body', async () => {
      const user = await signUp(api);
      const key = randomUUID();
      const first = await api('POST', '/v1/orgs', {
        token: user.token,
        body: { name: 'One' },
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      const second = await api('POST', '/v1/orgs', {
        token: user.token,
        body: { name: 'Two' },
        headers: { 'idempotency-key': key },
      });
      expectProblem(second, 'idempotency-key-reused');
    });

    it('400 bad-request for an unusable Idempotency-Key', async () => {
      const user = await signUp(api);
      const response = await api('POST', '/v1/orgs', {
        token: user.token,
        body: { name: 'One' },
        headers: { 'idempotency-key': 'k'.repeat(300) },
      });
      expectProblem(response, 'bad-request');
    });

    it('400 invalid-cursor for a cursor the list never gave out', async () => {
      const user = await signUp(api);
      const response = await api('GET', '/v1/orgs?cursor=bm90LWEtY3Vyc29y', { token: user.token });
      expectProblem(response, 'invalid-cursor');
    });
  });

  describe('routes, queries and paths', () => {
    it('404 route-not-found for an unknown route', async () => {
      const body = expectProblem(await api('GET', '/v1/nowhere'), 'route-not-found');
      expect(body.detail).toContain('/v1/nowhere');
      expectProblem(await api('DELETE', '/v1/me'), 'route-not-found');
    });

    it.each([
      ['limit=abc', 'querystring/limit'],
      ['limit=1000', 'querystring/limit'],
      ['limit=0', 'querystring/limit'],
      ['limit=1.5', 'querystring/limit'],
      ['limit=1&limit=2', 'querystring/limit'],
      ['colour=red', 'querystring/colour'],
    ])('400 for the query %s', async (query, field) => {
      const user = await signUp(api);
      const response = await api('GET', `/v1/orgs?${query}`, { token: user.token });
      const body = expectProblem(response, 'validation-failed');
      expect(body.errors[0].field).toBe(field);
    });

    it('coerces a sane numeric query', async () => {
      const user = await signUp(api);
      const response = await api('GET', '/v1/orgs?limit=5', { token: user.token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [], next_cursor: null });
    });

    it('400 (not 500) for a path parameter that is not a uuid', async () => {
      const user = await signUp(api);
      for (const id of ['not-a-uuid', '1', "1' OR '1'='1", `${uuidv7()}x`]) {
        const response = await api('GET', `/v1/orgs/${encodeURIComponent(id)}`, {
          token: user.token,
        });
        const body = expectProblem(response, 'validation-failed');
        expect(body.errors[0].field).toBe('params/orgId');
      }
      const token = await api('DELETE', '/v1/tokens/123', { token: user.token });
      expectProblem(token, 'validation-failed');
      // The router refuses a segment over 100 characters before validation: still a problem.
      const long = await api('GET', `/v1/orgs/${'x'.repeat(2000)}`, { token: user.token });
      const body = expectProblem(long, 'bad-request');
      expect(body.detail).not.toContain('xxxx');
    });

    it('400 (not 500) for a URL that does not decode', async () => {
      const response = await api('GET', '/v1/orgs/%E0%A4%A');
      expectProblem(response, 'bad-request');
    });
  });

  describe('request ids', () => {
    it('gives every response a fresh UUID when the caller sends none', async () => {
      const one = await api('GET', '/healthz');
      const two = await api('GET', '/healthz');
      expect(one.headers.get('x-request-id')).toMatch(uuidPattern);
      expect(two.headers.get('x-request-id')).toMatch(uuidPattern);
      expect(one.headers.get('x-request-id')).not.toBe(two.headers.get('x-request-id'));
    });

    it('echoes a sane X-Request-Id, in the header and in problems', async () => {
      const id = 'client-42.retry:1_a';
      const ok = await api('GET', '/healthz', { headers: { 'x-request-id': id } });
      expect(ok.headers.get('x-request-id')).toBe(id);
      const problem = await api('GET', '/v1/me', { headers: { 'x-request-id': id } });
      expect(expectProblem(problem, 'unauthorized').instance).toBe(id);
    });

    it.each([
      ['too long', 'a'.repeat(129)],
      ['with spaces', 'two words'],
      ['with markup', '<script>alert(1)</script>'],
      ['with a quote', 'a"b'],
    ])('replaces an X-Request-Id %s', async (_, id) => {
      const response = await api('GET', '/v1/me', { headers: { 'x-request-id': id } });
      const body = expectProblem(response, 'unauthorized');
      expect(body.instance).toMatch(uuidPattern);
    });
  });

  describe('an unexpected error', () => {
    it('is a 500 problem with the request id and none of the internals', async () => {
      const response = await api('GET', '/test/boom', { headers: { 'x-request-id': 'boom-1' } });
      const body = expectProblem(response, 'internal');
      expect(body.instance).toBe('boom-1');
      expect(body.detail).toContain('boom-1');
      const text = JSON.stringify(body);
      for (const leak of ['hunter2', 'secret.ts', 'Error', 'stack', ' at ']) {
        expect(text).not.toContain(leak);
      }
      expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    });
  });
});
