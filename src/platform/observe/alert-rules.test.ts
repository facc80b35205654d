import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  signUpOperator,
  startTestServer,
  type TestServer,
} from '../../../test/helpers.ts';
import type { AlertRow } from '../db/tables.ts';
import type { Module } from '../module.ts';
import { version } from '../runtime.ts';
import { beat } from './instances.ts';

// The built-in rules with real conditions, evaluated by the periodic job itself (every second
// here): a silent instance judged lost, then back; a burst of 5xx responses counted by the
// heartbeat. And the `meridian_alerts_firing` gauge that carries them to Prometheus.

/** A route that always fails: the 5xx the http-5xx-rate rule counts. */
const failingModule: Module = {
  name: 'alerts-failing',
  routes(app) {
    app.get('/test/alerts/fail', async () => {
      throw new Error('failing on purpose');
    });
  },
};

let server: TestServer;
let api: Api;
let operatorId: string;

beforeAll(async () => {
  server = await startTestServer({
    systems: [failingModule],
    env: {
      ALERTS_EVALUATE_SECONDS: '1',
      ALERTS_HTTP_5XX_PERCENT: '50',
      ALERTS_HTTP_MIN_REQUESTS: '20',
    },
  });
  api = apiClient(server.url);
  operatorId = (await signUpOperator(api, server)).id;
});

function alertOf(rule: string, key: string): Promise<AlertRow | undefined> {
  return server.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('rule', '=', rule)
    .where('key', '=', key)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

async function inboxEvents(rule: string, key: string): Promise<string[]> {
  const { rows } = await sql<{ event: string }>`
    SELECT event FROM notifications
    WHERE user_id = ${operatorId} AND data->>'rule' = ${rule} AND data->>'key' = ${key}
    ORDER BY id`.execute(server.database.db);
  return rows.map((row) => row.event);
}

const poll = { timeout: 10_000, interval: 100 };

describe('the instance-lost rule', () => {
  it('fires for an instance judged lost, and resolves when it beats again', async () => {
    // Another process, silent for 31 s with a 1 s heartbeat: the sweep judges it lost.
    const id = uuidv7();
    await server.database.db
      .insertInto('instances')
      .values({
        id,
        hostname: 'elsewhere',
        pid: 4242,
        role: 'worker',
        version,
        host_key: null,
        heartbeat_seconds: 1,
        heartbeat_at: sql<Date>`now() - interval '31 seconds'`,
      })
      .execute();
    await expect
      .poll(() => alertOf('instance-lost', id), poll)
      .toMatchObject({
        state: 'firing',
        severity: 'critical',
        summary: expect.stringMatching(
          /^Instance elsewhere pid 4242 \(worker\) lost: no heartbeat/,
        ),
      });
    expect(await inboxEvents('instance-lost', id)).toEqual(['observe.alert_fired']);

    // It was only paused: it beats again, and now beats every 10 minutes, so it stays alive
    // through the rest of the test.
    await sql`UPDATE instances SET heartbeat_seconds = 600 WHERE id = ${id}`.execute(
      server.database.db,
    );
    await beat(server.database.db, id);
    await expect
      .poll(async () => (await alertOf('instance-lost', id))?.state, poll)
      .toBe('resolved');
    expect(await inboxEvents('instance-lost', id)).toEqual([
      'observe.alert_fired',
      'observe.alert_resolved',
    ]);
  });
});

describe('the http-5xx-rate rule', () => {
  it("fires when the window's responses are mostly 5xx, counted across the heartbeat", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await api('GET', '/test/alerts/fail')).status).toBe(500);
    }
    await expect
      .poll(() => alertOf('http-5xx-rate', 'all'), poll)
      .toMatchObject({
        state: 'firing',
        summary: expect.stringMatching(/% of HTTP responses were 5xx in the last 5 min/),
      });
    const alert = (await alertOf('http-5xx-rate', 'all')) as AlertRow;
    expect(alert.value).toBeGreaterThanOrEqual(50);
    expect(alert.details).toMatchObject({ errors: expect.any(Number), window_minutes: 5 });
    expect((alert.details as { errors: number }).errors).toBeGreaterThanOrEqual(20);
    expect(await inboxEvents('http-5xx-rate', 'all')).toEqual(['observe.alert_fired']);
  });

  it('is on /metrics as meridian_alerts_firing, every rule listed', async () => {
    const text = await (await fetch(new URL('/metrics', server.url))).text();
    expect(text).toMatch(/^meridian_alerts_firing\{rule="http-5xx-rate"\} 1$/m);
    expect(text).toMatch(/^meridian_alerts_firing\{rule="jobs-dead"\} 0$/m);
  });
});
