import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventSource } from 'eventsource';
import { sql } from 'kysely';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  signUpOperator,
  startTestServer,
  type TestServer,
} from '../../test/helpers.ts';
import { inSeconds, startReceiver, tasksOf } from '../../test/scheduler-harness.ts';
import { schedulerModule } from './module.ts';

// Tasks end to end: a real Meridian (HTTP, jobs, notifications) calling a real local webhook
// receiver on the tasks' schedules.

interface Call {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const calls: Call[] = [];
/** Path → the status the receiver answers (200 when unset). */
const statusFor = new Map<string, number>();
/** Mail the real SMTP server received. */
const mail: ParsedMail[] = [];
let targetUrl: string;
let serverUrl: string;
let database: TestServer['database'];
let api: Api;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  targetUrl = await startReceiver((call, response) => {
    calls.push(call);
    response.statusCode = statusFor.get(call.path) ?? 200;
    response.end('ok');
  });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        mail.push(parsed);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  ({ url: serverUrl, database } = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    systems: [schedulerModule],
  }));
  api = apiClient(serverUrl);
  user = await signUp(api);
});

/** Resolves `ms` after the time `iso`: for letting occurrences fall due while a task is paused. */
const untilPast = (iso: string, ms: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(iso) + ms - Date.now())));
const callsTo = (path: string) => calls.filter((call) => call.path === path);
const { createTask, executions } = tasksOf(() => ({ api, token: user.token }));

describe('a webhook task', () => {
  it('calls its target once per occurrence, signed, and stops at its end', async () => {
    // Seconds ahead: a creation slowed by a loaded machine must not land after the start.
    const start = new Date(Date.now() + 3000);
    start.setMilliseconds(0);
    const task = await createTask({
      name: 'every second',
      schedule: {
        frequency: 'interval',
        interval: 'PT1S',
        start: start.toISOString(),
        end: new Date(start.getTime() + 2_500).toISOString(),
      },
      action: { type: 'webhook', url: `${targetUrl}/every-second`, body: { hello: 'world' } },
    });
    expect(task).toMatchObject({ state: 'active', next_run_at: start.toISOString(), version: 1 });
    expect(task.signing_secret).toMatch(/^whsec_/);

    await expect.poll(() => callsTo('/every-second').length, { timeout: 10_000 }).toBe(3);
    await expect
      .poll(async () => (await executions(task.id)).map((e) => e.state), { timeout: 5_000 })
      .toEqual(['succeeded', 'succeeded', 'succeeded']);
    const verifier = new Webhook(task.signing_secret);
    const ids = new Set<string>();
    for (const call of callsTo('/every-second')) {
      expect(call.method).toBe('POST');
      expect(JSON.parse(call.body)).toEqual({ hello: 'world' });
      // Throws unless the signature over id, timestamp and body is the task's.
      verifier.verify(call.body, call.headers as Record<string, string>);
      expect(call.headers['idempotency-key']).toBe(call.headers['webhook-id']);
      ids.add(call.headers['idempotency-key'] as string);
    }
    expect(ids.size).toBe(3);
    const done = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(done.body).toMatchObject({ state: 'completed', next_run_at: null });
  });

  it('retries a failing target, ends dead and tells its owner, and runs again on redrive', async () => {
    statusFor.set('/failing', 500);
    // The owner's live stream: every change of the execution arrives as it is committed.
    const live: { state: string }[] = [];
    const stream = new EventSource(`${serverUrl}/v1/stream/sse?topics=user:${user.id}`, {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init.headers, authorization: `Bearer ${user.token}` },
        }),
    });
    stream.addEventListener('scheduler.execution', (message) => {
      live.push(JSON.parse(message.data).data.execution);
    });
    await new Promise((resolve, reject) => {
      stream.onopen = resolve;
      stream.onerror = reject;
    });
    const task = await createTask({
      name: 'failing',
      schedule: { frequency: 'once', start: inSeconds(0.2) },
      action: { type: 'webhook', url: `${targetUrl}/failing` },
      retry: { max_attempts: 3, initial_delay_ms: 50, factor: 2 },
      notify: { dead: ['in_app', 'email'], failed: ['in_app'] },
    });
    await expect
      .poll(async () => (await executions(task.id))[0]?.state, { timeout: 10_000 })
      .toBe('dead');
    const [dead] = await executions(task.id);
    expect(dead).toMatchObject({ attempts: 3, http_status: 500 });
    expect(callsTo('/failing')).toHaveLength(3);
    // The same execution each time: the target can de-duplicate by the key.
    expect(new Set(callsTo('/failing').map((c) => c.headers['idempotency-key'])).size).toBe(1);

    const inbox = await api('GET', '/v1/notifications?limit=100', { token: user.token });
    const events = inbox.body.items.map((n: { event: string }) => n.event);
    expect(events.filter((e: string) => e === 'scheduler.failed')).toHaveLength(2);
    expect(events).toContain('scheduler.dead');
    // Dead is told by email too (the task said in_app only for failed).
    await expect
      .poll(() => mail.filter((m) => m.subject === 'failing: dead').length, { timeout: 10_000 })
      .toBe(1);
    expect(mail.find((m) => m.subject === 'failing: dead')?.to).toMatchObject({
      value: [{ address: user.email }],
    });
    expect(mail.some((m) => m.subject === 'failing: failed')).toBe(false);
    await expect
      .poll(() => live.map((e) => e.state))
      .toEqual(['running', 'retrying', 'running', 'retrying', 'running', 'dead']);
    stream.close();

    statusFor.set('/failing', 204);
    const redrive = await api('POST', `/v1/tasks/${task.id}/executions/${dead?.id}/redrive`, {
      token: user.token,
    });
    expect(redrive.body).toEqual({ redriven: 1 });
    await expect
      .poll(async () => (await executions(task.id))[0]?.state, { timeout: 10_000 })
      .toBe('succeeded');
    expect((await executions(task.id))[0]?.attempts).toBe(4);
    expectProblem(
      await api('POST', `/v1/tasks/${task.id}/executions/${dead?.id}/redrive`, {
        token: user.token,
      }),
      'conflict',
    );
  });
});

