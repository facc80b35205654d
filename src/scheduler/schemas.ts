import { type Static, Type } from 'typebox';
import { Name } from '../platform/http/schemas.ts';
import { headerNamePattern, headerValuePattern } from '../platform/outbound/header-syntax.ts';
import { FREQUENCIES } from './recurrence.ts';

// The task and execution JSON of docs/scheduler.md. Shapes and bounds are checked here (a 400
// naming the field); what needs the calendar, the clock or DNS (a cron pattern, end before start,
// a refused URL) is checked by the service (a 422 naming the field).

const Id = Type.String({ format: 'uuid' });
// A Date in the code, an ISO 8601 string on the wire.
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Schedule = Type.Object(
  {
    frequency: Type.String({ description: FREQUENCIES.join(' | ') }),
    interval: Type.Optional(
      Nullable(Type.String({ maxLength: 64, description: 'ISO 8601 duration, at least PT1S' })),
    ),
    cron: Type.Optional(
      Nullable(
        Type.String({ maxLength: 256, description: 'Cron with seconds, e.g. */5 * * * * *' }),
      ),
    ),
    start: Type.String({ format: 'date-time' }),
    end: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    timezone: Type.Optional(Type.String({ maxLength: 64, default: 'UTC' })),
  },
  { additionalProperties: false },
);

export const webhookMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const WebhookAction = Type.Object(
  {
    type: Type.Literal('webhook'),
    url: Type.String({ maxLength: 2048 }),
    method: Type.Optional(Type.Union(webhookMethods.map((method) => Type.Literal(method)))),
    // A pattern on the Record's key only picks the values it checks (patternProperties):
    // `propertyNames` is what refuses a name that is not an HTTP token.
    headers: Type.Optional(
      Type.Record(
        Type.String(),
        Type.String({
          maxLength: 4096,
          pattern: headerValuePattern,
          description: 'Visible ASCII; spaces and tabs only between characters',
        }),
        {
          maxProperties: 32,
          propertyNames: { type: 'string', maxLength: 64, pattern: headerNamePattern },
        },
      ),
    ),
    body: Type.Optional(Type.Unknown({ description: 'JSON sent as the request body' })),
    timeout_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000 })),
  },
  { additionalProperties: false },
);

const ReminderAction = Type.Object(
  {
    type: Type.Literal('reminder'),
    message: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const Action = Type.Union([WebhookAction, ReminderAction]);

export const Retry = Type.Object(
  {
    max_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    initial_delay_ms: Type.Optional(Type.Integer({ minimum: 10, maximum: 86_400_000 })),
    factor: Type.Optional(Type.Number({ minimum: 1, maximum: 10 })),
    max_delay_ms: Type.Optional(Type.Integer({ minimum: 10, maximum: 604_800_000 })),
  },
  { additionalProperties: false },
);

export const taskEvents = ['succeeded', 'failed', 'dead', 'late', 'missed'] as const;
export type TaskEvent = (typeof taskEvents)[number];

// Channel names are checked by the service against the notification channels.
const Channels = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 4, uniqueItems: true });
export const NotifySettings = Type.Object(
  Object.fromEntries(taskEvents.map((event) => [event, Type.Optional(Channels)])),
  { additionalProperties: false },
);

export const catchUpPolicies = ['all', 'latest', 'skip'] as const;
export const overlapPolicies = ['allow_all', 'skip', 'buffer_one'] as const;

/** A task's labels: at most 20, each 1 to 64 letters, digits and `_ - . : /`, case kept. */
const tagRule = { minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:/-]+$' };
export const Tag = Type.String(tagRule);
export const Tags = Type.Array(Tag, { maxItems: 20, uniqueItems: true });

const taskFields = {
  name: Name({ maxLength: 200 }),
  schedule: Schedule,
  action: Type.Optional(Action),
  retry: Type.Optional(Retry),
  tolerance_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
  catch_up: Type.Optional(Type.Union(catchUpPolicies.map((policy) => Type.Literal(policy)))),
  notify: Type.Optional(NotifySettings),
  tags: Type.Optional(Tags),
  overlap: Type.Optional(
    Type.Union(
      overlapPolicies.map((policy) => Type.Literal(policy)),
      { description: 'An occurrence due while the previous execution still runs' },
    ),
  ),
  flexible_window_minutes: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 1440,
      description: 'Run each occurrence at a random point this many minutes after its due time',
    }),
  ),
};

export const TaskInput = Type.Object(taskFields, { additionalProperties: false });
export type TaskInput = Static<typeof TaskInput>;

