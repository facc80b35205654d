import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import { HttpProblem } from '../platform/http/problems.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import { findUserById } from '../platform/identity/store.ts';
import type { Core } from '../platform/module.ts';
import * as schemas from './schemas.ts';
import * as service from './service.ts';

const security = [{ bearer: [] }];
const tags = ['scheduler (brief API)'];

/**
 * The API of the scheduler's design note (brief 000), unchanged for its clients: aliases of
 * `/v1/tasks` that take the task id in the body and answer 200. The `user_id` must be the
 * caller's own, unless the caller is an operator; anything else is a 404, as for any task that
 * is not yours.
 */
export function briefRoutes(app: App, core: Core, createTask: service.CreateTask): void {
  const onRequest = core.auth.requireUser;

  app.post(
    '/v1/user/createtask',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Create a task (brief 000): a reminder on the given frequency',
        body: schemas.BriefCreateTask,
        response: {
          200: schemas.BriefTaskRef,
          ...problemResponses('unauthorized', 'not-found', 'invalid-task'),
        },
      },
    },
    async (request) => {
      const { user_id, frequency, start_date, end_date } = request.body;
      const principal = principalOf(request);
      // An operator may act for another user, one that exists.
      const forOther = user_id !== principal.user.id;
      if (
        forOther &&
        (!principal.user.is_operator || !(await findUserById(core.database.db, user_id)))
      ) {
        throw new HttpProblem('not-found', `No user ${user_id}`);
      }
      const task = await createTask(user_id, {
        name: `${frequency} task`,
        schedule: { frequency, start: start_date, end: end_date ?? null },
      });
      return { task_id: task.id };
    },
  );

  app.patch(
    '/v1/user/task',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Change the frequency, start or end of a task (brief 000)',
        body: schemas.BriefUpdateTask,
        response: {
          200: schemas.BriefTaskRef,
          ...problemResponses('unauthorized', 'not-found', 'invalid-task'),
        },
      },
    },
    async (request) => {
      const { task_id, frequency, start_date, end_date } = request.body;
      const ownerId = ownerScope(request);
      const task = await service.requireTask(core.database.db, ownerId, task_id);
      const schedule = {
        ...task.schedule,
        ...(frequency === undefined ? {} : { frequency }),
        ...(start_date === undefined ? {} : { start: start_date }),
        ...(end_date === undefined ? {} : { end: end_date }),
      };
      await service.updateTask(core, ownerId, task_id, { schedule }, undefined);
      return { task_id };
    },
  );

  app.delete(
    '/v1/user/task',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Delete a task (brief 000)',
        body: schemas.BriefTaskRef,
        response: { 200: schemas.BriefTaskRef, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      await service.deleteTask(core, ownerScope(request), request.body.task_id);
      return { task_id: request.body.task_id };
    },
  );
}

/** Whose tasks the caller may change: their own, or anyone's for an operator. */
function ownerScope(request: FastifyRequest): string | null {
  const { user } = principalOf(request);
  return user.is_operator ? null : user.id;
}
