import { existsSync, readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { apiClient, expectProblem, silentLog, startTestServer } from '../../../test/helpers.ts';
import type { App } from './app.ts';
import { consoleDir, registerConsole } from './console.ts';

// The web console as `npm ci` builds it (web/dist), served by Meridian: long-lived caching only
// where the name carries the content's hash, compressed twins, the SPA fallback for a browser's
// deep links, and the API's own 404s left alone.

const built = existsSync(`${consoleDir}/index.html`);

describe.skipIf(!built)('serving the built console', async () => {
  const server = built ? await startTestServer() : undefined;
  const api = apiClient(server?.url ?? 'http://127.0.0.1:1');
  const page = { accept: 'text/html,application/xhtml+xml' };

  it('answers / with index.html, revalidated at every visit', async () => {
    const response = await api('GET', '/', { headers: page });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.body).toContain('<div id="root"></div>');
  });

  it('keeps hashed assets for a year, and sends their compressed twins', async () => {
    const index = readFileSync(`${consoleDir}/index.html`, 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const onDisk = readFileSync(`${consoleDir}${script}`, 'utf8');
    for (const encoding of ['br', 'gzip']) {
      const response = await api('GET', script ?? '', { headers: { 'accept-encoding': encoding } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.body).toBe(onDisk);
    }
  });

  it("answers a browser's deep link with index.html, for the console to route", async () => {
    const response = await api('GET', '/inventory/items/0190f1c2?tab=ledger', { headers: page });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.body).toContain('<div id="root"></div>');
  });

  it('leaves the API and non-page requests their route-not-found problem', async () => {
    expectProblem(await api('GET', '/v1/nowhere', { headers: page }), 'route-not-found');
    expectProblem(await api('GET', '/nowhere'), 'route-not-found');
    expectProblem(await api('POST', '/inventory', { headers: page, body: {} }), 'route-not-found');
    expectProblem(await api('GET', '/assets/missing-0000.js'), 'route-not-found');
  });

  it('still serves the briefs’ paths and the API reference', async () => {
    expect((await api('GET', '/openapi.json', { headers: page })).status).toBe(200);
    expect((await api('GET', '/healthz', { headers: page })).status).toBe(200);
  });
});

describe('a console that was not built', () => {
  it('serves the API only, and says why in the log', async () => {
    const warnings: unknown[] = [];
    const log = Object.assign(Object.create(silentLog), {
      warn: (...args: unknown[]) => warnings.push(args),
    });
    const app = Fastify() as unknown as App;
    expect(await registerConsole(app, log, '/nonexistent/web/dist')).toBe(false);
    expect(JSON.stringify(warnings)).toContain('npm run build:web');
    await app.close();
  });
});
