import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const nowhere = '/nonexistent';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({}, nowhere);
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/nonexistent/data',
      databaseUrl: undefined,
      logLevel: 'info',
      logFormat: 'auto',
      databasePoolSize: 10,
      databaseStatementTimeoutMs: 60_000,
      rateLimitPerMinute: 1000,
      trustProxy: false,
      httpHeadersTimeoutMs: 10_000,
      httpRequestTimeoutMs: 30_000,
      corsOrigins: [],
    });
  });

  it('reads CORS origins as a list', () => {
    const config = loadConfig(
      { CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' },
      nowhere,
    );
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'fancy'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_STATEMENT_TIMEOUT_SECONDS', '-1'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['TRUST_PROXY', 'maybe'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['VAPID_SUBJECT', 'ops@example.com'],
    ['OUTBOUND_ALLOW_PRIVATE', 'sometimes'],
    ['NOTIFY_MAX_ATTEMPTS', '0'],
    ['HTTP_REQUEST_TIMEOUT_SECONDS', '0'],
    ['HTTP_HEADERS_TIMEOUT_SECONDS', '31'],
    ['CORS_ORIGINS', 'app.example.com'],
    ['CORS_ORIGINS', 'https://app.example.com/'],
    ['CORS_ORIGINS', '*'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value }, nowhere)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, nowhere)).toThrow(name);
  });

  it('reads .env under the environment, which wins', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-config-'));
    await writeFile(path.join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, dir);
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('warn');
  });
});
