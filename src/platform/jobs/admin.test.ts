import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
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
import type { Module } from '../module.ts';
import { defineJob } from './define.ts';
import type { Jobs } from './queue.ts';
import type { Job, JobState } from './spec.ts';

// The operators' routes over real HTTP: list dead jobs with their errors, inspect one, redrive
// (by ids, kind, or all) and cancel.

/** Kinds that fail while listed here, and succeed once removed (a fixed bug, then a redrive). */
const failing = new Set<string>();
const calls = new Map<number, number>();

const testModule: Module = {
  name: 'jobs-admin-test',
  // The kinds are data here (filters of the admin routes), so the tests name them as strings.
  jobs: () =>
    ['admin.a', 'admin.b', 'admin.c', 'admin.d', 'admin.e'].map((kind) =>
      defineJob<Record<string, unknown>>(kind).handle(async (job) => {
        calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
        if (failing.has(job.kind)) throw new Error(`${job.kind} broke on attempt ${job.attempt}`);
      }),
    ),
};

let server: TestServer;
let jobs: Jobs;
let api: Api;
let operator: string;
let user: string;

beforeAll(async () => {
  server = await startTestServer({ systems: [testModule] });
  jobs = server.server.core.jobs;
  api = apiClient(server.url);
  operator = (await signUpOperator(api, server)).token;
  user = (await signUp(api, 'plain')).token;
});

const waitForState = (id: number, state: JobState, timeout?: number) =>
  waitForJobState(jobs, id, state, timeout);

/** Enqueues `n` jobs of `kind` that fail their two attempts; returns them once dead. */
async function deadJobs(kind: string, n: number): Promise<Job[]> {
  failing.add(kind);
  const enqueued = await jobs.enqueueMany(
    Array.from({ length: n }, (_, i) => ({
      kind,
      payload: { i },
      maxAttempts: 2,
      backoff: { initialMs: 10, jitter: 0 },
    })),
  );
  return Promise.all(enqueued.map((job) => waitForState(job.id, 'dead')));
}

describe('who may call', () => {
  it('refuses a caller without a token (401) and one who is not an operator (403)', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/admin/jobs'],
      ['GET', '/v1/admin/jobs/1'],
      ['POST', '/v1/admin/jobs/redrive', { all: true }],
      ['POST', '/v1/admin/jobs/1/cancel'],
    ];
    for (const [method, path, body] of routes) {
      expectProblem(await api(method, path, { body }), 'unauthorized');
      expectProblem(await api(method, path, { body, token: user }), 'forbidden');
      expectProblem(
        await api(method, path, { body, token: 'mrd_not-a-real-token' }),
        'unauthorized',
      );
    }
  });
});

describe('listing and inspecting', () => {
  it('lists dead jobs with every attempt’s error, a page at a time', async () => {
    const dead = await deadJobs('admin.a', 5);
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?kind=admin.a&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api('GET', `/v1/admin/jobs${query}`, { token: operator });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((job) => job.id)).toEqual(dead.map((job) => job.id).sort((a, b) => a - b));
    for (const job of seen) {
      expect(job).toMatchObject({ kind: 'admin.a', state: 'dead', attempt: 2, max_attempts: 2 });
      expect(job.errors.map((e: any) => e.error)).toEqual([
        'admin.a broke on attempt 1',
        'admin.a broke on attempt 2',
      ]);
    }
  });

  it('lists dead jobs only by default, and other states when asked', async () => {
    const waiting = await jobs.enqueue({ kind: 'admin.a', delayMs: 3_600_000 });
    const dead = await api('GET', '/v1/admin/jobs?limit=100', { token: operator });
    expect(dead.status).toBe(200);
    expect(dead.body.items.length).toBeGreaterThan(0);
    expect(dead.body.items.every((job: any) => job.state === 'dead')).toBe(true);
    const available = await api('GET', '/v1/admin/jobs?state=available', { token: operator });
    expect(available.body.items.map((job: any) => job.id)).toContain(waiting.id);
    await jobs.cancel(waiting.id);
  });

  it('refuses a tampered cursor and an unknown state', async () => {
    const bad = await api('GET', '/v1/admin/jobs?cursor=not-a-cursor', { token: operator });
    expect(bad.status).toBe(400);
    const state = await api('GET', '/v1/admin/jobs?state=zombie', { token: operator });
    expect(state.status).toBe(400);
  });

  it('shows one job, 404 for an unknown id and 400 for an id that is not one', async () => {
    const job = await jobs.enqueue({ kind: 'admin.b', payload: { hello: 'world' } });
    await waitForState(job.id, 'completed');
    const one = await api('GET', `/v1/admin/jobs/${job.id}`, { token: operator });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: job.id,
      kind: 'admin.b',
      state: 'completed',
      payload: { hello: 'world' },
      errors: [],
    });
    expect(new Date(one.body.finished_at).getTime()).toBeGreaterThan(0);
    expectProblem(await api('GET', '/v1/admin/jobs/987654321', { token: operator }), 'not-found');
    for (const id of ['abc', '1.5', '0', '-3', '99999999999999999999']) {
      const response = await api('GET', `/v1/admin/jobs/${id}`, { token: operator });
      expect(response.status, `${id}: ${JSON.stringify(response.body)}`).toBe(400);
    }
  });
});

