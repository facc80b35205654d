import type { IncomingHttpHeaders } from 'node:http';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
  type TestServer,
} from '../../test/helpers.ts';
import {
  inSeconds as inSecondsFrom,
  startReceiver,
  tasksOf,
} from '../../test/scheduler-harness.ts';
import { createTravelClock } from '../platform/clock.ts';
import { schedulerModule } from './module.ts';

// The scheduler's features beyond the brief (docs/scheduler.md), end to end: a real Meridian on
// a travel clock (running at real speed until a test moves it forward) calling a real local
// webhook receiver.

interface Call {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** By the travel clock. */
  at: Date;
}

const clock = createTravelClock(new Date());
const calls: Call[] = [];
/** Path → the statuses the receiver answers in turn (200 once they are used up). */
const answers = new Map<string, number[]>();
/** Path → answered only once this settles (a long-running target). */
const held = new Map<string, Promise<void>>();
let targetUrl: string;
let api: Api;
let server: TestServer;
let user: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  targetUrl = await startReceiver(({ path, headers, body }, response) => {
    calls.push({ path, headers, body, at: clock.now() });
    response.statusCode = answers.get(path)?.shift() ?? 200;
    void (held.get(path) ?? Promise.resolve()).then(() => response.end('ok'));
  });
  server = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true' },
    systems: [schedulerModule],
    clock,
  });
  api = apiClient(server.url);
  user = await signUp(api);
});

/** `s` seconds from the travel clock's now. */
const inSeconds = (s: number) => inSecondsFrom(s, clock.now());
const callsTo = (path: string) => calls.filter((call) => call.path === path);
const { createTask, executions } = tasksOf(() => ({ api, token: user.token }));

describe('an execution', () => {
  it('lists each attempt, and tells the target its due time, execution and attempt', async () => {
    answers.set('/attempts', [503]);
    const task = await createTask({
      name: 'attempts',
      schedule: { frequency: 'once', start: inSeconds(0.2) },
      action: {
        type: 'webhook',
        url: `${targetUrl}/attempts`,
        body: { due: '{{scheduled_time}}', run: '{{execution_id}}/{{attempt}}', kept: '{{x}}' },
      },
      retry: { max_attempts: 3, initial_delay_ms: 50 },
    });
    await expect
      .poll(async () => (await executions(task.id))[0]?.state, { timeout: 15_000 })
      .toBe('succeeded');
    const [execution] = await executions(task.id);
    const detail = await api('GET', `/v1/tasks/${task.id}/executions/${execution?.id}`, {
      token: user.token,
    });
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({ id: execution?.id, state: 'succeeded', attempts: 2 });
    const [first, second] = detail.body.attempt_history;
    expect(detail.body.attempt_history).toHaveLength(2);
    expect(first).toMatchObject({
      attempt: 1,
      outcome: 'failed',
      http_status: 503,
      error: 'the target answered 503',
      response_excerpt: 'ok',
    });
    expect(second).toMatchObject({ attempt: 2, outcome: 'succeeded', http_status: 200 });
    for (const attempt of [first, second]) {
      expect(attempt.duration_ms).toBe(
        Date.parse(attempt.finished_at) - Date.parse(attempt.started_at),
      );
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(0);
    }
    expect(Date.parse(second.started_at)).toBeGreaterThanOrEqual(Date.parse(first.finished_at));

    const received = callsTo('/attempts');
    expect(received).toHaveLength(2);
    for (const [index, call] of received.entries()) {
      expect(call.headers['meridian-scheduled-time']).toBe(task.next_run_at);
      expect(call.headers['meridian-execution-id']).toBe(execution?.id);
      expect(call.headers['meridian-attempt']).toBe(String(index + 1));
      expect(JSON.parse(call.body)).toEqual({
        due: task.next_run_at,
        run: `${execution?.id}/${index + 1}`,
        kept: '{{x}}',
      });
    }

    const other = await signUp(api);
    expectProblem(
      await api('GET', `/v1/tasks/${task.id}/executions/${execution?.id}`, { token: other.token }),
      'not-found',
    );
    const elsewhere = await createTask({
      name: 'elsewhere',
      schedule: { frequency: 'daily', start: inSeconds(3_600) },
    });
    expectProblem(
      await api('GET', `/v1/tasks/${elsewhere.id}/executions/${execution?.id}`, {
        token: user.token,
      }),
      'not-found',
    );
    const refused = await api('POST', '/v1/tasks', {
      token: user.token,
      body: {
        name: 'bad header',
        schedule: { frequency: 'daily', start: inSeconds(60) },
        action: { type: 'webhook', url: targetUrl, headers: { 'Meridian-Scheduled-Time': 'x' } },
      },
    });
    const problem = expectProblem(refused, 'invalid-task');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'body/action/headers/Meridian-Scheduled-Time',
    ]);
  });
});

