import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  signUp,
  signUpOperator,
  startTestServer,
  type TestServer,
  waitForJobState,
} from '../../../test/helpers.ts';
import type { AlertRow } from '../db/tables.ts';
import { defineJob } from '../jobs/define.ts';
import type { AlertRule, Core, Module } from '../module.ts';
import { evaluateAlerts } from './alerts.ts';

// Alerts through a real server: a module's rule (the `alertRules` hook) whose firing keys the
// test sets, fired, refreshed, resolved and fired again, operators told by inbox and mail once
// each time; the admin list; overlapping evaluations; the dead-jobs rule with a job that dies.
// The periodic evaluation is off here (the tests' default), so each step is evaluated by the test
// itself; alert-rules.test.ts has the periodic job do it.

/** The keys the test rule finds firing; `failing` makes it throw. */
const condition = { keys: [] as string[], failing: false };

const conditionRule: AlertRule = {
  name: 'test-condition',
  severity: 'warning',
  async evaluate(_core, now) {
    if (condition.failing) throw new Error('cannot look');
    return condition.keys.map((key) => ({
      key,
      summary: `condition ${key} holds`,
      details: { checked_at: now.toISOString() },
      value: condition.keys.length,
    }));
  },
};

/** Jobs of this kind fail while `doomed.failing`, and go dead at once (one attempt). */
const doomedJob = defineJob('alerts-test.doomed', { maxAttempts: 1 });
const doomed = { failing: true };

const alertsTestModule: Module = {
  name: 'alerts-test',
  alertRules: [conditionRule],
  jobs: () => [
    doomedJob.handle(async () => {
      if (doomed.failing) throw new Error('doomed');
    }),
  ],
};

let server: TestServer;
let core: Core;
let api: Api;
let operators: { id: string; email: string; token: string }[];

beforeAll(async () => {
  server = await startTestServer({ systems: [alertsTestModule] });
  core = server.server.core;
  api = apiClient(server.url);
  operators = [await signUpOperator(api, server), await signUpOperator(api, server)];
});

const evaluate = () => evaluateAlerts(core, core.alertRules);

function alertsOf(rule: string, key: string): Promise<AlertRow[]> {
  return server.database.db
    .selectFrom('alerts')
    .selectAll()
    .where('rule', '=', rule)
    .where('key', '=', key)
    .orderBy('id')
    .execute();
}

/** The inbox notifications of `event` an operator has about `rule`/`key`. */
async function inboxCount(userId: string, event: string, key: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM notifications
    WHERE user_id = ${userId} AND event = ${event}
      AND data->>'rule' = 'test-condition' AND data->>'key' = ${key}`.execute(server.database.db);
  return rows[0]?.count ?? 0;
}

/** The mail the built-in mailbox (no SMTP_URL) kept for `email` whose subject has `text`. */
async function mailCount(email: string, text: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM mailbox
    WHERE to_address = ${email} AND position(${text} IN subject) > 0`.execute(server.database.db);
  return rows[0]?.count ?? 0;
}

