import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
  type TestServer,
} from '../../test/helpers.ts';
import { inSeconds, startReceiver, tasksOf } from '../../test/scheduler-harness.ts';
import { schedulerModule } from './module.ts';

// Creating and changing tasks over real HTTP: what is accepted can run, a change that changes
// nothing is nothing, PATCH is a JSON merge patch, the brief's API speaks its own field names, a
// signing secret is never kept for a replay, run-now runs a paused task, notify merges defaults.

/** Path → how many calls the local webhook receiver had. */
const callCount = new Map<string, number>();
let targetUrl: string;
let server: TestServer;
let api: Api;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  targetUrl = await startReceiver(({ path }, response) => {
    callCount.set(path, (callCount.get(path) ?? 0) + 1);
    response.end('ok');
  });
  server = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true' },
    systems: [schedulerModule],
  });
  api = apiClient(server.url);
  user = await signUp(api);
});

const { createTask, executions } = tasksOf(() => ({ api, token: user.token }));

async function getTask(taskId: string) {
  const response = await api('GET', `/v1/tasks/${taskId}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.body;
}

function patch(taskId: string, body: unknown, contentType = 'application/merge-patch+json') {
  return api('PATCH', `/v1/tasks/${taskId}`, {
    token: user.token,
    headers: { 'content-type': contentType },
    body,
  });
}

const fieldsOf = (problem: { errors: { field: string }[] }) => problem.errors.map((e) => e.field);

describe('a schedule that is accepted can run', () => {
  it('refuses an interval beyond ten years with a 422 on the interval, and previews the longest', async () => {
    const refused = await api('POST', '/v1/tasks', {
      token: user.token,
      body: {
        name: 'too long',
        schedule: { frequency: 'interval', interval: 'P99999999D', start: inSeconds(60) },
      },
    });
    expect(fieldsOf(expectProblem(refused, 'invalid-task'))).toEqual(['body/schedule/interval']);

    // The longest interval, started near the end of time: its preview stops at year 9999.
    const longest = await createTask({
      name: 'decennial',
      schedule: { frequency: 'interval', interval: 'P3660D', start: '9985-01-01T00:00:00Z' },
    });
    const preview = await api('GET', `/v1/tasks/${longest.id}/occurrences?count=100`, {
      token: user.token,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.occurrences).toEqual([
      '9985-01-01T00:00:00.000Z',
      '9995-01-09T00:00:00.000Z',
    ]);
  });
});

describe('a change that changes nothing', () => {
  it('keeps the version, the pending execution and next_run_at, on both APIs', async () => {
    const task = await createTask({
      name: 'steady',
      schedule: { frequency: 'weekly', start: inSeconds(3_600), timezone: 'Europe/Paris' },
      action: { type: 'webhook', url: `${targetUrl}/steady`, headers: { 'X-A': '1' } },
    });
    const [pending] = await executions(task.id);
    for (const body of [
      {},
      { name: 'steady' },
      { schedule: { frequency: 'weekly', timezone: 'europe/paris' } },
      { action: { url: `${targetUrl}/steady` }, retry: { max_attempts: 10 } },
    ]) {
      const response = await patch(task.id, body, 'application/json');
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ version: 1, next_run_at: task.next_run_at });
      expect(response.headers.get('etag')).toBe('"1"');
    }
    const brief = await api('PATCH', '/v1/user/task', {
      token: user.token,
      body: { task_id: task.id },
    });
    expect(brief.status).toBe(200);
    const briefSame = await api('PATCH', '/v1/user/task', {
      token: user.token,
      body: { task_id: task.id, frequency: 'weekly' },
    });
    expect(briefSame.status).toBe(200);
    expect(await getTask(task.id)).toMatchObject({ version: 1, next_run_at: task.next_run_at });
    expect(await executions(task.id)).toEqual([pending]);
  });
});

describe('PATCH /v1/tasks/{id} is a JSON merge patch', () => {
  it('changes only what the patch names, and null removes an optional field', async () => {
    const start = inSeconds(3_600);
    const task = await createTask({
      name: 'merged',
      schedule: { frequency: 'daily', start, timezone: 'Asia/Kolkata' },
      action: {
        type: 'webhook',
        url: `${targetUrl}/merged`,
        headers: { 'X-A': '1', 'X-B': '2' },
        timeout_ms: 5_000,
      },
      retry: { max_attempts: 3 },
    });
    const end = '2030-01-01T00:00:00.000Z';
    const ended = await patch(task.id, { schedule: { end } });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.version).toBe(2);
    expect(ended.body.schedule).toEqual({ ...task.schedule, end });
    // The same occurrence, rescheduled as the first of the new schedule.
    expect(ended.body.next_run_at).toBe(task.next_run_at);

    const changed = await patch(task.id, {
      schedule: { end: null },
      action: { headers: { 'X-A': null, 'X-C': '3' }, timeout_ms: null },
      retry: { initial_delay_ms: 500 },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.schedule).toEqual(task.schedule);
    expect(changed.body.action).toEqual({
      ...task.action,
      headers: { 'X-B': '2', 'X-C': '3' },
      timeout_ms: 10_000,
    });
    expect(changed.body.retry).toEqual({ ...task.retry, initial_delay_ms: 500 });
    expect(changed.body.name).toBe('merged');

    // A new action type replaces the action; a new frequency drops the old one's fields.
    const reminder = await patch(task.id, {
      action: { type: 'reminder', message: 'hello' },
      schedule: { frequency: 'interval', interval: 'PT1H' },
    });
    expect(reminder.status, JSON.stringify(reminder.body)).toBe(200);
    expect(reminder.body.action).toEqual({ type: 'reminder', message: 'hello' });
    const daily = await patch(task.id, { schedule: { frequency: 'daily' } });
    expect(daily.status, JSON.stringify(daily.body)).toBe(200);
    expect(daily.body.schedule).toMatchObject({ frequency: 'daily', interval: null });
  });

  it('validates the merged task, naming the fields that are wrong in it', async () => {
    const task = await createTask({
      name: 'strict',
      schedule: { frequency: 'daily', start: inSeconds(3_600) },
    });
    const cases: [unknown, 'validation-failed' | 'invalid-task', string][] = [
      [{ name: null }, 'validation-failed', 'body/name'],
      [{ schedule: { start: 5 } }, 'validation-failed', 'body/schedule/start'],
      [{ schedule: { start: null } }, 'validation-failed', 'body/schedule/start'],
      [{ schedule: { colour: 'red' } }, 'validation-failed', 'body/schedule/colour'],
      [{ retry: { max_attempts: 0 } }, 'validation-failed', 'body/retry/max_attempts'],
      [{ colour: 'red' }, 'validation-failed', 'body/colour'],
      [{ schedule: { interval: 'PT1M' } }, 'invalid-task', 'body/schedule/interval'],
      [{ schedule: { frequency: 'interval' } }, 'invalid-task', 'body/schedule/interval'],
      [{ schedule: { end: '2020-01-01T00:00:00Z' } }, 'invalid-task', 'body/schedule/end'],
      [{ action: { type: 'webhook' } }, 'validation-failed', 'body/action/url'],
      [{ notify: { dead: ['pigeon'] } }, 'invalid-task', 'body/notify/dead'],
    ];
    for (const [body, problem, field] of cases) {
      const response = await patch(task.id, body);
      const refused = expectProblem(response, problem);
      expect(fieldsOf(refused), JSON.stringify(body)).toContain(field);
    }
    expectProblem(await patch(task.id, '{}', 'text/plain'), 'unsupported-media-type');
    expect(await getTask(task.id)).toMatchObject({ version: 1, name: 'strict' });
  });
});

describe("the brief's API", () => {
  it('names the fields of its own bodies in errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ frequency: 'fortnightly', start_date: inSeconds(60) }, 'body/frequency'],
      [{ frequency: 'cron', start_date: inSeconds(60) }, 'body/frequency'],
      [
        { frequency: 'weekly', start_date: inSeconds(60), end_date: inSeconds(30) },
        'body/end_date',
      ],
      [{ frequency: 'once', start_date: inSeconds(-3_600) }, 'body/start_date'],
    ];
    for (const [body, field] of cases) {
      const response = await api('POST', '/v1/user/createtask', {
        token: user.token,
        body: { user_id: user.id, ...body },
      });
      const problem = expectProblem(response, 'invalid-task');
      expect(fieldsOf(problem)).toEqual([field]);
      expect(problem.detail).not.toContain('schedule');
    }
    const created = await api('POST', '/v1/user/createtask', {
      token: user.token,
      body: { user_id: user.id, frequency: 'weekly', start_date: inSeconds(3_600) },
    });
    const refused = await api('PATCH', '/v1/user/task', {
      token: user.token,
      body: { task_id: created.body.task_id, end_date: '2020-01-01T00:00:00Z' },
    });
    expect(fieldsOf(expectProblem(refused, 'invalid-task'))).toEqual(['body/end_date']);
  });

  it('renames a task named after its frequency when the frequency changes', async () => {
    const created = await api('POST', '/v1/user/createtask', {
      token: user.token,
      body: { user_id: user.id, frequency: 'weekly', start_date: inSeconds(3_600) },
    });
    const taskId = created.body.task_id;
    expect(await getTask(taskId)).toMatchObject({
      name: 'weekly task',
      action: { type: 'reminder', message: 'weekly task' },
    });
    await api('PATCH', '/v1/user/task', {
      token: user.token,
      body: { task_id: taskId, frequency: 'monthly' },
    });
    expect(await getTask(taskId)).toMatchObject({
      name: 'monthly task',
      schedule: { frequency: 'monthly' },
      action: { type: 'reminder', message: 'monthly task' },
      version: 2,
    });
    // Once renamed by its owner, the name is theirs.
    await patch(taskId, { name: 'rent' });
    await api('PATCH', '/v1/user/task', {
      token: user.token,
      body: { task_id: taskId, frequency: 'yearly' },
    });
    expect(await getTask(taskId)).toMatchObject({
      name: 'rent',
      schedule: { frequency: 'yearly' },
      action: { message: 'rent' },
    });
  });
});

describe('an idempotent create', () => {
  it('never keeps the signing secret: a replay answers without it and says so', async () => {
    const key = `key-${randomUUID()}`;
    const body = { name: 'secretive', schedule: { frequency: 'daily', start: inSeconds(3_600) } };
    const request = () =>
      api('POST', '/v1/tasks', { token: user.token, body, headers: { 'idempotency-key': key } });
    const first = await request();
    expect(first.status).toBe(201);
    expect(first.body.signing_secret).toMatch(/^whsec_/);
    expect(first.headers.get('idempotent-omitted')).toBeNull();

    const stored = await server.database.db
      .selectFrom('idempotency_keys')
      .select(['response_body', 'response_headers'])
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(stored.response_body).not.toContain(first.body.signing_secret);
    expect(stored.response_body).not.toContain('signing_secret');

    const replay = await request();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('idempotent-omitted')).toBe('signing_secret');
    const { signing_secret: _secret, ...withoutSecret } = first.body;
    expect(replay.body).toEqual(withoutSecret);
  });
});

describe('run-now on a paused task', () => {
  it('runs once at once, and the task stays paused with its occurrence held', async () => {
    const task = await createTask({
      name: 'paused but asked',
      schedule: { frequency: 'daily', start: inSeconds(3_600) },
      action: { type: 'webhook', url: `${targetUrl}/paused-run-now` },
    });
    const paused = await api('POST', `/v1/tasks/${task.id}/pause`, { token: user.token });
    expect(paused.body.state).toBe('paused');
    const run = await api('POST', `/v1/tasks/${task.id}/run-now`, { token: user.token });
    expect(run.status).toBe(202);
    await expect
      .poll(async () => (await executions(task.id)).find((e) => e.id === run.body.id)?.state, {
        timeout: 15_000,
      })
      .toBe('succeeded');
    expect(callCount.get('/paused-run-now')).toBe(1);
    expect(await getTask(task.id)).toMatchObject({
      state: 'paused',
      next_run_at: task.next_run_at,
    });
    const held = (await executions(task.id)).find((e) => e.id !== run.body.id);
    expect(held).toMatchObject({ state: 'pending', scheduled_for: task.next_run_at });
  });
});

describe('notify on create', () => {
  it('merges the given events with the defaults; an empty list turns an event off', async () => {
    const task = await createTask({
      name: 'chatty',
      schedule: { frequency: 'daily', start: inSeconds(3_600) },
      notify: { failed: ['in_app'], late: [], dead: ['push'] },
    });
    expect(task.notify).toEqual({
      dead: ['push'],
      late: [],
      missed: ['email', 'in_app'],
      failed: ['in_app'],
    });
    const reset = await patch(task.id, { notify: { late: null, failed: null } });
    expect(reset.body.notify).toEqual({
      dead: ['push'],
      late: ['email', 'in_app'],
      missed: ['email', 'in_app'],
    });
    const defaults = await patch(task.id, { notify: null });
    expect(defaults.body.notify).toEqual({
      dead: ['email', 'in_app'],
      late: ['email', 'in_app'],
      missed: ['email', 'in_app'],
    });
  });
});
