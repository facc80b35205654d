import type { App } from '../http/app.ts';
import { decodeSerialCursor, Page, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { JobListQuery, JobParams, JobSchema, RedriveBody, RedriveResult } from './schemas.ts';
import * as store from './store.ts';

const security = [{ bearer: [] }];
const tags = ['admin'];

/** Operators' view of the queue: list and inspect jobs (dead ones above all), redrive, cancel. */
export function jobRoutes(app: App, core: Core): void {
  const { db } = core.database;
  const onRequest = core.auth.requireOperator;
  const denied = problemResponses('unauthorized', 'forbidden');

  app.get(
    '/v1/admin/jobs',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'List jobs, dead ones by default, with every attempt’s error',
        querystring: JobListQuery,
        response: { 200: Page(JobSchema), ...denied },
      },
    },
    async (request) => {
      const { limit, cursor, state = 'dead', kind, queue } = request.query;
      const rows = await store.listJobs(
        db,
        { state, kind, queue },
        decodeSerialCursor(cursor),
        limit + 1,
      );
      return pageOf(rows, limit, (job) => [job.id]);
    },
  );

  app.get(
    '/v1/admin/jobs/:jobId',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One job',
        params: JobParams,
        response: { 200: JobSchema, ...problemResponses('unauthorized', 'forbidden', 'not-found') },
      },
    },
    async (request) => {
      const job = await core.jobs.get(request.params.jobId);
      if (!job) throw new Problem('not-found', `No job ${request.params.jobId}`);
      return job;
    },
  );

  app.post(
    '/v1/admin/jobs/redrive',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Run dead jobs again from their first attempt: by ids, kind, queue, or all',
        body: RedriveBody,
        response: {
          200: RedriveResult,
          ...problemResponses('unauthorized', 'forbidden', 'unprocessable'),
        },
      },
    },
    async (request) => {
      const { ids, kind, queue, all } = request.body;
      if (!ids && !kind && !queue && !all) {
        throw new Problem('unprocessable', 'Name ids, a kind or a queue, or say all: true');
      }
      return { redriven: await store.redriveDeadJobs(db, { ids, kind, queue }) };
    },
  );

  app.post(
    '/v1/admin/jobs/:jobId/cancel',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          'Cancel a job that has not finished (a running one is aborted at its next lease renewal)',
        params: JobParams,
        response: { 200: JobSchema, ...problemResponses('unauthorized', 'forbidden', 'not-found') },
      },
    },
    async (request) => {
      const job = await core.jobs.cancel(request.params.jobId);
      if (!job) throw new Problem('not-found', `No unfinished job ${request.params.jobId}`);
      return job;
    },
  );
}
