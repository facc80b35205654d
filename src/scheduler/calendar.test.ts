import { beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiClient, signUp, startTestServer } from '../../test/helpers.ts';
import { startReceiver, tasksOf } from '../../test/scheduler-harness.ts';
import { createTravelClock } from '../platform/clock.ts';
import { schedulerModule } from './module.ts';

// Calendar schedules end to end, months and years apart, without waiting: Meridian runs on a
// travel clock that the test moves from one due time to the next (forward only, so the cases
// run in date order). A real local receiver takes the webhook calls.

const clock = createTravelClock(new Date('2031-01-30T00:00:00Z'));
/** Arrival, by the clock, of each call per path. */
const arrivals = new Map<string, Date[]>();
let targetUrl: string;
let api: Api;
let token: string;

beforeAll(async () => {
  targetUrl = await startReceiver(({ path }, response) => {
    arrivals.set(path, [...(arrivals.get(path) ?? []), clock.now()]);
    response.end('ok');
  });
  const { url } = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true' },
    systems: [schedulerModule],
    clock,
  });
  api = apiClient(url);
  token = (await signUp(api)).token;
});

const tasks = tasksOf(() => ({ api, token }));

/** A task calling `/<name>` on the local receiver. */
async function createTask(name: string, schedule: Record<string, unknown>) {
  const task = await tasks.createTask({
    name,
    schedule,
    action: { type: 'webhook', url: `${targetUrl}/${name}` },
  });
  return task as { id: string; next_run_at: string };
}

/** Travels to `at` and waits for the call it makes due; returns the task as it is then. */
async function travelAndRun(taskId: string, name: string, at: string) {
  const before = arrivals.get(`/${name}`)?.length ?? 0;
  clock.travelTo(new Date(at));
  await expect
    .poll(() => arrivals.get(`/${name}`)?.length ?? 0, { timeout: 10_000 })
    .toBe(before + 1);
  // The next occurrence is scheduled as this one starts; wait for this one's record.
  let task: { next_run_at: string; state: string } | undefined;
  await expect
    .poll(async () => {
      const executions = await tasks.executions(taskId);
      task = (await api('GET', `/v1/tasks/${taskId}`, { token })).body;
      return executions.find((execution) => execution.scheduled_for === at)?.state;
    })
    .toBe('succeeded');
  return task as { next_run_at: string; state: string };
}

async function history(taskId: string) {
  return (await tasks.executions(taskId))
    .map(({ scheduled_for, state }) => `${scheduled_for} ${state}`)
    .reverse();
}

describe('a monthly task from January 31 (Europe/Paris, 09:00)', () => {
  let task: { id: string; next_run_at: string };

  it('runs on Jan 31, Feb 28 (no Feb 31), then Mar 31 after the change to summer time', async () => {
    task = await createTask('month-end', {
      frequency: 'monthly',
      start: '2031-01-31T08:00:00Z', // 09:00 in Paris
      timezone: 'Europe/Paris',
    });
    expect(task.next_run_at).toBe('2031-01-31T08:00:00.000Z');

    let now = await travelAndRun(task.id, 'month-end', '2031-01-31T08:00:00.000Z');
    expect(now.next_run_at).toBe('2031-02-28T08:00:00.000Z');
    now = await travelAndRun(task.id, 'month-end', '2031-02-28T08:00:00.000Z');
    // Summer time starts on March 30: 09:00 in Paris is 07:00 UTC.
    expect(now.next_run_at).toBe('2031-03-31T07:00:00.000Z');
    now = await travelAndRun(task.id, 'month-end', '2031-03-31T07:00:00.000Z');
    expect(now.next_run_at).toBe('2031-04-30T07:00:00.000Z');

    // Each call arrived at its due time by the clock: not before, and within seconds.
    const due = ['2031-01-31T08:00:00Z', '2031-02-28T08:00:00Z', '2031-03-31T07:00:00Z'];
    const waited = (arrivals.get('/month-end') ?? []).map(
      (arrival, index) => arrival.getTime() - Date.parse(due[index] as string),
    );
    expect(waited).toHaveLength(3);
    for (const ms of waited) expect(ms).toBeGreaterThanOrEqual(0);
    for (const ms of waited) expect(ms).toBeLessThan(5_000);
  });

  it('after three months away, catches up on the latest occurrence and reports the rest missed', async () => {
    const before = arrivals.get('/month-end')?.length ?? 0;
    clock.travelTo(new Date('2031-07-31T07:00:30Z'));
    await expect
      .poll(() => arrivals.get('/month-end')?.length ?? 0, { timeout: 10_000 })
      .toBe(before + 1);
    await expect
      .poll(() => history(task.id), { timeout: 5_000 })
      .toEqual([
        '2031-01-31T08:00:00.000Z succeeded',
        '2031-02-28T08:00:00.000Z succeeded',
        '2031-03-31T07:00:00.000Z succeeded',
        '2031-04-30T07:00:00.000Z missed',
        '2031-05-31T07:00:00.000Z missed',
        '2031-06-30T07:00:00.000Z missed',
        '2031-07-31T07:00:00.000Z succeeded',
        '2031-08-31T07:00:00.000Z pending',
      ]);
    const inbox = await api('GET', '/v1/notifications?limit=100', { token });
    const missed = inbox.body.items.filter(
      (n: { event: string; data: { task_id: string } }) =>
        n.event === 'scheduler.missed' && n.data.task_id === task.id,
    );
    expect(missed).toHaveLength(1);
    expect(missed[0].body).toMatch(/3 occurrences missed/);
  });
});

describe('a yearly task from February 29', () => {
  it('runs on Feb 29 2032, then Feb 28 in the years without one, and Feb 29 2036 again', async () => {
    const task = await createTask('leap-day', {
      frequency: 'yearly',
      start: '2032-02-29T12:00:00Z',
    });
    expect(task.next_run_at).toBe('2032-02-29T12:00:00.000Z');
    let now = await travelAndRun(task.id, 'leap-day', '2032-02-29T12:00:00.000Z');
    expect(now.next_run_at).toBe('2033-02-28T12:00:00.000Z');
    for (const year of [2033, 2034, 2035]) {
      now = await travelAndRun(task.id, 'leap-day', `${year}-02-28T12:00:00.000Z`);
    }
    expect(now.next_run_at).toBe('2036-02-29T12:00:00.000Z');
  });
});