describe('tags and list filters', () => {
  it('filters tasks by state, tag and part of the name, page by page', async () => {
    const owner = await signUp(api);
    const create = async (name: string, tags?: string[]) => {
      const response = await api('POST', '/v1/tasks', {
        token: owner.token,
        body: { name, schedule: { frequency: 'daily', start: inSeconds(3_600) }, tags },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    };
    const billing = await create('Nightly Billing export', ['billing', 'team:finance']);
    const report = await create('Weekly report', ['team:finance']);
    const percent = await create('100% done', []);
    const plain = await create('plain');
    expect(plain.tags).toEqual([]);
    expect(billing.tags).toEqual(['billing', 'team:finance']);
    await api('POST', `/v1/tasks/${report.id}/pause`, { token: owner.token });

    const list = async (query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string }[]; next_cursor: string } } =
          await api('GET', `/v1/tasks?limit=1&${query}${cursor ? `&cursor=${cursor}` : ''}`, {
            token: owner.token,
          });
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        ids.push(...page.body.items.map((task) => task.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      return ids;
    };
    expect(await list('tag=team:finance')).toEqual([billing.id, report.id]);
    expect(await list('tag=team:finance&state=active')).toEqual([billing.id]);
    expect(await list('tag=billing&state=paused')).toEqual([]);
    expect(await list('name=BILLING')).toEqual([billing.id]);
    expect(await list('name=ly')).toEqual([billing.id, report.id]);
    // Wildcards are text: `%` and `_` match themselves.
    expect(await list(`name=${encodeURIComponent('0%')}`)).toEqual([percent.id]);
    expect(await list('name=_')).toEqual([]);
    expect(await list('name=weekly&tag=team:finance&state=paused')).toEqual([report.id]);

    const changed = await api('PATCH', `/v1/tasks/${plain.id}`, {
      token: owner.token,
      body: { tags: ['billing'] },
    });
    expect(changed.body.tags).toEqual(['billing']);
    expect(await list('tag=billing')).toEqual([billing.id, plain.id]);
    // Another owner's tags are not in your list.
    expect((await api('GET', '/v1/tasks?tag=billing', { token: user.token })).body.items).toEqual(
      [],
    );

    for (const tags of [
      ['has space'],
      ['dup', 'dup'],
      Array.from({ length: 21 }, (_, i) => `t${i}`),
      ['x'.repeat(65)],
      [''],
    ]) {
      expectProblem(
        await api('POST', '/v1/tasks', {
          token: owner.token,
          body: { name: 'bad tags', schedule: { frequency: 'daily', start: inSeconds(60) }, tags },
        }),
        'validation-failed',
      );
    }
    expectProblem(
      await api('GET', '/v1/tasks?tag=has%20space', { token: owner.token }),
      'validation-failed',
    );
    expectProblem(await api('GET', '/v1/tasks?name=', { token: owner.token }), 'validation-failed');
  });
});

/** The state of the `scheduler.resume` job of `taskId` for `until`. */
async function resumeJobState(taskId: string, until: string) {
  const { rows } = await sql<{ state: string }>`
    SELECT state FROM jobs WHERE unique_key = ${`scheduler.resume:${taskId}:${until}`}`.execute(
    server.database.db,
  );
  return rows[0]?.state;
}

describe('pausing until a date', () => {
  it('resumes by itself then, the occurrences in between following the catch-up policy', async () => {
    const hour = 3_600_000;
    const start = new Date(clock.now().getTime() + hour);
    start.setMilliseconds(0);
    const at = (hours: number) => new Date(start.getTime() + hours * hour).toISOString();
    const task = await createTask({
      name: 'pause until',
      schedule: { frequency: 'interval', interval: 'PT1H', start: start.toISOString() },
      action: { type: 'webhook', url: `${targetUrl}/pause-until` },
      tolerance_ms: 0,
      notify: { missed: ['in_app'] },
    });
    const until = at(2.5);
    const paused = await api('POST', `/v1/tasks/${task.id}/pause`, {
      token: user.token,
      body: { until },
    });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body).toMatchObject({ state: 'paused', paused_until: until });

    clock.travelTo(new Date(until));
    // The occurrences due at +0 h and +1 h are missed; +2 h, the latest, runs at once.
    await expect.poll(() => callsTo('/pause-until').length, { timeout: 10_000 }).toBe(1);
    expect(callsTo('/pause-until')[0]?.headers['meridian-scheduled-time']).toBe(at(2));
    await expect
      .poll(async () => (await executions(task.id)).map((e) => `${e.scheduled_for} ${e.state}`))
      .toEqual([`${at(3)} pending`, `${at(2)} succeeded`, `${at(1)} missed`, `${at(0)} missed`]);
    const resumed = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(resumed.body).toMatchObject({ state: 'active', paused_until: null, next_run_at: at(3) });
    const inbox = await api('GET', '/v1/notifications?limit=100', { token: user.token });
    expect(
      inbox.body.items.filter(
        (n: { event: string; data: { task_id: string } }) =>
          n.event === 'scheduler.missed' && n.data.task_id === task.id,
      ),
    ).toHaveLength(1);
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
  });

  it('forgets the date on resume or on a pause without one, and refuses a past date', async () => {
    const task = await createTask({
      name: 'pause and change mind',
      schedule: { frequency: 'daily', start: inSeconds(86_400) },
    });
    const first = inSeconds(60);
    const pause = (body?: unknown) =>
      api('POST', `/v1/tasks/${task.id}/pause`, { token: user.token, body });
    expect((await pause({ until: first })).body.paused_until).toBe(first);
    // Resumed by hand, then paused with no end: the first date's job does nothing.
    expect(
      (await api('POST', `/v1/tasks/${task.id}/resume`, { token: user.token })).body,
    ).toMatchObject({ state: 'active', paused_until: null });
    expect((await pause()).body).toMatchObject({ state: 'paused', paused_until: null });
    const second = inSeconds(120);
    expect((await pause({ until: second })).body.paused_until).toBe(second);
    expect((await pause({})).body).toMatchObject({ state: 'paused', paused_until: null });
    clock.travelTo(new Date(second));
    await expect.poll(() => resumeJobState(task.id, first), { timeout: 10_000 }).toBe('completed');
    await expect.poll(() => resumeJobState(task.id, second), { timeout: 10_000 }).toBe('completed');
    const still = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(still.body).toMatchObject({ state: 'paused', paused_until: null });

    const past = expectProblem(await pause({ until: inSeconds(-1) }), 'unprocessable');
    expect(past.errors).toEqual([{ field: 'body/until', message: 'must be in the future' }]);
    expectProblem(await pause({ until: 'tomorrow' }), 'validation-failed');
    expectProblem(await pause({ until: first, for: 'ever' }), 'validation-failed');
  });
});

