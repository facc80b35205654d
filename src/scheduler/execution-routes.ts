import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import { decodeCursor, PageQuery, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import { isUuid } from '../platform/ids.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { executionDetail } from './attempts.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import * as executionStore from './store/executions.ts';

const security = [{ bearer: [] }];
const tags = ['scheduler'];

/** The caller, who owns the tasks these routes reach. */
const owner = (request: FastifyRequest) => principalOf(request).user.id;

/** A task's executions under `/v1/tasks/{taskId}/executions`: history, detail, redrive. */
export function executionRoutes(app: App, core: Core): void {
  const { db } = core.database;
  const onRequest = core.auth.requireUser;

  app.get(
    '/v1/tasks/:taskId/executions',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The task’s executions, latest due first',
        params: schemas.TaskParams,
        querystring: PageQuery,
        response: {
          200: schemas.ExecutionPage,
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const task = await service.requireTask(db, owner(request), request.params.taskId);
      const { limit, cursor } = request.query;
      const rows = await executionStore.listExecutions(db, task.id, {
        before: executionCursor(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (row) => [row.scheduled_for.toISOString(), row.id]);
      return { ...page, items: page.items.map(service.executionJson) };
    },
  );

  app.get(
    '/v1/tasks/:taskId/executions/:executionId',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One execution, with each of its attempts',
        params: schemas.ExecutionParams,
        response: {
          200: schemas.ExecutionDetail,
          ...problemResponses('unauthorized', 'not-found'),
        },
      },
    },
    async (request) => {
      const { taskId, executionId } = request.params;
      return executionDetail(db, owner(request), taskId, executionId);
    },
  );

  app.post(
    '/v1/tasks/:taskId/executions/:executionId/redrive',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Run a dead execution again, with fresh attempts',
        params: schemas.ExecutionParams,
        response: {
          200: schemas.RedriveResult,
          ...problemResponses('unauthorized', 'not-found', 'conflict'),
        },
      },
    },
    async (request) => {
      const { taskId, executionId } = request.params;
      return {
        redriven: await service.redriveExecutions(core, owner(request), taskId, executionId),
      };
    },
  );

  app.post(
    '/v1/tasks/:taskId/executions/redrive',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Run every dead execution of the task again',
        params: schemas.TaskParams,
        response: { 200: schemas.RedriveResult, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => ({
      redriven: await service.redriveExecutions(core, owner(request), request.params.taskId),
    }),
  );
}

/** The (due time, id) of the last execution of the previous page. */
function executionCursor(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [at, id] = key;
  if (
    typeof at === 'string' &&
    !Number.isNaN(Date.parse(at)) &&
    typeof id === 'string' &&
    isUuid(id)
  ) {
    return [at, id];
  }
  throw new Problem('invalid-cursor', 'This cursor is not one this list gave out');
}
