import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { expectedVersion, setVersionTag } from '../platform/http/concurrency.ts';
import { acceptMergePatch } from '../platform/http/merge-patch.ts';
import { decodeIdCursor, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import type { Core } from '../platform/module.ts';
import { backfillTask } from './backfill.ts';
import { dueTimes } from './occurrences.ts';
import * as pause from './pause.ts';
import { schedulerProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';
import { previewedSchedule } from './settings.ts';
import { rotateTaskSecret } from './signing.ts';
import * as taskStore from './store/tasks.ts';

const security = [{ bearer: [] }];
const tags = ['scheduler'];

/** The caller, who owns the tasks these routes reach. */
const owner = (request: FastifyRequest) => principalOf(request).user.id;

/** Tasks under `/v1/tasks` (their executions: execution-routes.ts). */
export function taskRoutes(app: App, core: Core, createTask: service.CreateTask): void {
  const { db } = core.database;
  const onRequest = core.auth.requireUser;

  app.post(
    '/v1/tasks',
    {
      onRequest,
      // The signing secret is shown once, never kept for a replay (docs/errors.md).
      config: { idempotent: true, idempotentSecrets: ['signing_secret'] },
      schema: {
        tags,
        security,
        summary: 'Create a task: its first occurrence is scheduled at once',
        body: schemas.TaskInput,
        response: {
          201: schemas.CreatedTask,
          ...problemResponses(
            schedulerProblems,
            'validation-failed',
            'unauthorized',
            'invalid-task',
          ),
        },
      },
    },
    async (request, reply) => {
      const task = await createTask(owner(request), request.body);
      setVersionTag(reply, task.version);
      return reply
        .code(201)
        .send({ ...service.taskJson(task), signing_secret: task.signing_secret });
    },
  );

  app.get(
    '/v1/tasks',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Your tasks, oldest first; filtered by state, tag and part of the name',
        querystring: schemas.TaskListQuery,
        response: { 200: schemas.TaskPage, ...problemResponses('unauthorized', 'invalid-cursor') },
      },
    },
    async (request) => {
      const { limit, cursor, state, tag, name } = request.query;
      const rows = await taskStore.listTasks(db, owner(request), {
        state,
        tag,
        name,
        after: decodeIdCursor(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (row) => [row.id]);
      return { ...page, items: page.items.map(service.taskJson) };
    },
  );

  app.get(
    '/v1/tasks/:taskId',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One task',
        params: schemas.TaskParams,
        response: { 200: schemas.Task, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const task = await service.requireTask(db, owner(request), request.params.taskId);
      setVersionTag(reply, task.version);
      return service.taskJson(task);
    },
  );

  // In a scope of its own, the one route that reads application/merge-patch+json too.
  app.register(async (scope: App) => {
    acceptMergePatch(scope);
    scope.patch(
      '/v1/tasks/:taskId',
      {
        onRequest,
        config: { idempotent: true },
        schema: {
          tags,
          security,
          summary:
            'Change a task by a JSON merge patch; a new schedule moves its pending occurrence (If-Match or version)',
          params: schemas.TaskParams,
          body: schemas.TaskPatch,
          response: {
            200: schemas.Task,
            ...problemResponses(
              schedulerProblems,
              'validation-failed',
              'unauthorized',
              'not-found',
              'version-conflict',
              'precondition-failed',
              'invalid-task',
            ),
          },
        },
      },
      async (request, reply) => {
        const { version, ...patch } = request.body as schemas.TaskPatch;
        const task = await service.updateTask(
          core,
          owner(request),
          request.params.taskId,
          patch,
          expectedVersion(request, version),
        );
        setVersionTag(reply, task.version);
        return service.taskJson(task);
      },
    );
  });

  app.delete(
    '/v1/tasks/:taskId',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Delete a task: its pending occurrence is cancelled',
        params: schemas.TaskParams,
        response: { 204: Type.Null(), ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      await service.deleteTask(core, owner(request), request.params.taskId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/tasks/:taskId/pause',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          'Hold the task: occurrences wait until it resumes (by itself at `until`, if given)',
        params: schemas.TaskParams,
        body: Type.Union([schemas.PauseInput, Type.Null()]),
        response: {
          200: schemas.Task,
          ...problemResponses('validation-failed', 'unauthorized', 'not-found', 'unprocessable'),
        },
      },
    },
    async (request, reply) => {
      const until = request.body?.until;
      const task = await pause.pauseTask(
        core,
        owner(request),
        request.params.taskId,
        until === undefined ? undefined : new Date(until),
      );
      setVersionTag(reply, task.version);
      return service.taskJson(task);
    },
  );

  app.post(
    '/v1/tasks/:taskId/resume',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Resume: missed occurrences follow the catch-up policy',
        params: schemas.TaskParams,
        response: { 200: schemas.Task, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const task = await pause.resumeTask(core, owner(request), request.params.taskId);
      setVersionTag(reply, task.version);
      return service.taskJson(task);
    },
  );

  app.post(
    '/v1/tasks/:taskId/rotate-secret',
    {
      onRequest,
      config: { idempotent: true, idempotentSecrets: ['signing_secret'] },
      schema: {
        tags,
        security,
        summary: 'A new signing secret; calls carry both signatures during the overlap',
        params: schemas.TaskParams,
        body: Type.Union([schemas.RotateSecretInput, Type.Null()]),
        response: {
          200: schemas.RotatedSecret,
          ...problemResponses('validation-failed', 'unauthorized', 'not-found'),
        },
      },
    },
    async (request, reply) => {
      const overlap = request.body?.overlap_minutes ?? 1_440;
      const task = await rotateTaskSecret(core, owner(request), request.params.taskId, overlap);
      setVersionTag(reply, task.version);
      return {
        signing_secret: task.signing_secret,
        previous_secret_expires_at: task.previous_secret_expires_at as Date,
        version: task.version,
      };
    },
  );

  app.post(
    '/v1/tasks/:taskId/backfill',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: `Run now the occurrences due in a past range that have no execution (at most ${schemas.maxBackfill})`,
        params: schemas.TaskParams,
        body: schemas.BackfillInput,
        response: {
          202: schemas.BackfillResult,
          ...problemResponses('validation-failed', 'unauthorized', 'not-found', 'unprocessable'),
        },
      },
    },
    async (request, reply) => {
      const { start, end } = request.body;
      const result = await backfillTask(
        core,
        owner(request),
        request.params.taskId,
        new Date(start),
        new Date(end),
      );
      return reply.code(202).send(result);
    },
  );

  app.post(
    '/v1/tasks/:taskId/run-now',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Run the task once now, besides its schedule, even while it is paused',
        params: schemas.TaskParams,
        response: { 202: schemas.Execution, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const execution = await service.runTaskNow(core, owner(request), request.params.taskId);
      return reply.code(202).send(service.executionJson(execution));
    },
  );

  app.post(
    '/v1/tasks/preview',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The next due times a schedule would have, from now, without saving a task',
        body: schemas.PreviewBody,
        response: {
          200: schemas.Occurrences,
          ...problemResponses(schedulerProblems, 'unauthorized', 'invalid-task'),
        },
      },
    },
    async (request) => {
      const now = core.clock.now();
      const schedule = previewedSchedule(request.body.schedule, now);
      return {
        occurrences: dueTimes({ schedule }, new Date(now.getTime() - 1), request.body.count ?? 5),
      };
    },
  );

  app.get(
    '/v1/tasks/:taskId/occurrences',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The next due times of the task, from now',
        params: schemas.TaskParams,
        querystring: schemas.OccurrencesQuery,
        response: { 200: schemas.Occurrences, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const task = await service.requireTask(db, owner(request), request.params.taskId);
      if (task.state === 'completed') return { occurrences: [] };
      const from = task.next_run_at ? new Date(task.next_run_at.getTime() - 1) : core.clock.now();
      return { occurrences: dueTimes(task, from, request.query.count) };
    },
  );
}