// A JSON merge patch (RFC 7396) of the task: the merged task is validated against TaskInput
// (task-patch.ts), so here the fields are only named.
export const TaskPatch = Type.Object(
  {
    ...Object.fromEntries(
      Object.keys(taskFields).map((name) => [
        name,
        Type.Optional(
          Type.Unknown({ description: `Merged into the task's ${name}; null removes it` }),
        ),
      ]),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you read' })),
  },
  {
    additionalProperties: false,
    description:
      'A JSON merge patch (RFC 7396) of the task, as application/json or application/merge-patch+json',
  },
);
export type TaskPatch = Record<string, unknown> & { version?: number };

export const taskStates = ['active', 'paused', 'completed'] as const;

export const Task = Type.Object({
  id: Id,
  name: Type.String(),
  schedule: Type.Unknown(),
  action: Type.Unknown(),
  retry: Type.Unknown(),
  tolerance_ms: Type.Integer(),
  flexible_window_minutes: Type.Integer(),
  overlap: Type.String({ description: overlapPolicies.join(' | ') }),
  catch_up: Type.String(),
  notify: Type.Unknown(),
  tags: Type.Array(Type.String()),
  state: Type.String({ description: taskStates.join(' | ') }),
  next_run_at: Nullable(Timestamp),
  paused_until: Nullable(Timestamp),
  previous_secret_expires_at: Nullable(Timestamp),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const CreatedTask = Type.Intersect([
  Task,
  Type.Object({
    signing_secret: Type.Optional(
      Type.String({
        description:
          'Verifies the Standard Webhooks signature of its calls; shown only here, and absent from an idempotent replay (Idempotent-Omitted: signing_secret)',
      }),
    ),
  }),
]);

export const TaskPage = Type.Object({
  items: Type.Array(Task),
  next_cursor: Nullable(Type.String()),
});

export const TaskListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    state: Type.Optional(Type.Union(taskStates.map((state) => Type.Literal(state)))),
    tag: Type.Optional(Type.String({ ...tagRule, description: 'Only tasks with this tag' })),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Only tasks whose name contains this text, in any case',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PauseInput = Type.Object(
  {
    until: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Resume by itself at this time (in the future); without it, until resumed',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PauseInput = Static<typeof PauseInput>;

export const RotateSecretInput = Type.Object(
  {
    overlap_minutes: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_080,
        default: 1_440,
        description: 'How long calls stay signed with the old secret too (default 24 h)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RotatedSecret = Type.Object({
  signing_secret: Type.String({ description: 'The new secret; shown only here' }),
  previous_secret_expires_at: Timestamp,
  version: Type.Integer(),
});

/** The most occurrences one backfill request may run. */
export const maxBackfill = 1_000;

export const BackfillInput = Type.Object(
  {
    start: Type.String({ format: 'date-time', description: 'The first due time (inclusive)' }),
    end: Type.String({
      format: 'date-time',
      description: 'The end of the range (exclusive), not in the future',
    }),
  },
  { additionalProperties: false },
);

export const BackfillResult = Type.Object({
  backfilled: Type.Integer({ description: 'Executions created, due now' }),
  existing: Type.Integer({ description: 'Occurrences in the range that had an execution' }),
});

export const TaskParams = Type.Object({ taskId: Id });
export const ExecutionParams = Type.Object({ taskId: Id, executionId: Id });

export const OccurrencesQuery = Type.Object(
  { count: Type.Integer({ minimum: 1, maximum: 100, default: 10 }) },
  { additionalProperties: false },
);
export const Occurrences = Type.Object({ occurrences: Type.Array(Timestamp) });

export const PreviewBody = Type.Object(
  {
    schedule: Schedule,
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 5 })),
  },
  { additionalProperties: false },
);

export const Execution = Type.Object({
  id: Id,
  task_id: Id,
  scheduled_for: Timestamp,
  state: Type.String({
    description: 'pending | running | succeeded | retrying | dead | missed | cancelled | skipped',
  }),
  buffered: Type.Boolean({ description: 'Pending until the execution under way ends' }),
  attempts: Type.Integer(),
  started_at: Nullable(Timestamp),
  finished_at: Nullable(Timestamp),
  last_error: Nullable(Type.String()),
  http_status: Nullable(Type.Integer()),
});

export const attemptOutcomes = ['running', 'succeeded', 'failed'] as const;

export const Attempt = Type.Object({
  attempt: Type.Integer({ description: '1 for the first attempt' }),
  started_at: Timestamp,
  finished_at: Nullable(Timestamp),
  outcome: Type.String({ description: attemptOutcomes.join(' | ') }),
  http_status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  duration_ms: Nullable(Type.Integer({ description: 'From its start to its end' })),
  response_excerpt: Nullable(Type.String({ description: 'The first KiB of the answer' })),
});

/** One execution with every attempt it made. */
export const ExecutionDetail = Type.Intersect([
  Execution,
  Type.Object({ attempt_history: Type.Array(Attempt) }),
]);

export const ExecutionPage = Type.Object({
  items: Type.Array(Execution),
  next_cursor: Nullable(Type.String()),
});

export const RedriveResult = Type.Object({ redriven: Type.Integer() });

// The brief's API (000), unchanged for its clients.
export const BriefCreateTask = Type.Object(
  {
    user_id: Id,
    frequency: Type.String({ maxLength: 32 }),
    start_date: Type.String({ format: 'date-time' }),
    end_date: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  },
  { additionalProperties: false },
);
export const BriefUpdateTask = Type.Object(
  {
    task_id: Id,
    frequency: Type.Optional(Type.String({ maxLength: 32 })),
    start_date: Type.Optional(Type.String({ format: 'date-time' })),
    end_date: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  },
  { additionalProperties: false },
);
export const BriefTaskRef = Type.Object({ task_id: Id }, { additionalProperties: false });