describe('many tasks at once', () => {
  it('creates a hundred tasks sent together and runs each of their occurrences once', async () => {
    // Sent together, created together: the creations and the executions share transactions.
    // Far enough ahead that every creation lands before it, even on a loaded machine.
    const start = new Date(Math.ceil((Date.now() + 4_000) / 1_000) * 1_000);
    const crowd = Array.from({ length: 100 }, (_, index) => `/crowd/${index}`);
    const tasks = await Promise.all(
      crowd.map((path) =>
        createTask({
          name: path,
          schedule: {
            frequency: 'interval',
            interval: 'PT1S',
            start: start.toISOString(),
            end: new Date(start.getTime() + 1_500).toISOString(),
          },
          action: { type: 'webhook', url: `${targetUrl}${path}` },
        }),
      ),
    );
    expect(new Set(tasks.map((task) => task.id)).size).toBe(100);
    expect(tasks.every((task) => task.next_run_at === start.toISOString())).toBe(true);

    const crowdCalls = () => calls.filter((call) => call.path.startsWith('/crowd/'));
    await expect.poll(() => crowdCalls().length, { timeout: 15_000 }).toBe(200);
    for (const path of crowd) expect(callsTo(path)).toHaveLength(2);
    const keys = new Set(crowdCalls().map((call) => call.headers['idempotency-key']));
    expect(keys.size).toBe(200);
    await expect
      .poll(
        async () => {
          const now = await Promise.all(
            tasks.map((task) => api('GET', `/v1/tasks/${task.id}`, { token: user.token })),
          );
          return now.filter((task) => task.body.state === 'completed').length;
        },
        { timeout: 5_000 },
      )
      .toBe(100);
    const states = await Promise.all(tasks.map(async (task) => executions(task.id)));
    expect(
      states.flat().every(({ state, attempts }) => state === 'succeeded' && attempts === 1),
    ).toBe(true);
    expect(states.flat()).toHaveLength(200);
  });
});

