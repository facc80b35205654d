import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { schedulerProblems } from './problems.ts';
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
          ...problemResponses(schedulerProblems, 'unauthorized', 'not-found', 'invalid-task'),
        },
      },
    },
    async (request) => {
      const { user_id, frequency, start_date, end_date } = request.body;
      const principal = principalOf(request);
      // An operator may act for another user, one that exists.
      const forOther = user_id !== principal.user.id;
      if (forOther && (!principal.user.is_operator || !(await core.identity.findUser(user_id)))) {
        throw new Problem('not-found', `No user ${user_id}`);
      }
      requireBriefFrequency(frequency);
      const task = await inBriefTerms(() =>
        createTask(user_id, {
          name: briefName(frequency),
          schedule: { frequency, start: start_date, end: end_date ?? null },
        }),
      );
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
          ...problemResponses(schedulerProblems, 'unauthorized', 'not-found', 'invalid-task'),
        },
      },
    },
    async (request) => {
      const { task_id, frequency, start_date, end_date } = request.body;
      if (frequency !== undefined) requireBriefFrequency(frequency);
      // A merge patch of the schedule: a field not given is left as it is, a null end removed.
      const schedule = {
        ...(frequency === undefined ? {} : { frequency }),
        ...(start_date === undefined ? {} : { start: start_date }),
        ...(end_date === undefined ? {} : { end: end_date }),
      };
      await inBriefTerms(() =>
        service.updateTask(
          core,
          ownerScope(request),
          task_id,
          (task) => ({
            schedule,
            // Named after its frequency by this API, it keeps being so unless renamed since.
            ...(frequency !== undefined && task.name === briefName(task.schedule.frequency)
              ? { name: briefName(frequency) }
              : {}),
          }),
          undefined,
        ),
      );
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

/** The name the brief's API gives a task: its frequency's. */
const briefName = (frequency: string) => `${frequency} task`;

/** The frequencies the brief's body can express: no cron pattern, no interval. */
const briefFrequencies = ['once', 'daily', 'weekly', 'biweekly', 'monthly', 'yearly'];

function requireBriefFrequency(frequency: string): void {
  if (briefFrequencies.includes(frequency)) return;
  const message = `frequency must be one of ${briefFrequencies.join(', ')}; got ${JSON.stringify(frequency)}`;
  throw new Problem('invalid-task', `body/frequency: ${message}`, {
    errors: [{ field: 'body/frequency', message }],
  });
}

/** The brief's field for each schedule field it sets. */
const briefFields: Record<string, string> = {
  'body/schedule/frequency': 'body/frequency',
  'body/schedule/start': 'body/start_date',
  'body/schedule/end': 'body/end_date',
};

/**
 * Runs `operation`, turning an `invalid-task` problem into the brief's terms: fields named as in
 * its bodies (`body/end_date`, not `body/schedule/end`), and so in the messages.
 */
async function inBriefTerms<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof Problem) || error.problem !== 'invalid-task') throw error;
    const given = (error.extensions.errors ?? []) as { field: string; message: string }[];
    const errors = given.map(({ field, message }) => ({
      field: briefFields[field] ?? field,
      message: message.replace(/\b(start|end)\b/g, '$1_date'),
    }));
    throw new Problem('invalid-task', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
      errors,
    });
  }
}

/** Whose tasks the caller may change: their own, or anyone's for an operator. */
function ownerScope(request: FastifyRequest): string | null {
  const { user } = principalOf(request);
  return user.is_operator ? null : user.id;
}
