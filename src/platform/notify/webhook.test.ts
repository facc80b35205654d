import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  waitForJobState,
} from '../../../test/helpers.ts';
import { transaction } from '../db/database.ts';
import type { JobState } from '../jobs/spec.ts';
import { maxEndpointsPerUser } from './channels/webhook.ts';

// Webhooks to a local receiver that verifies each delivery with the Standard Webhooks reference
// implementation and the secret shown once at registration. A receiver that fails gets the same
// webhook-id again (receivers deduplicate on it); one that always fails leaves a dead job.

interface Delivered {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const delivered: Delivered[] = [];
/** Statuses the receiver answers in turn, by path; 204 once they run out. */
const answers = new Map<string, number[]>();
let receiver: Server;
let receiverUrl: string;
let server: TestServer;
let api: Api;
let operator: string;

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    delivered.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString() });
    response.writeHead(answers.get(path)?.shift() ?? 204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startTestServer({
    env: { OUTBOUND_ALLOW_PRIVATE: 'true', NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_BASE_MS: '20' },
  });
  api = apiClient(server.url);
  operator = (await signUpOperator(api, server)).token;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

async function webhookUser(name: string) {
  const user = await signUp(api, name);
  await api('PUT', '/v1/notifications/preferences', {
    token: user.token,
    body: { default_channels: ['webhook'], events: {} },
  });
  return user;
}

async function register(token: string, path: string) {
  const response = await api('POST', '/v1/webhooks', {
    token,
    body: { url: `${receiverUrl}${path}`, description: `receiver ${path}` },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function notify(userId: string, title: string, data: unknown = {}): Promise<number[]> {
  const { jobIds } = await transaction(server.database.db, (tx) =>
    server.server.core.notify.send(tx, { userId, event: 'test.hook', title, body: 'b', data }),
  );
  return jobIds;
}

const waitForJob = (id: number, state: JobState) =>
  waitForJobState(server.server.core.jobs, id, state, 15_000);

describe('delivery', () => {
  it('posts a body the receiver verifies with the secret it was given', async () => {
    const user = await webhookUser('hooked');
    const endpoint = await register(user.token, '/hooks/ok');
    expect(endpoint.secret).toMatch(/^whsec_/);
    const [jobId] = await notify(user.id, 'Order shipped', { order: 7 });
    await waitForJob(jobId!, 'completed');

    const request = delivered.find((entry) => entry.path === '/hooks/ok')!;
    expect(request.headers['content-type']).toBe('application/json');
    const verified = new Webhook(endpoint.secret).verify(
      request.body,
      request.headers as Record<string, string>,
    );
    expect(verified).toMatchObject({
      type: 'test.hook',
      timestamp: expect.any(String),
      data: { user_id: user.id, title: 'Order shipped', body: 'b', data: { order: 7 } },
    });
    expect((verified as any).data.id).toBe(request.headers['webhook-id']);
    const forged = JSON.stringify({ ...(verified as object), type: 'test.forged' });
    expect(() =>
      new Webhook(endpoint.secret).verify(forged, request.headers as Record<string, string>),
    ).toThrow();
  });

  it('retries a failing receiver with the same webhook-id, freshly signed', async () => {
    const user = await webhookUser('flaky');
    const endpoint = await register(user.token, '/hooks/flaky');
    answers.set('/hooks/flaky', [503]);
    const [jobId] = await notify(user.id, 'Second time lucky');
    const job = await waitForJob(jobId!, 'completed');
    expect(job.attempt).toBe(2);
    const requests = delivered.filter((entry) => entry.path === '/hooks/flaky');
    expect(requests.length).toBe(2);
    expect(requests[1]!.headers['webhook-id']).toBe(requests[0]!.headers['webhook-id']);
    for (const request of requests) {
      expect(() =>
        new Webhook(endpoint.secret).verify(
          request.body,
          request.headers as Record<string, string>,
        ),
      ).not.toThrow();
    }
  });

  it('keeps a delivery that keeps failing dead and visible', async () => {
    const user = await webhookUser('doomed');
    await register(user.token, '/hooks/down');
    answers.set('/hooks/down', [500, 500, 500]);
    const [jobId] = await notify(user.id, 'Nobody home');
    const job = await waitForJob(jobId!, 'dead');
    expect(job.errors.map((error) => error.error)).toEqual(
      Array(3).fill('webhook endpoint answered 500: '),
    );
    const dead = await api('GET', '/v1/admin/jobs?state=dead&kind=notify.webhook', {
      token: operator,
    });
    expect(dead.body.items.map((item: any) => item.id)).toContain(jobId);
  });

  it('sends one job per endpoint, and none to a deleted one', async () => {
    const user = await webhookUser('fanout');
    const a = await register(user.token, '/hooks/a');
    await register(user.token, '/hooks/b');
    expect((await notify(user.id, 'Both')).length).toBe(2);
    await api('DELETE', `/v1/webhooks/${a.id}`, { token: user.token });
    expect((await notify(user.id, 'One')).length).toBe(1);
  });
});

describe('endpoints', () => {
  it('lists without secrets, deletes, and hides other users’ endpoints (404)', async () => {
    const user = await signUp(api, 'owner');
    const other = await signUp(api, 'stranger');
    const mine = await register(user.token, '/hooks/mine');
    const theirs = await register(other.token, '/hooks/theirs');
    const list = await api('GET', '/v1/webhooks', { token: user.token });
    expect(list.body).toEqual({
      items: [
        {
          id: mine.id,
          url: mine.url,
          description: 'receiver /hooks/mine',
          created_at: mine.created_at,
        },
      ],
      next_cursor: null,
    });
    expectProblem(
      await api('DELETE', `/v1/webhooks/${theirs.id}`, { token: user.token }),
      'not-found',
    );
    expect((await api('DELETE', `/v1/webhooks/${mine.id}`, { token: user.token })).status).toBe(
      204,
    );
    expectProblem(
      await api('DELETE', `/v1/webhooks/${mine.id}`, { token: user.token }),
      'not-found',
    );
    expectProblem(
      await api('DELETE', '/v1/webhooks/nope', { token: user.token }),
      'validation-failed',
    );
  });

  it('refuses bad URLs with a clear 4xx', async () => {
    const user = await signUp(api, 'careless');
    const post = (body: unknown) => api('POST', '/v1/webhooks', { token: user.token, body });
    expectProblem(await post({ url: 'not a url' }), 'target-refused');
    expectProblem(await post({ url: 'javascript:alert(1)' }), 'target-refused');
    expectProblem(await post({ url: 'https://user:pw@example.com/' }), 'target-refused');
    expectProblem(await post({ url: '' }), 'validation-failed');
    expectProblem(await post({ url: `${receiverUrl}/x`, secret: 'mine' }), 'validation-failed');
    expectProblem(await post({}), 'validation-failed');
    expect((await api('GET', '/v1/webhooks', { token: user.token })).body.items).toEqual([]);
  });

  it('caps the endpoints of one user, since every notification goes to each', async () => {
    const user = await signUp(api, 'collector');
    for (let i = 0; i < maxEndpointsPerUser; i++) await register(user.token, `/hooks/many/${i}`);
    const over = await api('POST', '/v1/webhooks', {
      token: user.token,
      body: { url: `${receiverUrl}/hooks/one-too-many` },
    });
    expect(expectProblem(over, 'unprocessable').detail).toContain(String(maxEndpointsPerUser));
  });

  it('refuses private and loopback targets unless the operator allows them', async () => {
    const strict = await startTestServer();
    const strictApi = apiClient(strict.url);
    const user = await signUp(strictApi, 'strict');
    for (const url of [
      `${receiverUrl}/hooks`,
      'http://localhost:9/hooks',
      'http://10.0.0.8/hooks',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hooks',
    ]) {
      const refused = await strictApi('POST', '/v1/webhooks', { token: user.token, body: { url } });
      expectProblem(refused, 'target-refused');
    }
  });
});