describe('run-now', () => {
  it('runs the task at once, besides its schedule, which goes on unchanged', async () => {
    const task = await createTask({
      name: 'weekly report',
      schedule: { frequency: 'weekly', start: inSeconds(3_600) },
      action: { type: 'webhook', url: `${targetUrl}/run-now`, method: 'PUT' },
    });
    const run = await api('POST', `/v1/tasks/${task.id}/run-now`, { token: user.token });
    expect(run.status).toBe(202);
    expect(run.body.state).toBe('pending');
    await expect.poll(() => callsTo('/run-now').length, { timeout: 10_000 }).toBe(1);
    expect(callsTo('/run-now')[0]?.method).toBe('PUT');
    const after = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(after.body.next_run_at).toBe(task.next_run_at);
    await expect
      .poll(async () => (await executions(task.id)).map((e) => e.state).sort(), { timeout: 5_000 })
      .toEqual(['pending', 'succeeded']);
    const paused = await api('GET', '/v1/tasks?state=paused', { token: user.token });
    expect(paused.body.items.map((t: { id: string }) => t.id)).not.toContain(task.id);
    const active = await api('GET', '/v1/tasks?state=active&limit=100', { token: user.token });
    expect(active.body.items.map((t: { id: string }) => t.id)).toContain(task.id);
  });
});

describe('a once task created just after its start', () => {
  it('runs at once instead of ending without a run', async () => {
    const start = new Date(Date.now() - 10_000).toISOString();
    const task = await createTask({
      name: 'a little late',
      schedule: { frequency: 'once', start },
      action: { type: 'webhook', url: `${targetUrl}/a-little-late` },
    });
    expect(task).toMatchObject({ state: 'active', next_run_at: start });
    await expect.poll(() => callsTo('/a-little-late').length, { timeout: 10_000 }).toBe(1);
  });
});

describe('a reminder task', () => {
  it('puts its message in the inbox when due', async () => {
    const task = await createTask({
      name: 'water the plants',
      schedule: { frequency: 'once', start: inSeconds(0.5) },
      action: { type: 'reminder', message: 'The ficus is thirsty' },
    });
    await expect
      .poll(
        async () => {
          const inbox = await api('GET', '/v1/notifications', { token: user.token });
          return inbox.body.items.find(
            (n: { data: { task_id?: string } }) => n.data.task_id === task.id,
          );
        },
        { timeout: 10_000 },
      )
      .toMatchObject({
        event: 'scheduler.reminder',
        title: 'water the plants',
        body: 'The ficus is thirsty',
      });
  });
});

