import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestDatabase, signUp } from './helpers.ts';
import { killLeftovers, type MeridianProcess, startMeridian } from './processes.ts';

// The scheduler across a crash: real `meridian serve` processes on one database, the first
// killed with SIGKILL while it calls a task's webhook, the second taking over.

const calls: { path: string; headers: IncomingHttpHeaders }[] = [];
/** The first call to /slow is never answered: its caller dies waiting. */
const unanswered: ServerResponse[] = [];
let targetUrl: string;

beforeAll(async () => {
  const receiver = createServer((request, response) => {
    const path = request.url ?? '/';
    calls.push({ path, headers: request.headers });
    request.resume();
    if (path === '/slow' && unanswered.length === 0) unanswered.push(response);
    else response.end('ok');
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  afterAll(() => {
    for (const response of unanswered) response.destroy();
    receiver.close();
  });
});

afterEach(killLeftovers);

async function stop(meridian: MeridianProcess): Promise<void> {
  meridian.child.kill('SIGTERM');
  await meridian.exited;
}

describe('a worker killed during a webhook call', () => {
  it('leaves the occurrence to another process, which completes it once, and catches up', async () => {
    const env = {
      DATABASE_URL: await createTestDatabase(),
      OUTBOUND_ALLOW_PRIVATE: 'true',
      JOB_LEASE_SECONDS: '2',
    };
    const first = await startMeridian(env);
    const api = apiClient(first.url);
    const user = await signUp(api);
    const create = (body: Record<string, unknown>) =>
      api('POST', '/v1/tasks', { token: user.token, body });
    const slow = await create({
      name: 'slow',
      schedule: { frequency: 'once', start: new Date(Date.now() + 500).toISOString() },
      action: { type: 'webhook', url: `${targetUrl}/slow` },
    });
    expect(slow.status).toBe(201);
    const ticking = await create({
      name: 'ticking',
      schedule: {
        frequency: 'interval',
        interval: 'PT1S',
        start: new Date(Date.now() + 1_000).toISOString(),
      },
      action: { type: 'webhook', url: `${targetUrl}/tick` },
      tolerance_ms: 500,
      catch_up: 'skip',
      notify: { missed: ['in_app'] },
    });
    expect(ticking.status).toBe(201);

    await expect.poll(() => unanswered.length, { timeout: 10_000 }).toBe(1);
    first.child.kill('SIGKILL');
    await first.exited;
    // Down for a few occurrences of the ticking task.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const second = await startMeridian(env);
    const api2 = apiClient(second.url);
    const history = async (taskId: string) =>
      (await api2('GET', `/v1/tasks/${taskId}/executions?limit=100`, { token: user.token })).body
        .items as { state: string; attempts: number }[];

    await expect
      .poll(async () => (await history(slow.body.id)).map((e) => e.state), { timeout: 15_000 })
      .toEqual(['succeeded']);
    const [done] = await history(slow.body.id);
    expect(done?.attempts).toBe(2);
    const slowCalls = calls.filter((call) => call.path === '/slow');
    expect(slowCalls).toHaveLength(2);
    expect(slowCalls[1]?.headers['idempotency-key']).toBe(slowCalls[0]?.headers['idempotency-key']);

    // The occurrences due while no process ran are missed (skip), told once, and the task goes on.
    await expect
      .poll(
        async () => (await history(ticking.body.id)).filter((e) => e.state === 'missed').length,
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThanOrEqual(2);
    await expect
      .poll(
        async () => (await history(ticking.body.id)).filter((e) => e.state === 'succeeded').length,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(1);
    const inbox = await api2('GET', '/v1/notifications?limit=100', { token: user.token });
    const missed = inbox.body.items.filter(
      (n: { event: string }) => n.event === 'scheduler.missed',
    );
    expect(missed.length).toBeGreaterThanOrEqual(1);
    await stop(second);
  }, 60_000);
});
