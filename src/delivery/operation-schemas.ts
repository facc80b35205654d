import { Type } from 'typebox';

// The JSON of delivery's operations: alarms, rollouts, a node's current metadata.

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Alarm = Type.Object({
  id: Id,
  kind: Type.Union([
    Type.Literal('node-danger'),
    Type.Literal('node-expired'),
    Type.Literal('service-failing'),
  ]),
  node: Nullable(Type.String()),
  summary: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  raised_at: Timestamp,
  resolved_at: Nullable(Timestamp),
});

export const ServiceAlarms = Type.Object({
  open_count: Type.Integer(),
  open: Type.Array(Alarm, { description: 'Open alarms, oldest first (at most 100)' }),
  recent: Type.Array(Alarm, { description: 'The 20 last resolved, latest first' }),
});

export const RolloutInput = Type.Object(
  {
    nodes_per_minute: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1_000_000,
      description: 'Nodes made due per minute, evenly spaced (0.5: one every 2 minutes)',
    }),
    abort_ratio: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'Stop once this share of finished deliveries failed (after 10 of them)',
    }),
  },
  { additionalProperties: false },
);

export const Rollout = Type.Object({
  id: Id,
  service_id: Id,
  state: Type.Union([
    Type.Literal('running'),
    Type.Literal('completed'),
    Type.Literal('aborted'),
    Type.Literal('cancelled'),
  ]),
  nodes_per_minute: Type.Number(),
  abort_ratio: Type.Number(),
  total: Type.Integer(),
  attempted: Type.Integer({ description: 'Nodes whose rollout delivery ended' }),
  acknowledged: Type.Integer(),
  failed: Type.Integer({ description: 'Failed or refused' }),
  pending: Type.Integer({ description: 'Nodes still waiting for their delivery' }),
  started_at: Timestamp,
  last_slot_at: Timestamp,
  ended_at: Nullable(Timestamp),
  end_reason: Nullable(Type.String()),
});

export const RolloutParams = Type.Object({ serviceId: Id, rolloutId: Id });

export const CurrentMetadata = Type.Object({
  service: Type.Object({ id: Id, name: Type.String() }),
  node: Type.String(),
  kind: Type.String(),
  version: Type.Integer(),
  issued_at: Timestamp,
  expires_at: Timestamp,
  metadata: Type.Record(Type.String(), Type.Unknown(), {
    description: 'What the node acknowledged; a certificate without its private key',
  }),
});