describe('changing a task', () => {
  it('moves the pending occurrence when the schedule changes, and cancels it on delete', async () => {
    const task = await createTask({
      name: 'tomorrow',
      schedule: { frequency: 'daily', start: inSeconds(86_400) },
      action: { type: 'webhook', url: `${targetUrl}/moved` },
    });
    const moved = await api('PATCH', `/v1/tasks/${task.id}`, {
      token: user.token,
      headers: { 'if-match': '"1"' },
      body: { schedule: { frequency: 'daily', start: inSeconds(0.3) } },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.version).toBe(2);
    await expect.poll(() => callsTo('/moved').length, { timeout: 10_000 }).toBe(1);
    // The run that happened (recorded just after the target answers), the next day's waiting,
    // and tomorrow's first one cancelled.
    await expect
      .poll(async () => (await executions(task.id)).map((e) => e.state).sort(), { timeout: 5_000 })
      .toEqual(['cancelled', 'pending', 'succeeded']);

    expectProblem(
      await api('PATCH', `/v1/tasks/${task.id}`, {
        token: user.token,
        headers: { 'if-match': '"1"' },
        body: { name: 'stale' },
      }),
      'precondition-failed',
    );
    const deleted = await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
    expect(deleted.status).toBe(204);
    expectProblem(await api('GET', `/v1/tasks/${task.id}`, { token: user.token }), 'not-found');
  });

  it('schedules an occurrence again when a schedule changes away from it and back', async () => {
    const first = inSeconds(3_600);
    const task = await createTask({
      name: 'back and forth',
      schedule: { frequency: 'daily', start: first },
    });
    for (const start of [inSeconds(7_200), first]) {
      const changed = await api('PATCH', `/v1/tasks/${task.id}`, {
        token: user.token,
        body: { schedule: { frequency: 'daily', start } },
      });
      expect(changed.status).toBe(200);
    }
    const again = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(again.body.next_run_at).toBe(new Date(first).toISOString());
    const states = (await executions(task.id)).map((e) => e.state);
    expect(states).toEqual(['cancelled', 'pending']);
  });

  it('holds occurrences while paused and catches up on the latest one on resume', async () => {
    // Far enough ahead that the pause lands before the first occurrence, even on a slow machine.
    const start = inSeconds(5);
    const task = await createTask({
      name: 'paused',
      schedule: { frequency: 'interval', interval: 'PT1S', start },
      action: { type: 'webhook', url: `${targetUrl}/paused` },
      tolerance_ms: 0,
      notify: { missed: ['in_app'] },
    });
    const paused = await api('POST', `/v1/tasks/${task.id}/pause`, { token: user.token });
    expect(paused.body.state).toBe('paused');
    // What is asserted is that nothing happens: that takes letting occurrences fall due.
    await untilPast(start, 2_500);
    expect(callsTo('/paused')).toHaveLength(0);

    const resumed = await api('POST', `/v1/tasks/${task.id}/resume`, { token: user.token });
    expect(resumed.body.state).toBe('active');
    await expect.poll(() => callsTo('/paused').length, { timeout: 5_000 }).toBeGreaterThan(0);
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
    const inbox = await api('GET', '/v1/notifications?limit=100', { token: user.token });
    expect(
      inbox.body.items.some(
        (n: { event: string; data: { task_id: string } }) =>
          n.event === 'scheduler.missed' && n.data.task_id === task.id,
      ),
    ).toBe(true);
  });
});

describe('a task paused while an execution retries', () => {
  it('lets that execution go on with its attempts: a pause holds only what has not started', async () => {
    statusFor.set('/paused-retrying', 503);
    const task = await createTask({
      name: 'paused while retrying',
      schedule: { frequency: 'daily', start: inSeconds(2) },
      action: { type: 'webhook', url: `${targetUrl}/paused-retrying` },
      retry: { max_attempts: 5, initial_delay_ms: 500, factor: 1 },
    });
    await expect.poll(() => callsTo('/paused-retrying').length, { timeout: 15_000 }).toBe(1);
    const paused = await api('POST', `/v1/tasks/${task.id}/pause`, { token: user.token });
    expect(paused.body.state).toBe('paused');
    statusFor.set('/paused-retrying', 204);
    await expect
      .poll(async () => (await executions(task.id)).map((e) => e.state), { timeout: 15_000 })
      .toEqual(['pending', 'succeeded']); // tomorrow's occurrence, held; today's, done
    expect(callsTo('/paused-retrying').length).toBeGreaterThanOrEqual(2);
  });
});

describe('catching up with every occurrence', () => {
  it('runs each occurrence missed during a pause, each told as late, none missed', async () => {
    const start = inSeconds(5);
    const task = await createTask({
      name: 'catch all',
      schedule: { frequency: 'interval', interval: 'PT1S', start },
      action: { type: 'webhook', url: `${targetUrl}/catch-all` },
      tolerance_ms: 0,
      catch_up: 'all',
      notify: { late: ['in_app'], missed: ['in_app'] },
    });
    await api('POST', `/v1/tasks/${task.id}/pause`, { token: user.token });
    // On purpose: occurrences must fall due while the task is paused (the real clock, since the
    // file's other tests schedule by it).
    await untilPast(start, 2_200);
    await api('POST', `/v1/tasks/${task.id}/resume`, { token: user.token });
    // The held occurrence and the two or three due while paused all run, late.
    await expect
      .poll(() => callsTo('/catch-all').length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
    const inbox = await api('GET', '/v1/notifications?limit=100', { token: user.token });
    const mine = inbox.body.items.filter(
      (n: { data: { task_id: string } }) => n.data.task_id === task.id,
    );
    expect(
      mine.filter((n: { event: string }) => n.event === 'scheduler.late').length,
    ).toBeGreaterThanOrEqual(3);
    expect(mine.some((n: { event: string }) => n.event === 'scheduler.missed')).toBe(false);
  });
});

describe('bad input', () => {
  it('refuses each fault with a 422 naming the field, and stores nothing', async () => {
    const before = await api('GET', '/v1/tasks?limit=100', { token: user.token });
    const cases: [Record<string, unknown>, string][] = [
      [{ frequency: 'fortnightly', start: inSeconds(10) }, 'body/schedule/frequency'],
      [{ frequency: 'cron', cron: '61 * * * * *', start: inSeconds(10) }, 'body/schedule/cron'],
      [{ frequency: 'daily', start: inSeconds(10), end: inSeconds(5) }, 'body/schedule/end'],
      [{ frequency: 'once', start: inSeconds(-3_600) }, 'body/schedule/start'],
      [
        { frequency: 'daily', start: inSeconds(10), timezone: 'Mars/Olympus' },
        'body/schedule/timezone',
      ],
    ];
    for (const [schedule, field] of cases) {
      const response = await api('POST', '/v1/tasks', {
        token: user.token,
        body: { name: 'bad', schedule },
      });
      const problem = expectProblem(response, 'invalid-task');
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const schedule = { frequency: 'daily', start: inSeconds(10) };
    const actions: [Record<string, unknown>, string][] = [
      [{ type: 'webhook', url: 'ftp://example.com/x' }, 'body/action/url'],
      [
        { type: 'webhook', url: targetUrl, headers: { 'Idempotency-Key': 'x' } },
        'body/action/headers/Idempotency-Key',
      ],
      [{ type: 'webhook', url: targetUrl, body: { blob: 'x'.repeat(70_000) } }, 'body/action/body'],
    ];
    for (const [action, field] of actions) {
      const response = await api('POST', '/v1/tasks', {
        token: user.token,
        body: { name: 'bad', schedule, action },
      });
      const problem = expectProblem(response, 'invalid-task');
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expectProblem(
      await api('POST', '/v1/tasks', {
        token: user.token,
        body: { name: 'bad', schedule, notify: { dead: ['carrier-pigeon'] } },
      }),
      'invalid-task',
    );
    const after = await api('GET', '/v1/tasks?limit=100', { token: user.token });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('refuses a header that HTTP cannot carry with a 400 naming it, and stores nothing', async () => {
    const before = await api('GET', '/v1/tasks?limit=100', { token: user.token });
    const schedule = { frequency: 'daily', start: inSeconds(10) };
    const value = /must be visible ASCII/;
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ 'X-U': '日本' }, 'body/action/headers/X-U', value],
      [{ 'X-A': 'b\r\nc' }, 'body/action/headers/X-A', value],
      [{ 'X-Nul': 'a\u0000b' }, 'body/action/headers/X-Nul', /NUL/],
      [{ 'X-Padded': ' x ' }, 'body/action/headers/X-Padded', value],
      [{ 'Bad Name': 'x' }, 'body/action/headers/Bad Name', /the name must be an HTTP token/],
      [{ 'X-\r\nInjected': 'x' }, 'body/action/headers/X-\r\nInjected', /HTTP token/],
    ];
    for (const [headers, field, message] of cases) {
      const response = await api('POST', '/v1/tasks', {
        token: user.token,
        body: { name: 'bad', schedule, action: { type: 'webhook', url: targetUrl, headers } },
      });
      const problem = expectProblem(response, 'validation-failed');
      expect(problem.errors).toContainEqual({ field, message: expect.stringMatching(message) });
    }
    // Headers the HTTP client or Meridian sets: a 422 naming each.
    const response = await api('POST', '/v1/tasks', {
      token: user.token,
      body: {
        name: 'bad',
        schedule,
        action: {
          type: 'webhook',
          url: targetUrl,
          headers: { Expect: '100-continue', 'Keep-Alive': 'timeout=5', 'User-Agent': 'mine' },
        },
      },
    });
    const problem = expectProblem(response, 'invalid-task');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'body/action/headers/Expect',
      'body/action/headers/Keep-Alive',
      'body/action/headers/User-Agent',
    ]);
    const after = await api('GET', '/v1/tasks?limit=100', { token: user.token });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it("keeps another user's task a 404", async () => {
    const task = await createTask({
      name: 'mine',
      schedule: { frequency: 'daily', start: inSeconds(60) },
    });
    const other = await signUp(api);
    for (const [method, path] of [
      ['GET', `/v1/tasks/${task.id}`],
      ['DELETE', `/v1/tasks/${task.id}`],
      ['POST', `/v1/tasks/${task.id}/run-now`],
      ['GET', `/v1/tasks/${task.id}/executions`],
    ] as const) {
      expectProblem(await api(method, path, { token: other.token }), 'not-found');
    }
    expectProblem(
      await api('PATCH', '/v1/user/task', {
        token: other.token,
        body: { task_id: task.id, frequency: 'weekly' },
      }),
      'not-found',
    );
  });
});

describe('previewing a schedule before saving it', () => {
  const countTasks = async () =>
    Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM scheduler_tasks`.execute(database.db))
        .rows[0]?.n,
    );

  it('gives the due times in the time zone, as a created task would have them', async () => {
    const tasksBefore = await countTasks();
    const preview = await api('POST', '/v1/tasks/preview', {
      token: user.token,
      body: {
        schedule: {
          frequency: 'cron',
          cron: '0 30 9 * * 1-5',
          start: '2026-01-01T00:00:00Z',
          timezone: 'Europe/Paris',
        },
        count: 4,
      },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const due = preview.body.occurrences.map((at: string) => new Date(at));
    expect(due).toHaveLength(4);
    for (const at of due) {
      expect(at.getTime()).toBeGreaterThan(Date.now() - 1000);
      const paris = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(at);
      expect(paris).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:30$/);
    }
    // Nothing was saved.
    expect(await countTasks()).toBe(tasksBefore);
  });

  it('names the faulty fields as a create would', async () => {
    const body = expectProblem(
      await api('POST', '/v1/tasks/preview', {
        token: user.token,
        body: {
          schedule: {
            frequency: 'cron',
            cron: 'nonsense',
            start: inSeconds(60),
            timezone: 'Mars/Base',
          },
        },
      }),
      'invalid-task',
    );
    const fields = body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body/schedule/timezone']));
    expectProblem(
      await api('POST', '/v1/tasks/preview', {
        body: { schedule: { frequency: 'daily', start: inSeconds(60) } },
      }),
      'unauthorized',
    );
  });
});

describe("the brief's API", () => {
  it('creates, changes and deletes a task with the note’s bodies', async () => {
    const created = await api('POST', '/v1/user/createtask', {
      token: user.token,
      body: {
        user_id: user.id,
        frequency: 'weekly',
        start_date: inSeconds(3_600),
        end_date: inSeconds(86_400 * 30),
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const taskId = created.body.task_id;
    const preview = await api('GET', `/v1/tasks/${taskId}/occurrences?count=3`, {
      token: user.token,
    });
    expect(preview.body.occurrences).toHaveLength(3);

    const changed = await api('PATCH', '/v1/user/task', {
      token: user.token,
      body: { task_id: taskId, frequency: 'monthly' },
    });
    expect(changed.status).toBe(200);
    const task = await api('GET', `/v1/tasks/${taskId}`, { token: user.token });
    expect(task.body.schedule.frequency).toBe('monthly');

    const deleted = await api('DELETE', '/v1/user/task', {
      token: user.token,
      body: { task_id: taskId },
    });
    expect(deleted.status).toBe(200);
    expectProblem(await api('GET', `/v1/tasks/${taskId}`, { token: user.token }), 'not-found');

    const other = await signUp(api);
    expectProblem(
      await api('POST', '/v1/user/createtask', {
        token: other.token,
        body: { user_id: user.id, frequency: 'weekly', start_date: inSeconds(60) },
      }),
      'not-found',
    );
  });

  it('lets an operator create a task for a user who exists, and for no one else', async () => {
    const operator = await signUpOperator(api, { database });
    const forUser = await api('POST', '/v1/user/createtask', {
      token: operator.token,
      body: { user_id: user.id, frequency: 'daily', start_date: inSeconds(3_600) },
    });
    expect(forUser.status, JSON.stringify(forUser.body)).toBe(200);
    const owned = await api('GET', `/v1/tasks/${forUser.body.task_id}`, { token: user.token });
    expect(owned.status).toBe(200);
    expectProblem(
      await api('POST', '/v1/user/createtask', {
        token: operator.token,
        body: {
          user_id: '01900000-0000-7000-8000-000000000000',
          frequency: 'daily',
          start_date: inSeconds(3_600),
        },
      }),
      'not-found',
    );
  });
});
