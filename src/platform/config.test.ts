import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defineConfigSection, loadConfig } from './config.ts';
import { jobsConfig } from './jobs/config.ts';
import type { Module } from './module.ts';
import { notifyConfig } from './notify/config.ts';
import { observeConfig } from './observe/config.ts';
import { platformModules } from './runtime.ts';

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
      shutdownDrainMs: 20_000,
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
    ['JOB_QUEUES', 'default'],
    ['JOB_QUEUES', 'default:0'],
    ['HEARTBEAT_SECONDS', '0'],
    ['HEARTBEAT_SECONDS', '0.5'],
    ['EVENT_RETENTION_HOURS', '0'],
    ['SHUTDOWN_DRAIN_SECONDS', '-1'],
    ['SHUTDOWN_DRAIN_SECONDS', '3601'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    const load = () => loadConfig({ [name]: value }, nowhere, platformModules);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(name);
  });

  it('reads .env under the environment, which wins', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'meridian-config-'));
    await writeFile(path.join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, dir);
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('warn');
  });

  it("gives each module its own section, typed, with the module's defaults", () => {
    const config = loadConfig({ JOB_QUEUES: 'default:4,email:2' }, nowhere, platformModules);
    expect(jobsConfig.of(config)).toEqual({
      queues: { default: 4, email: 2 },
      leaseMs: 30_000,
      retentionMs: 86_400_000,
    });
    expect(notifyConfig.of(config)).toMatchObject({ maxAttempts: 10, smtpUrl: undefined });
    expect(observeConfig.of(config)).toEqual({
      heartbeatMs: 1_000,
      alerts: {
        evaluateMs: 30_000,
        instanceLostMinutes: 60,
        httpWindowMinutes: 5,
        http5xxPercent: 5,
        httpMinRequests: 20,
        deadJobs: 1,
      },
    });
  });

  it('says which module to load when a section was not read', () => {
    const config = loadConfig({}, nowhere);
    expect(() => jobsConfig.of(config)).toThrow('the configuration of jobs was not loaded');
  });

  it("reads a system's section with the same checks", () => {
    const section = defineConfigSection('example', (env) => ({
      batch: env.integer('EXAMPLE_BATCH', 500, 1, 10_000),
    }));
    const example: Module = { name: 'example', config: section };
    expect(section.of(loadConfig({}, nowhere, [example]))).toEqual({ batch: 500 });
    expect(() => loadConfig({ EXAMPLE_BATCH: '0' }, nowhere, [example])).toThrow(
      'EXAMPLE_BATCH must be an integer from 1 to 10000 (got "0")',
    );
  });
});

describe("the README's configuration table", () => {
  it('lists exactly the variables Meridian reads, its systems (main.ts) included', async () => {
    const { systems } = await import('../main.ts');
    const read = new Set<string>();
    const recording = new Proxy({} as Record<string, string | undefined>, {
      get(_target, name) {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(recording, nowhere, [...platformModules, ...systems]);
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...read].sort());
  });
});
