import { Type } from 'typebox';

const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const JobStateSchema = Type.Union(
  ['available', 'running', 'completed', 'dead', 'cancelled'].map((state) => Type.Literal(state)),
);

export const JobSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  queue: Type.String(),
  payload: Type.Unknown(),
  state: Type.String(),
  priority: Type.Integer(),
  run_at: Timestamp,
  attempt: Type.Integer(),
  max_attempts: Type.Integer(),
  timeout_ms: Type.Union([Type.Integer(), Type.Null()]),
  deadline: NullableTimestamp,
  unique_key: Type.Union([Type.String(), Type.Null()]),
  errors: Type.Array(
    Type.Object({ attempt: Type.Integer(), at: Type.String(), error: Type.String() }),
  ),
  created_at: Timestamp,
  attempted_at: NullableTimestamp,
  finished_at: NullableTimestamp,
});

export const JobListQuery = Type.Object(
  {
    state: Type.Optional(JobStateSchema),
    kind: Type.Optional(Type.String({ maxLength: 200 })),
    queue: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

/** A job id: past 2^53 it is no longer exact as a number, and past 2^63 PostgreSQL refuses it. */
const JobId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const JobParams = Type.Object({ jobId: JobId });

export const RedriveBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(JobId, { minItems: 1, maxItems: 10_000 })),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    queue: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    all: Type.Optional(
      Type.Boolean({ description: 'Every dead job: required when no filter is given' }),
    ),
  },
  { additionalProperties: false },
);

export const RedriveResult = Type.Object({ redriven: Type.Array(Type.Integer()) });
