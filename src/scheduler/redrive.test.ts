import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiClient,
  signUp,
  signUpOperator,
  startTestServer,
  type TestServer,
} from '../../test/helpers.ts';
import { type Execution, startReceiver, tasksOf } from '../../test/scheduler-harness.ts';
import { schedulerModule } from './module.ts';

// Redrive end to end: the task's history, the dead-letter queue (`/v1/admin/jobs`) and the
// `meridian_jobs` gauge tell one story, and a redriven execution counts its attempts afresh.

/** Path → the status the receiver answers (200 when unset); and how many calls each path had. */
const statusFor = new Map<string, number>();
const callCount = new Map<string, number>();
let targetUrl: string;
let server: TestServer;
let api: Api;
let user: Awaited<ReturnType<typeof signUp>>;
let operator: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  targetUrl = await startReceiver(({ path }, response) => {
    callCount.set(path, (callCount.get(path) ?? 0) + 1);
    response.statusCode = statusFor.get(path) ?? 200;
    response.end('ok');
  });
  server = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true' },
    systems: [schedulerModule],
  });
  api = apiClient(server.url);
  user = await signUp(api);
  operator = await signUpOperator(api, server);
});

const { createTask, executions } = tasksOf(() => ({ api, token: user.token }));

/** A once task due now calling `path`, which answers 500, with three quick attempts. */
async function deadTask(path: string): Promise<{ taskId: string; execution: Execution }> {
  statusFor.set(path, 500);
  const created = await createTask({
    name: path,
    schedule: { frequency: 'once', start: new Date().toISOString() },
    action: { type: 'webhook', url: `${targetUrl}${path}` },
    retry: { max_attempts: 3, initial_delay_ms: 20, factor: 1 },
    notify: { dead: ['in_app'], failed: ['in_app'] },
  });
  const taskId = created.id;
  await expect
    .poll(async () => (await executions(taskId))[0]?.state, { timeout: 15_000 })
    .toBe('dead');
  const [execution] = await executions(taskId);
  return { taskId, execution: execution as Execution };
}

/** The job that runs an execution (not in the API: the scheduler's own column). */
async function jobOf(executionId: string): Promise<number> {
  const row = await server.database.db
    .selectFrom('scheduler_executions' as never)
    .select('job_id' as never)
    .where('id' as never, '=', executionId as never)
    .executeTakeFirstOrThrow();
  return Number((row as { job_id: number }).job_id);
}

async function deadJobIds(): Promise<number[]> {
  const response = await api('GET', '/v1/admin/jobs?state=dead&kind=scheduler.run&limit=100', {
    token: operator.token,
  });
  expect(response.status).toBe(200);
  return response.body.items.map((job: { id: number }) => job.id);
}

