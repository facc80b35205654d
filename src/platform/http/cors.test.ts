import { beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiClient, expectProblem, startTestServer } from '../../../test/helpers.ts';

// Browser apps on other origins: a preflight from a configured origin is answered with what the
// API allows, responses expose what a client needs, and without CORS_ORIGINS nothing changes.

const app = 'https://app.example.com';

const preflight = (api: Api, origin: string, path = '/v1/orgs') =>
  api('OPTIONS', path, {
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
    },
  });

describe('CORS with CORS_ORIGINS set', () => {
  let api: Api;
  beforeAll(async () => {
    const server = await startTestServer({
      env: { CORS_ORIGINS: `${app}, http://localhost:5173`, RATE_LIMIT_PER_MINUTE: '1000' },
    });
    api = apiClient(server.url);
  });

  it('answers a preflight from an allowed origin with the methods and headers', async () => {
    for (const path of ['/v1/orgs', '/v1/tasks/0190f1c2-7a4b-7cc3-9d2e-4b1f0c8a9e11']) {
      const response = await preflight(api, app, path);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(app);
      expect(response.headers.get('vary')).toMatch(/origin/i);
      expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
      const allowedHeaders = response.headers.get('access-control-allow-headers')?.toLowerCase();
      for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match']) {
        expect(allowedHeaders).toContain(header);
      }
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    }
  });

  it('exposes the useful response headers to an allowed origin, on errors too', async () => {
    const ok = await api('GET', '/healthz', { headers: { origin: 'http://localhost:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const exposed = ok.headers.get('access-control-expose-headers')?.toLowerCase();
    for (const header of ['etag', 'location', 'x-request-id', 'retry-after']) {
      expect(exposed).toContain(header);
    }
    const refused = await api('GET', '/v1/me', { headers: { origin: app } });
    expectProblem(refused, 'unauthorized');
    expect(refused.headers.get('access-control-allow-origin')).toBe(app);
  });

  it('gives another origin no CORS headers', async () => {
    const response = await preflight(api, 'https://evil.example.com');
    expectProblem(response, 'route-not-found');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const get = await api('GET', '/healthz', { headers: { origin: 'https://evil.example.com' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    // A plain OPTIONS (no preflight) is still no route.
    expectProblem(
      await api('OPTIONS', '/v1/orgs', { headers: { origin: app } }),
      'route-not-found',
    );
  });
});

describe('CORS by default', () => {
  it('is off: a preflight is a 404 without CORS headers', async () => {
    const api = apiClient((await startTestServer()).url);
    const response = await preflight(api, app);
    expectProblem(response, 'route-not-found');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const get = await api('GET', '/healthz', { headers: { origin: app } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});