describe('an alert rule', () => {
  it('fires once, telling every operator once by inbox and mail, while it keeps firing', async () => {
    condition.keys = ['a'];
    const first = await evaluate();
    expect(first.fired.map((alert) => [alert.rule, alert.key])).toEqual([['test-condition', 'a']]);
    for (const operator of operators) {
      expect(await inboxCount(operator.id, 'observe.alert_fired', 'a')).toBe(1);
      await expect.poll(() => mailCount(operator.email, 'condition a holds')).toBe(1);
    }
    // A plain user hears nothing.
    const user = await signUp(api);
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM notifications WHERE user_id = ${user.id}`.execute(
      server.database.db,
    );
    expect(rows[0]?.count).toBe(0);

    const before = (await alertsOf('test-condition', 'a'))[0] as AlertRow;
    const again = await evaluate();
    expect(again.fired).toEqual([]);
    const after = await alertsOf('test-condition', 'a');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, state: 'firing', resolved_at: null });
    expect((after[0] as AlertRow).last_evaluated_at.getTime()).toBeGreaterThanOrEqual(
      before.last_evaluated_at.getTime(),
    );
    for (const operator of operators) {
      expect(await inboxCount(operator.id, 'observe.alert_fired', 'a')).toBe(1);
    }
  });

  it('resolves when it stops firing, telling operators, and a later firing is a new alert', async () => {
    condition.keys = [];
    const stopped = await evaluate();
    expect(stopped.resolved.map((alert) => alert.key)).toEqual(['a']);
    const [resolved] = await alertsOf('test-condition', 'a');
    expect(resolved).toMatchObject({ state: 'resolved', resolved_at: expect.any(Date) });
    for (const operator of operators) {
      expect(await inboxCount(operator.id, 'observe.alert_resolved', 'a')).toBe(1);
      await expect.poll(() => mailCount(operator.email, '[resolved] condition a holds')).toBe(1);
    }
    // Nothing firing: nothing more to resolve or tell.
    expect(await evaluate()).toMatchObject({ fired: [], resolved: [] });

    condition.keys = ['a'];
    await evaluate();
    const rows = await alertsOf('test-condition', 'a');
    expect(rows.map((alert) => alert.state)).toEqual(['resolved', 'firing']);
    for (const operator of operators) {
      expect(await inboxCount(operator.id, 'observe.alert_fired', 'a')).toBe(2);
    }
  });

  it('leaves its alerts as they are when it fails to evaluate', async () => {
    condition.failing = true;
    try {
      const evaluation = await evaluate();
      expect(evaluation.failed.map((failure) => failure.rule)).toEqual(['test-condition']);
      const rows = await alertsOf('test-condition', 'a');
      expect(rows.at(-1)?.state).toBe('firing');
    } finally {
      condition.failing = false;
    }
  });

  it('fires once when evaluations overlap', async () => {
    condition.keys = ['a', 'b'];
    const evaluations = await Promise.all([evaluate(), evaluate(), evaluate(), evaluate()]);
    const fired = evaluations.flatMap((e) => e.fired).filter((alert) => alert.key === 'b');
    expect(fired).toHaveLength(1);
    expect(await alertsOf('test-condition', 'b')).toHaveLength(1);
    for (const operator of operators) {
      expect(await inboxCount(operator.id, 'observe.alert_fired', 'b')).toBe(1);
    }
    condition.keys = ['a'];
    const resolving = await Promise.all([evaluate(), evaluate(), evaluate()]);
    expect(resolving.flatMap((e) => e.resolved).map((alert) => alert.key)).toEqual(['b']);
    for (const operator of operators) {
      expect(await inboxCount(operator.id, 'observe.alert_resolved', 'b')).toBe(1);
    }
  });
});

describe('GET /v1/admin/alerts', () => {
  it('lists alerts newest first, by state and rule, in pages', async () => {
    const token = (operators[0] as { token: string }).token;
    const firing = await api('GET', '/v1/admin/alerts?state=firing&rule=test-condition', {
      token,
    });
    expect(firing.status).toBe(200);
    expect(firing.body.items).toHaveLength(1);
    expect(firing.body.items[0]).toMatchObject({
      rule: 'test-condition',
      key: 'a',
      state: 'firing',
      severity: 'warning',
      summary: 'condition a holds',
      value: 1,
      resolved_at: null,
      details: { checked_at: expect.any(String) },
    });
    const resolved = await api('GET', '/v1/admin/alerts?state=resolved&rule=test-condition', {
      token,
    });
    expect(resolved.body.items.map((a: { key: string }) => a.key)).toEqual(['b', 'a']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api('GET', `/v1/admin/alerts?rule=test-condition&limit=1${query}`, {
        token,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((a: { id: string }) => a.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    const all = await api('GET', '/v1/admin/alerts?rule=test-condition', { token });
    expect(seen).toEqual(all.body.items.map((a: { id: string }) => a.id));
    expect(seen).toHaveLength(3);
    const sorted = [...seen].sort().reverse();
    expect(seen).toEqual(sorted);

    const bad = await api('GET', '/v1/admin/alerts?cursor=bm9wZQ', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('/problems/invalid-cursor');
  });

  it('is 401 without a token and 403 for a user who is not an operator', async () => {
    expect((await api('GET', '/v1/admin/alerts')).status).toBe(401);
    const user = await signUp(api);
    const response = await api('GET', '/v1/admin/alerts', { token: user.token });
    expect(response.status).toBe(403);
    expect(response.body.type).toBe('/problems/forbidden');
  });
});

describe('the jobs-dead rule', () => {
  it('fires for a queue with a dead job, follows the count, and resolves once it is redriven', async () => {
    const job = await core.jobs.enqueue(doomedJob.spec());
    await waitForJobState(core.jobs, job.id, 'dead');
    await evaluate();
    const [alert] = await alertsOf('jobs-dead', 'default');
    expect(alert).toMatchObject({ state: 'firing', severity: 'warning', value: 1 });
    expect(alert?.summary).toBe('1 dead job in queue default');

    const second = await core.jobs.enqueue(doomedJob.spec());
    await waitForJobState(core.jobs, second.id, 'dead');
    expect((await evaluate()).fired.filter((a) => a.rule === 'jobs-dead')).toEqual([]);
    const [grown] = await alertsOf('jobs-dead', 'default');
    expect(grown).toMatchObject({
      id: alert?.id,
      value: 2,
      summary: '2 dead jobs in queue default',
    });

    doomed.failing = false;
    for (const id of [job.id, second.id]) {
      await core.jobs.redrive(id);
      await waitForJobState(core.jobs, id, 'completed');
    }
    const evaluation = await evaluate();
    expect(evaluation.resolved.map((a) => [a.rule, a.key])).toEqual([['jobs-dead', 'default']]);
    for (const operator of operators) {
      await expect.poll(() => mailCount(operator.email, '[resolved] 2 dead jobs')).toBe(1);
    }
  });
});
