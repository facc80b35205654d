import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineJob } from './define.ts';
import type { ClaimedJob, Job, JobContext, JobSpec } from './spec.ts';

// Job definitions without a database: the specs they make, the handlers they register, and (for
// `tsc`, which checks this file) the payloads that do not compile.

const sendReport = defineJob<{ reportId: string; copies?: number }>('test.report', {
  queue: 'reports',
  maxAttempts: 3,
  backoff: { initialMs: 500, factor: 3 },
  timeoutMs: 5_000,
});
const prune = defineJob('test.prune', { maxAttempts: 2 });

describe('spec', () => {
  it('fills in the kind and the defaults, which each option overrides', () => {
    const runAt = new Date('2030-01-01T00:00:00Z');
    expect(sendReport.spec({ reportId: 'r1' })).toEqual({
      kind: 'test.report',
      payload: { reportId: 'r1' },
      queue: 'reports',
      maxAttempts: 3,
      backoff: { initialMs: 500, factor: 3 },
      timeoutMs: 5_000,
    });
    expect(
      sendReport.spec(
        { reportId: 'r2' },
        { runAt, maxAttempts: 5, backoff: { initialMs: 10 }, uniqueKey: 'r2' },
      ),
    ).toEqual({
      kind: 'test.report',
      payload: { reportId: 'r2' },
      queue: 'reports',
      maxAttempts: 5,
      backoff: { initialMs: 10, factor: 3 },
      timeoutMs: 5_000,
      runAt,
      uniqueKey: 'r2',
    });
  });

  it('leaves out a payload not given (stored as {}) and a backoff neither side has', () => {
    expect(prune.spec()).toEqual({ kind: 'test.prune', maxAttempts: 2 });
    expect(prune.spec(undefined, { delayMs: 10 })).toEqual({
      kind: 'test.prune',
      maxAttempts: 2,
      delayMs: 10,
    });
  });

  it('types the spec and refuses a payload of another shape', () => {
    expectTypeOf(sendReport.spec({ reportId: 'r' })).toEqualTypeOf<
      JobSpec<{ reportId: string; copies?: number }>
    >();
    // @ts-expect-error: reportId must be a string
    sendReport.spec({ reportId: 42 });
    // @ts-expect-error: the payload is required, as {} is not one
    sendReport.spec();
    // @ts-expect-error: a job without a payload takes none
    prune.spec({ reportId: 'r' });
    // @ts-expect-error: the kind is the definition's
    sendReport.spec({ reportId: 'r' }, { kind: 'other' });
  });
});

describe('handle', () => {
  it('registers the handler under the kind, with the payload typed', async () => {
    const seen: string[] = [];
    const registration = sendReport.handle(async (job) => {
      expectTypeOf(job.payload).toEqualTypeOf<{ reportId: string; copies?: number }>();
      seen.push(job.payload.reportId);
    });
    expect(registration.kind).toBe('test.report');
    const job = { kind: 'test.report', payload: { reportId: 'r3' } } as ClaimedJob;
    await registration.handler(job, {} as JobContext);
    expect(seen).toEqual(['r3']);
    sendReport.handle(async (job) => {
      // @ts-expect-error: no such field in the payload
      job.payload.reportID;
    });
  });

  it('tells a job of its kind, typing its payload', () => {
    const job: Pick<Job, 'kind' | 'payload'> = { kind: 'test.report', payload: { reportId: 'r' } };
    expect(sendReport.is(job)).toBe(true);
    expect(prune.is(job)).toBe(false);
    if (sendReport.is(job)) expectTypeOf(job.payload.reportId).toBeString();
  });
});