/** `meridian_jobs{state="dead"}` as scraped, summed over queues. */
async function deadGauge(): Promise<number> {
  const metrics = await api('GET', '/metrics');
  return (metrics.body as string)
    .split('\n')
    .filter((line) => line.startsWith('meridian_jobs{') && line.includes('state="dead"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function notificationsOf(taskId: string, event: string): Promise<string[]> {
  const inbox = await api('GET', '/v1/notifications?limit=100', { token: user.token });
  return inbox.body.items
    .filter(
      (n: { event: string; data: { task_id?: string } }) =>
        n.event === event && n.data.task_id === taskId,
    )
    .map((n: { body: string }) => n.body);
}

describe('redriving a task’s dead execution', () => {
  it('brings its dead job back: neither the dead-letter list nor the gauge keeps it', async () => {
    const { taskId, execution } = await deadTask('/redrive-heals');
    const jobId = await jobOf(execution.id);
    expect(await deadJobIds()).toContain(jobId);
    const deadBefore = await deadGauge();
    expect(deadBefore).toBeGreaterThanOrEqual(1);

    statusFor.set('/redrive-heals', 204);
    const redrive = await api('POST', `/v1/tasks/${taskId}/executions/redrive`, {
      token: user.token,
    });
    expect(redrive.body).toEqual({ redriven: 1 });
    await expect
      .poll(async () => (await executions(taskId))[0]?.state, { timeout: 15_000 })
      .toBe('succeeded');

    // The same job ran it again and completed: nothing of this execution is dead any more.
    expect(await jobOf(execution.id)).toBe(jobId);
    const job = await api('GET', `/v1/admin/jobs/${jobId}`, { token: operator.token });
    expect(job.body.state).toBe('completed');
    expect(await deadJobIds()).not.toContain(jobId);
    expect(await deadGauge()).toBe(deadBefore - 1);
  });

  it('counts the attempts after a redrive from 1: "attempt 3 of 3" when it dies again', async () => {
    const { taskId, execution } = await deadTask('/redrive-fails-again');
    const jobId = await jobOf(execution.id);
    expect(execution.attempts).toBe(3);
    const [firstDeath] = await notificationsOf(taskId, 'scheduler.dead');
    expect(firstDeath).toContain('attempt 3 of 3 failed');
    expect(firstDeath).not.toContain('in all');

    const redrive = await api('POST', `/v1/tasks/${taskId}/executions/${execution.id}/redrive`, {
      token: user.token,
    });
    expect(redrive.body).toEqual({ redriven: 1 });
    await expect
      .poll(async () => (await notificationsOf(taskId, 'scheduler.dead')).length, {
        timeout: 15_000,
      })
      .toBe(2);
    const again = (await notificationsOf(taskId, 'scheduler.dead')).find((body) =>
      body.includes('in all'),
    );
    expect(again).toContain('attempt 3 of 3 failed: the target answered 500; no attempts left');
    expect(again).toContain('(6 attempts in all since it was due)');
    const failed = await notificationsOf(taskId, 'scheduler.failed');
    expect(failed.filter((body) => body.includes('attempt 1 of 3 failed'))).toHaveLength(2);
    expect(failed.some((body) => /attempt [4-6]/.test(body))).toBe(false);
    expect((await executions(taskId))[0]).toMatchObject({ state: 'dead', attempts: 6 });
    // One dead job for the execution, the same one as before.
    expect(await jobOf(execution.id)).toBe(jobId);
    expect((await deadJobIds()).filter((id) => id === jobId)).toHaveLength(1);
  });

  it('runs the execution again when its dead job is redriven from the dead-letter queue', async () => {
    const { taskId, execution } = await deadTask('/admin-redrive');
    const jobId = await jobOf(execution.id);
    statusFor.set('/admin-redrive', 204);
    const redrive = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator.token,
      body: { ids: [jobId] },
    });
    expect(redrive.body).toEqual({ redriven: [jobId] });
    await expect
      .poll(async () => (await executions(taskId))[0], { timeout: 15_000 })
      .toMatchObject({ state: 'succeeded', attempts: 4 });
    expect(callCount.get('/admin-redrive')).toBe(4);
    expect(await deadJobIds()).not.toContain(jobId);
  });
});

describe('migration 002', () => {
  it('cancels the dead run jobs that an earlier redrive replaced, and only those', async () => {
    const { execution } = await deadTask('/left-behind');
    const jobId = await jobOf(execution.id);
    const { db } = server.database;
    // What a redrive used to leave: the execution's old job dead, a newer one in its place.
    const { rows } = await sql<{ id: number }>`
      INSERT INTO jobs (kind, payload, state, unique_key, finished_at)
      VALUES ('scheduler.run', ${JSON.stringify({ executionId: execution.id })}::jsonb, 'dead',
              ${`scheduler.run:${execution.id}`}, now())
      RETURNING id`.execute(db);
    const leftBehind = Number(rows[0]?.id);
    expect(await deadJobIds()).toEqual(expect.arrayContaining([jobId, leftBehind]));

    const migration = await readFile(
      new URL('./migrations/002_superseded_dead_runs.sql', import.meta.url),
      'utf8',
    );
    await sql.raw(migration).execute(db);
    const dead = await deadJobIds();
    expect(dead).toContain(jobId);
    expect(dead).not.toContain(leftBehind);
    const job = await api('GET', `/v1/admin/jobs/${leftBehind}`, { token: operator.token });
    expect(job.body.state).toBe('cancelled');
  });
});
