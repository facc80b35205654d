import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Api,
  apiClient,
  createTestDatabase,
  signUp,
  signUpOperator,
  silentLog,
  startTestServer,
  type TestServer,
} from '../../../test/helpers.ts';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/database.ts';
import { platformModules, startServer, version } from '../runtime.ts';
import { beat, hostKeyOf } from './instances.ts';

let main: TestServer;
let api: Api;
/** The instance row of `main`: the only process registered in this file's fresh database. */
let mainInstanceId: string;

beforeAll(async () => {
  main = await startTestServer();
  api = apiClient(main.url);
  const rows = await main.database.db.selectFrom('instances').select('id').execute();
  expect(rows).toHaveLength(1);
  mainInstanceId = (rows[0] as { id: string }).id;
});

describe('health and readiness', () => {
  it('/healthz answers 200', async () => {
    const response = await api('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 once migrated', async () => {
    const response = await api('GET', '/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('/readyz and the API answer 503 while the database refuses connections, and 200 again after', async () => {
    // A server of its own, over a database this test can shut: no new connections, and the
    // pool's existing ones terminated.
    const databaseUrl = await createTestDatabase();
    const name = new URL(databaseUrl).pathname.slice(1);
    const server = await startTestServer({ databaseUrl });
    const ownApi = apiClient(server.url);
    expect((await ownApi('GET', '/readyz')).status).toBe(200);

    const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      const down = await ownApi('GET', '/readyz');
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(down.body).toMatchObject({
        type: '/problems/unavailable',
        status: 503,
        detail: 'The database does not answer',
        instance: down.headers.get('x-request-id'),
      });
      // The process itself is still alive.
      expect((await ownApi('GET', '/healthz')).status).toBe(200);
      // An API request that needs the database is told to come back, not that the server failed.
      const signup = await ownApi('POST', '/v1/auth/signup', {
        body: { email: 'late@example.com', password: 'correct horse battery', name: 'Late' },
      });
      expect(signup.status).toBe(503);
      expect(signup.headers.get('retry-after')).toBe('5');
      expect(signup.body).toMatchObject({
        type: '/problems/unavailable',
        detail: 'The database does not answer; try again shortly',
      });

      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      const ready = async () => {
        const { status, body } = await ownApi('GET', '/readyz');
        return { status, body };
      };
      await expect
        .poll(ready, { timeout: 10_000, interval: 100 })
        .toEqual({ status: 200, body: { status: 'ready' } });
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});

/** Prometheus text exposition: `name{labels} value` samples, by metric name. */
function parseMetrics(text: string) {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key as string] = value as string;
    }
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

describe('/metrics', () => {
  it('is Prometheus text with HTTP timings by route template, pool and process metrics', async () => {
    const user = await signUp(api);
    const org = await api('POST', '/v1/orgs', { token: user.token, body: { name: 'Acme' } });
    expect(org.status).toBe(201);
    const missingId = uuidv7();
    expect((await api('GET', `/v1/orgs/${org.body.id}`, { token: user.token })).status).toBe(200);
    expect((await api('GET', `/v1/orgs/${missingId}`, { token: user.token })).status).toBe(404);
    const strayId = uuidv7();
    expect((await api('GET', `/v1/nowhere/${strayId}?secret=${strayId}`)).status).toBe(404);

    const response = await fetch(new URL('/metrics', main.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE meridian_http_request_duration_seconds histogram');
    const samples = parseMetrics(text);
    const count = (labels: Record<string, string>) =>
      samples.find(
        (s) =>
          s.name === 'meridian_http_request_duration_seconds_count' &&
          Object.entries(labels).every(([k, v]) => s.labels[k] === v),
      )?.value;

    expect(count({ method: 'GET', route: '/v1/orgs/:orgId', status: '200' })).toBe(1);
    expect(count({ method: 'GET', route: '/v1/orgs/:orgId', status: '404' })).toBe(1);
    expect(count({ method: 'POST', route: '/v1/orgs', status: '201' })).toBe(1);
    expect(count({ method: 'GET', status: '404', route: 'unmatched' })).toBeGreaterThanOrEqual(1);
    // No raw ids (or query strings) become label values.
    for (const id of [org.body.id, missingId, strayId]) expect(text).not.toContain(id);
    const routes = new Set(
      samples.filter((s) => s.name.startsWith('meridian_http_')).map((s) => s.labels.route),
    );
    for (const route of routes) expect(route).toMatch(/^(\/[\w:.-]*)+$|^unmatched$/);

    const pool = samples.filter((s) => s.name === 'meridian_db_pool_connections');
    expect(pool.map((s) => s.labels.state).sort()).toEqual(['idle', 'total', 'waiting']);
    expect(pool.find((s) => s.labels.state === 'total')?.value).toBeGreaterThanOrEqual(1);

    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'meridian_process_cpu_user_seconds_total',
      'meridian_process_resident_memory_bytes',
      'meridian_nodejs_eventloop_lag_seconds',
      'meridian_nodejs_heap_size_used_bytes',
    ]) {
      expect(names, name).toContain(name);
    }
  });
});

describe('GET /v1/admin/instances', () => {
  async function operatorToken(): Promise<string> {
    return (await signUpOperator(api, main)).token;
  }

  async function listInstances(token: string) {
    const response = await api('GET', '/v1/admin/instances', { token });
    expect(response.status).toBe(200);
    return response.body.items as {
      id: string;
      state: string;
      pid: number;
      role: string;
      version: string;
      heartbeat_at: string;
      stopped_at: string | null;
      lost_at: string | null;
      lost_reason: string | null;
      released_jobs: number;
    }[];
  }

  it('is 401 without a token', async () => {
    const response = await api('GET', '/v1/admin/instances');
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('/problems/unauthorized');
  });

  it('is 403 for a user who is not an operator', async () => {
    const user = await signUp(api);
    const response = await api('GET', '/v1/admin/instances', { token: user.token });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe('/problems/forbidden');
  });

  it('lists this server as live for an operator', async () => {
    const items = await listInstances(await operatorToken());
    const mine = items.find((i) => i.id === mainInstanceId);
    expect(mine).toMatchObject({
      state: 'live',
      pid: process.pid,
      role: 'all',
      version,
      lost_at: null,
      lost_reason: null,
      released_jobs: 0,
    });
    expect(mine?.stopped_at).toBeNull();
    expect(Number.isNaN(Date.parse(mine?.heartbeat_at ?? ''))).toBe(false);
  });

  /** Registers an instance as another process would: silent for `secondsAgo`. */
  const insertInstance = async (columns: {
    pid?: number;
    host_key?: string | null;
    secondsAgo?: number;
    heartbeat_seconds?: number;
  }) => {
    const id = uuidv7();
    await main.database.db
      .insertInto('instances')
      .values({
        id,
        hostname: 'elsewhere',
        pid: columns.pid ?? 4242,
        role: 'worker',
        version,
        host_key: columns.host_key ?? null,
        heartbeat_seconds: columns.heartbeat_seconds ?? 1,
        heartbeat_at: sql<Date>`now() - make_interval(secs => ${columns.secondsAgo ?? 0})`,
      })
      .execute();
    return id;
  };

  it('lists an instance silent for three of its beats as lost, with the reason, until it beats again', async () => {
    const silent = await insertInstance({ secondsAgo: 31 });
    // Beating every 10 s, heard 15 s ago: alive.
    const recent = await insertInstance({ secondsAgo: 15, heartbeat_seconds: 10 });
    const token = await operatorToken();
    // A process judges it at its next sweep (every beat, 1 s); until then it is listed lost too.
    await expect
      .poll(async () => (await listInstances(token)).find((i) => i.id === silent)?.lost_reason, {
        timeout: 5_000,
      })
      .toMatch(/^no heartbeat for 3\d s$/);
    const items = await listInstances(token);
    expect(items.find((i) => i.id === silent)).toMatchObject({
      state: 'lost',
      released_jobs: 0,
      lost_at: expect.any(String),
    });
    expect(items.find((i) => i.id === recent)).toMatchObject({ state: 'live', lost_at: null });

    // A process judged lost while alive (paused) clears its mark at its next beat.
    await beat(main.database.db, silent);
    const again = await listInstances(token);
    expect(again.find((i) => i.id === silent)).toMatchObject({
      state: 'live',
      lost_at: null,
      lost_reason: null,
    });
  });

  it('lists an instance whose process is gone as lost, with the jobs it released', async () => {
    // Registered with this live pid, so no sweep judges it before it holds the job.
    const gone = await insertInstance({ pid: process.pid, host_key: hostKeyOf() });
    // In a queue no process runs: released, it stays available to be looked at.
    const job = await main.server.core.jobs.enqueue({ kind: 'test.never', queue: 'nobody' });
    await sql`
      UPDATE jobs SET state = 'running', attempt = 1, lease_until = now() + interval '1 hour',
                      worker_id = ${gone}::uuid
      WHERE id = ${job.id}`.execute(main.database.db);
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    await sql`UPDATE instances SET pid = ${dead} WHERE id = ${gone}::uuid`.execute(
      main.database.db,
    );
    const token = await operatorToken();
    await expect
      .poll(async () => (await listInstances(token)).find((i) => i.id === gone), {
        timeout: 5_000,
      })
      .toMatchObject({ state: 'lost', lost_reason: 'process gone', released_jobs: 1 });
    expect(await main.server.core.jobs.get(job.id)).toMatchObject({
      state: 'available',
      attempt: 1,
      worker_id: null,
    });
    await main.server.core.jobs.cancel(job.id);
  });

  it('lists a closed server as stopped', async () => {
    const before = new Set(
      (await main.database.db.selectFrom('instances').select('id').execute()).map((r) => r.id),
    );
    const config = loadConfig(
      { PORT: '0', DATABASE_URL: main.databaseUrl, LOG_LEVEL: 'silent' },
      '/nonexistent',
      platformModules,
    );
    const database = connectDatabase(main.databaseUrl, 2, silentLog);
    const other = await startServer(config, silentLog, database, []);
    let otherId: string | undefined;
    try {
      const rows = await main.database.db.selectFrom('instances').select('id').execute();
      const added = rows.map((r) => r.id).filter((id) => !before.has(id));
      expect(added).toHaveLength(1);
      otherId = added[0];
      const token = await operatorToken();
      expect((await listInstances(token)).find((i) => i.id === otherId)?.state).toBe('live');
    } finally {
      await other.close();
      await database.close();
    }
    const items = await listInstances(await operatorToken());
    const stopped = items.find((i) => i.id === otherId);
    expect(stopped?.state).toBe('stopped');
    expect(Number.isNaN(Date.parse(stopped?.stopped_at ?? ''))).toBe(false);
    // The server under test is unaffected.
    expect(items.find((i) => i.id === mainInstanceId)?.state).toBe('live');
  });
});