describe('redrive', () => {
  it('asks what to redrive: an empty body is a 422', async () => {
    for (const body of [{}, { all: false }]) {
      expectProblem(
        await api('POST', '/v1/admin/jobs/redrive', { token: operator, body }),
        'unprocessable',
      );
    }
    const badIds = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { ids: ['x'] },
    });
    expect(badIds.status).toBe(400);
    const hugeIds = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: '{"ids": [99999999999999999999]}',
    });
    expect(hugeIds.status, JSON.stringify(hugeIds.body)).toBe(400);
  });

  it('runs dead jobs named by id again, which then complete', async () => {
    const [first, second, untouched] = await deadJobs('admin.c', 3);
    failing.delete('admin.c');
    const response = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { ids: [first!.id, second!.id] },
    });
    expect(response.status).toBe(200);
    expect([...response.body.redriven].sort((a: number, b: number) => a - b)).toEqual([
      first!.id,
      second!.id,
    ]);
    for (const job of [first!, second!]) {
      const done = await waitForState(job.id, 'completed');
      expect(done.attempt).toBe(1);
      // The errors of the dead run are kept for the record.
      expect(done.errors).toHaveLength(2);
      expect(calls.get(job.id)).toBe(3);
    }
    expect((await jobs.get(untouched!.id))?.state).toBe('dead');
    // A second redrive of the same ids finds nothing dead.
    const again = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { ids: [first!.id, second!.id] },
    });
    expect(again.body).toEqual({ redriven: [] });
  });

  it('redrives by kind, leaving other kinds dead', async () => {
    const ds = await deadJobs('admin.d', 2);
    const es = await deadJobs('admin.e', 1);
    failing.delete('admin.d');
    const response = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { kind: 'admin.d' },
    });
    expect(response.status).toBe(200);
    expect(response.body.redriven).toHaveLength(2);
    for (const job of ds) await waitForState(job.id, 'completed');
    expect((await jobs.get(es[0]!.id))?.state).toBe('dead');
  });

  it('redrives every dead job with all: true', async () => {
    failing.clear();
    const response = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { all: true },
    });
    expect(response.status).toBe(200);
    expect(response.body.redriven.length).toBeGreaterThan(0);
    for (const id of response.body.redriven) await waitForState(id, 'completed');
    const dead = await sql<{ n: number }>`
      SELECT count(*) AS n FROM jobs WHERE state = 'dead'`.execute(server.database.db);
    expect(Number(dead.rows[0]!.n)).toBe(0);
  });

  it('redrives one of several dead jobs that share a unique key', async () => {
    failing.add('admin.e');
    const uniqueKey = `admin-unique-${Date.now()}`;
    const spec = { kind: 'admin.e', uniqueKey, maxAttempts: 1 };
    // A unique key binds only unfinished jobs: each of these was enqueued after the last died.
    const first = await jobs.enqueue(spec);
    await waitForState(first.id, 'dead');
    const second = await jobs.enqueue(spec);
    expect(second.id).not.toBe(first.id);
    await waitForState(second.id, 'dead');
    const once = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { ids: [first.id, second.id] },
    });
    expect(once.status, JSON.stringify(once.body)).toBe(200);
    expect(once.body.redriven).toHaveLength(1);
    const [redriven] = once.body.redriven;
    expect(await waitForState(redriven, 'dead')).toMatchObject({ attempt: 1 });
    failing.delete('admin.e');
    const again = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { kind: 'admin.e' },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.redriven).toHaveLength(1);
    await waitForState(again.body.redriven[0], 'completed');
  });

  it('leaves a dead job dead while another unfinished job holds its unique key', async () => {
    failing.add('admin.e');
    const uniqueKey = `admin-held-${Date.now()}`;
    const dead = await jobs.enqueue({ kind: 'admin.e', uniqueKey, maxAttempts: 1 });
    await waitForState(dead.id, 'dead');
    const live = await jobs.enqueue({ kind: 'admin.e', uniqueKey, delayMs: 3_600_000 });
    expect(live.id).not.toBe(dead.id);
    const response = await api('POST', '/v1/admin/jobs/redrive', {
      token: operator,
      body: { ids: [dead.id] },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ redriven: [] });
    expect((await jobs.get(dead.id))?.state).toBe('dead');
    await jobs.cancel(live.id);
    failing.delete('admin.e');
  });
});

describe('cancel', () => {
  it('cancels a waiting job, then 404s as it is finished', async () => {
    const job = await jobs.enqueue({ kind: 'admin.b', delayMs: 3_600_000 });
    const response = await api('POST', `/v1/admin/jobs/${job.id}/cancel`, { token: operator });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: job.id, state: 'cancelled' });
    expect((await jobs.get(job.id))?.state).toBe('cancelled');
    expectProblem(
      await api('POST', `/v1/admin/jobs/${job.id}/cancel`, { token: operator }),
      'not-found',
    );
    expectProblem(
      await api('POST', '/v1/admin/jobs/987654321/cancel', { token: operator }),
      'not-found',
    );
  });
});
