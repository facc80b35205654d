import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { Type } from 'typebox';
import { afterAll, expect, inject } from 'vitest';
import { systems } from '../src/main.ts';
import type { Clock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { connectDatabase, type Database } from '../src/platform/db/database.ts';
import type { Jobs } from '../src/platform/jobs/queue.ts';
import type { Job, JobState } from '../src/platform/jobs/spec.ts';
import type { Module } from '../src/platform/module.ts';
import type { ProblemCatalogue, ProblemName } from '../src/platform/problems.ts';
import {
  platformModules,
  problemCatalogue,
  type Server,
  startServer,
} from '../src/platform/runtime.ts';
import { adminQuery, databaseUrl, testDatabasePrefix } from './admin-database.ts';

/**
 * Creates a database of its own for the calling test file on the test server, and drops it
 * after the file's tests. Files therefore run in parallel without seeing each other's rows.
 * It is a copy of the run's template, so every migration of the platform and the systems is
 * already applied; `{ empty: true }` gives a database with nothing in it, for tests of
 * migrating itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const admin = new URL(inject('adminDatabaseUrl'));
  const name = `${testDatabasePrefix(inject('templateDatabase'))}${randomBytes(6).toString('hex')}`;
  if (options.empty) await adminQuery(admin, `CREATE DATABASE ${name}`);
  else await cloneTemplate(admin, name, inject('templateDatabase'));
  // Dropped after the file; a file whose server starts in a `beforeAll` cannot register this
  // (vitest ignores hooks added while hooks run), so the run's teardown drops what is left.
  afterAll(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return databaseUrl(admin, name);
}

/**
 * Copies the template. PostgreSQL refuses while a session is connected to the template; none
 * should be (global-setup closes its pool, and clones at once from an idle template are fine),
 * but a straggler gets a few short retries rather than failing the file.
 */
async function cloneTemplate(admin: URL, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006'; // object_in_use
      if (!inUse || attempt === 5) throw error;
      await sleep(100 * attempt);
    }
  }
}

export const silentLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface TestServer {
  url: string;
  server: Server;
  database: Database;
  databaseUrl: string;
}

/** How a test starts Meridian: configuration as the environment would give it, its modules. */
export interface TestStartOptions {
  env?: Record<string, string>;
  systems?: Module[];
  databaseUrl?: string;
  /** A `createTravelClock`, to become `core.clock` so that the test can travel in time. */
  clock?: Clock;
}

/**
 * The configuration and the pool of a test's Meridian, over its own database (a template copy)
 * unless `databaseUrl` names one: for `startTestServer` and `startTestCore`.
 */
export async function testSetup(options: TestStartOptions) {
  const systems = options.systems ?? [];
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig(
    {
      PORT: '0',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      // Off unless a test turns it on: an alert would mail the operators of unrelated tests.
      ALERTS_EVALUATE_SECONDS: '0',
      ...options.env,
    },
    '/nonexistent',
    [...platformModules, ...systems],
  );
  const database = connectDatabase(databaseUrl, config.databasePoolSize, silentLog, {
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  return { config, database, databaseUrl, systems };
}

/** A real Meridian HTTP server on a free port, over its own database, closed after the file. */
export async function startTestServer(options: TestStartOptions = {}): Promise<TestServer> {
  const { config, database, databaseUrl, systems } = await testSetup(options);
  const server = await startServer(config, silentLog, database, systems, { clock: options.clock });
  afterAll(async () => {
    await server.close();
    await database.close();
  });
  return { url: server.url, server, database, databaseUrl };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A small JSON client over real HTTP (Node's fetch). `body` is sent as JSON unless it is a
 * string, which is sent as is (for malformed input).
 */
export function apiClient(baseUrl: string) {
  return async function request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
    };
  };
}

export type Api = ReturnType<typeof apiClient>;

/** Every problem a response may name: the platform's and those of Meridian's systems. */
const problems = problemCatalogue(systems);

/**
 * Asserts the RFC 9457 shape every error response has: problem+json, the catalogue's status and
 * title for `name` (the platform's or a module's), a detail, the request id as `instance`, and no
 * stack. Returns the body. A test's own module passes its catalogue as `more`.
 */
export function expectProblem(response: ApiResponse, name: ProblemName, more?: ProblemCatalogue) {
  const type = more?.[name] ?? problems[name];
  if (!type) throw new Error(`no module declares the problem "${name}"`);
  const { status, title } = type;
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const body = response.body;
  expect(body).toMatchObject({ type: `/problems/${name}`, title, status });
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  expect(body.instance).toBe(requestId);
  expect(body).not.toHaveProperty('stack');
  return body;
}

/**
 * A route for tests of body parsing: `POST /test/anything` takes `{ value }` of any type and
 * answers with the type it received.
 */
export const freeFormBodyModule: Module = {
  name: 'free-form-body',
  routes(app) {
    app.post(
      '/test/anything',
      {
        schema: {
          body: Type.Object({ value: Type.Unknown() }, { additionalProperties: false }),
        },
      },
      async (request) => ({ received: typeof request.body.value }),
    );
  },
};

let userCount = 0;

/** Signs a new user up through the API; returns the user and a token. */
export async function signUp(api: Api, name = `user${++userCount}`) {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  const response = await api('POST', '/v1/auth/signup', {
    body: { email, password: 'correct horse battery', name },
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return { ...response.body.user, email, token: response.body.token as string };
}

/** Signs a new user up and makes them an operator (as `meridian user create --admin` would). */
export async function signUpOperator(api: Api, server: Pick<TestServer, 'database'>) {
  const operator = await signUp(api, 'operator');
  await server.database.db
    .updateTable('users')
    .set({ is_operator: true })
    .where('id', '=', operator.id)
    .execute();
  return operator;
}

/**
 * Waits until job `id` is in `state` (failing the test after `timeout`); returns the job then. It
 * reads the row, not this process's transitions, so a change made by another process (the
 * leader's rescuer, another server) or by plain SQL counts too.
 */
export async function waitForJobState(
  jobs: Jobs,
  id: number,
  state: JobState,
  timeout = 10_000,
): Promise<Job> {
  await expect.poll(async () => (await jobs.get(id))?.state, { timeout, interval: 20 }).toBe(state);
  return (await jobs.get(id)) as Job;
}
