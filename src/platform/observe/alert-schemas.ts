import { Type } from 'typebox';

const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const AlertState = Type.Union([Type.Literal('firing'), Type.Literal('resolved')]);

/** An alert as operators see it (`GET /v1/admin/alerts`). */
export const AlertSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** The rule that fired: `instance-lost`, `http-5xx-rate`, `jobs-dead`, or a module's. */
  rule: Type.String(),
  /** What it is about within the rule: an instance id, a queue, `all`. */
  key: Type.String(),
  state: AlertState,
  severity: Type.Union([Type.Literal('critical'), Type.Literal('warning'), Type.Literal('info')]),
  summary: Type.String(),
  details: Type.Unknown(),
  /** The measured value at the last evaluation that found it firing, when the rule gives one. */
  value: Type.Union([Type.Number(), Type.Null()]),
  fired_at: Timestamp,
  resolved_at: Type.Union([Timestamp, Type.Null()]),
  /** The last evaluation that found it firing. */
  last_evaluated_at: Timestamp,
});

export const AlertListQuery = Type.Object(
  {
    state: Type.Optional(AlertState),
    rule: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