describe('rotating the signing secret', () => {
  it('signs with both secrets during the overlap, then with the new one only', async () => {
    const task = await createTask({
      name: 'rotate',
      schedule: { frequency: 'daily', start: inSeconds(86_400) },
      action: { type: 'webhook', url: `${targetUrl}/rotate`, body: { n: 1 } },
    });
    const runNow = async () => {
      const before = callsTo('/rotate').length;
      const run = await api('POST', `/v1/tasks/${task.id}/run-now`, { token: user.token });
      expect(run.status).toBe(202);
      await expect.poll(() => callsTo('/rotate').length, { timeout: 10_000 }).toBe(before + 1);
      const call = callsTo('/rotate')[before] as Call;
      return { call, signatures: String(call.headers['webhook-signature']).split(' ') };
    };
    const verifies = (secret: string, call: Call) => {
      try {
        new Webhook(secret).verify(call.body, call.headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    };

    const rotated = await api('POST', `/v1/tasks/${task.id}/rotate-secret`, {
      token: user.token,
      body: { overlap_minutes: 60 },
    });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const { signing_secret: secret, previous_secret_expires_at: expires } = rotated.body;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(task.signing_secret);
    expect(rotated.body.version).toBe(task.version + 1);
    const shown = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(shown.body.previous_secret_expires_at).toBe(expires);
    expect(JSON.stringify(shown.body)).not.toContain('whsec_');

    const during = await runNow();
    expect(during.signatures).toHaveLength(2);
    expect(verifies(secret, during.call)).toBe(true);
    expect(verifies(task.signing_secret, during.call)).toBe(true);

    clock.travelTo(new Date(Date.parse(expires) + 1_000));
    const after = await runNow();
    expect(after.signatures).toHaveLength(1);
    expect(verifies(secret, after.call)).toBe(true);
    expect(verifies(task.signing_secret, after.call)).toBe(false);

    // Without a body: 24 hours of overlap; the previous is the secret just replaced.
    const again = await api('POST', `/v1/tasks/${task.id}/rotate-secret`, { token: user.token });
    expect(again.status).toBe(200);
    expect(
      Date.parse(again.body.previous_secret_expires_at) - clock.now().getTime(),
    ).toBeGreaterThan(86_400_000 - 60_000);
    const third = await runNow();
    expect(verifies(again.body.signing_secret, third.call)).toBe(true);
    expect(verifies(secret, third.call)).toBe(true);
    expect(verifies(task.signing_secret, third.call)).toBe(false);

    for (const overlap_minutes of [-1, 10_081, 1.5]) {
      expectProblem(
        await api('POST', `/v1/tasks/${task.id}/rotate-secret`, {
          token: user.token,
          body: { overlap_minutes },
        }),
        'validation-failed',
      );
    }
    const other = await signUp(api);
    expectProblem(
      await api('POST', `/v1/tasks/${task.id}/rotate-secret`, { token: other.token }),
      'not-found',
    );
  });
});

/** When the job that runs `executionId` is due. */
async function runAt(executionId: string) {
  const { rows } = await sql<{ run_at: Date }>`
    SELECT run_at FROM jobs WHERE unique_key = ${`scheduler.run:${executionId}`}`.execute(
    server.database.db,
  );
  return rows[0]?.run_at.getTime();
}

describe('a flexible time window', () => {
  it('runs each occurrence within the window after its due time, late only after its end', async () => {
    const minute = 60_000;
    const start = new Date(clock.now().getTime() + 60 * minute);
    start.setMilliseconds(0);
    const due = (hours: number) => new Date(start.getTime() + hours * 60 * minute);
    const task = await createTask({
      name: 'flexible',
      schedule: { frequency: 'interval', interval: 'PT1H', start: start.toISOString() },
      action: { type: 'webhook', url: `${targetUrl}/flexible` },
      flexible_window_minutes: 30,
      tolerance_ms: minute,
      catch_up: 'all',
      notify: { late: ['in_app'] },
    });
    expect(task.flexible_window_minutes).toBe(30);
    const [first] = await executions(task.id);
    const firstRun = (await runAt(first?.id as string)) as number;
    expect(firstRun).toBeGreaterThanOrEqual(due(0).getTime());
    expect(firstRun).toBeLessThan(due(0).getTime() + 30 * minute);

    // At the window's end, it has run (within the tolerance of it: not late).
    clock.travelTo(new Date(due(0).getTime() + 30 * minute));
    await expect.poll(() => callsTo('/flexible').length, { timeout: 10_000 }).toBe(1);
    expect(callsTo('/flexible')[0]?.headers['meridian-scheduled-time']).toBe(due(0).toISOString());
    await expect
      .poll(async () => (await executions(task.id)).map((e) => `${e.scheduled_for} ${e.state}`))
      .toEqual([`${due(1).toISOString()} pending`, `${due(0).toISOString()} succeeded`]);
    const [second] = await executions(task.id);
    const secondRun = (await runAt(second?.id as string)) as number;
    expect(secondRun).toBeGreaterThanOrEqual(due(1).getTime());
    expect(secondRun).toBeLessThan(due(1).getTime() + 30 * minute);

    // Five minutes after the second's window: late, by five minutes, not thirty-five.
    clock.travelTo(new Date(due(1).getTime() + 35 * minute));
    await expect.poll(() => callsTo('/flexible').length, { timeout: 10_000 }).toBe(2);
    const late = async () => {
      const inbox = await api('GET', '/v1/notifications?limit=100', { token: user.token });
      return inbox.body.items.filter(
        (n: { event: string; data: { task_id: string } }) =>
          n.event === 'scheduler.late' && n.data.task_id === task.id,
      );
    };
    await expect.poll(async () => (await late()).length).toBe(1);
    const [told] = await late();
    expect(told.data.scheduled_for).toBe(due(1).toISOString());
    expect(told.body).toMatch(/started 3\d\d\.\d s after the end of its flexible window/);

    expectProblem(
      await api('PATCH', `/v1/tasks/${task.id}`, {
        token: user.token,
        body: { flexible_window_minutes: 1_441 },
      }),
      'validation-failed',
    );
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
  });
});

/** Holds the answers to calls to `path` until the returned function is called. */
function holdAnswers(path: string): () => void {
  const { promise, resolve } = Promise.withResolvers<void>();
  held.set(path, promise);
  return () => {
    held.delete(path);
    resolve();
  };
}

describe('the overlap policy', () => {
  const hour = 3_600_000;

  async function overlapTask(name: string, overlap: string) {
    const start = new Date(clock.now().getTime() + hour);
    start.setMilliseconds(0);
    const task = await createTask({
      name,
      schedule: { frequency: 'interval', interval: 'PT1H', start: start.toISOString() },
      // A call outlives the next due time; the tolerance keeps the catch-up policy out of it.
      action: { type: 'webhook', url: `${targetUrl}/${name}`, timeout_ms: 60_000 },
      tolerance_ms: hour,
      overlap,
    });
    const due = (hours: number) => new Date(start.getTime() + hours * hour);
    const history = async () =>
      (await executions(task.id)).map(
        (e) => `${(Date.parse(e.scheduled_for) - start.getTime()) / hour} ${e.state}`,
      );
    return { task, due, history };
  }

  it('skips an occurrence due while the previous execution still runs', async () => {
    const { task, due, history } = await overlapTask('overlap-skip', 'skip');
    expect(task.overlap).toBe('skip');
    const release = holdAnswers('/overlap-skip');
    clock.travelTo(due(0));
    await expect.poll(() => callsTo('/overlap-skip').length, { timeout: 10_000 }).toBe(1);
    clock.travelTo(due(1));
    await expect
      .poll(history, { timeout: 10_000 })
      .toEqual(['2 pending', '1 skipped', '0 running']);
    release();
    await expect
      .poll(history, { timeout: 10_000 })
      .toEqual(['2 pending', '1 skipped', '0 succeeded']);
    expect(callsTo('/overlap-skip')).toHaveLength(1);
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
  });

  it('buffers one occurrence, runs it when the previous ends, and skips any more', async () => {
    const { task, due, history } = await overlapTask('overlap-buffer', 'buffer_one');
    const release = holdAnswers('/overlap-buffer');
    clock.travelTo(due(0));
    await expect.poll(() => callsTo('/overlap-buffer').length, { timeout: 10_000 }).toBe(1);
    clock.travelTo(due(1));
    await expect
      .poll(history, { timeout: 10_000 })
      .toEqual(['2 pending', '1 pending', '0 running']);
    const buffered = (await executions(task.id))[1] as { id: string; buffered?: boolean };
    expect(buffered.buffered).toBe(true);
    clock.travelTo(due(2));
    await expect
      .poll(history, { timeout: 10_000 })
      .toEqual(['3 pending', '2 skipped', '1 pending', '0 running']);
    release();
    await expect
      .poll(history, { timeout: 10_000 })
      .toEqual(['3 pending', '2 skipped', '1 succeeded', '0 succeeded']);
    expect(
      callsTo('/overlap-buffer').map((call) => call.headers['meridian-scheduled-time']),
    ).toEqual([due(0).toISOString(), due(1).toISOString()]);
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
    expectProblem(
      await api('POST', '/v1/tasks', {
        token: user.token,
        body: {
          name: 'bad overlap',
          schedule: { frequency: 'daily', start: inSeconds(60) },
          overlap: 'queue_all',
        },
      }),
      'validation-failed',
    );
  });
});

describe('a backfill', () => {
  it('runs the occurrences of a past range that have no execution, once', async () => {
    const minute = 60_000;
    const start = new Date(Math.floor(clock.now().getTime() / minute) * minute - 10 * minute);
    const at = (minutes: number) => new Date(start.getTime() + minutes * minute).toISOString();
    const task = await createTask({
      name: 'backfill',
      schedule: { frequency: 'interval', interval: 'PT1M', start: start.toISOString() },
      action: { type: 'webhook', url: `${targetUrl}/backfill` },
    });
    const backfill = (body: unknown, token = user.token) =>
      api('POST', `/v1/tasks/${task.id}/backfill`, { token, body });

    const first = await backfill({ start: at(0), end: at(5) });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toEqual({ backfilled: 5, existing: 0 });
    // Overlapping the first: only the five not run yet.
    expect((await backfill({ start: at(3), end: at(10) })).body).toEqual({
      backfilled: 5,
      existing: 2,
    });
    await expect.poll(() => callsTo('/backfill').length, { timeout: 15_000 }).toBe(10);
    const dueTimes = callsTo('/backfill').map((call) => call.headers['meridian-scheduled-time']);
    expect(new Set(dueTimes)).toEqual(new Set(Array.from({ length: 10 }, (_, k) => at(k))));
    await expect
      .poll(async () => (await executions(task.id)).filter((e) => e.state === 'succeeded').length, {
        timeout: 10_000,
      })
      .toBe(10);
    // The schedule itself goes on from now.
    const after = await api('GET', `/v1/tasks/${task.id}`, { token: user.token });
    expect(after.body.next_run_at).toBe(task.next_run_at);
    expect((await backfill({ start: at(0), end: at(10) })).body).toEqual({
      backfilled: 0,
      existing: 10,
    });
    expect(callsTo('/backfill')).toHaveLength(10);

    const refused = async (body: unknown, message: string) => {
      const problem = expectProblem(await backfill(body), 'unprocessable');
      expect(problem.errors).toEqual([{ field: 'body/end', message }]);
    };
    await refused({ start: at(5), end: at(5) }, 'must be after start');
    await refused({ start: at(0), end: inSeconds(60) }, 'must not be in the future');
    const busy = await createTask({
      name: 'backfill every second',
      schedule: { frequency: 'interval', interval: 'PT1S', start: at(-60) },
    });
    const tooMany = await api('POST', `/v1/tasks/${busy.id}/backfill`, {
      token: user.token,
      body: { start: at(-60), end: new Date(Date.parse(at(-60)) + 1_001_000).toISOString() },
    });
    expect(expectProblem(tooMany, 'unprocessable').errors).toEqual([
      { field: 'body/end', message: 'the range holds more than 1000 occurrences' },
    ]);
    await api('DELETE', `/v1/tasks/${busy.id}`, { token: user.token });
    expectProblem(await backfill({ start: 'yesterday', end: at(1) }), 'validation-failed');
    expectProblem(await backfill({ start: at(0) }), 'validation-failed');
    const other = await signUp(api);
    expectProblem(await backfill({ start: at(0), end: at(1) }, other.token), 'not-found');
    await api('DELETE', `/v1/tasks/${task.id}`, { token: user.token });
  });
});
