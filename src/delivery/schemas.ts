import { type Static, Type } from 'typebox';

// The delivery JSON of docs/delivery.md. Shapes and bounds are checked here (a 400 naming the
// field); what needs the delivery libraries (a name, a window, a location, a URL template) by
// services.ts (a 422 `invalid-service` naming the field).

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const UrlTemplate = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'An https URL; `{node}` is replaced by the node name',
});

export const MetadataKind = Type.Union([
  Type.Literal('certificate'),
  Type.Literal('fetched'),
  Type.Literal('static'),
]);

export const DeliveryMode = Type.Union([Type.Literal('push'), Type.Literal('pull')], {
  description: 'push (default): Meridian POSTs to the node; pull: an agent on the node long-polls',
});

export const RenewalWindow = Type.Object(
  {
    start: Type.Optional(Type.Number({ description: 'Fraction of the lifetime; default 0.5' })),
    end: Type.Optional(Type.Number({ description: 'Default 0.6' })),
    danger_at: Type.Optional(Type.Number({ description: 'Default 0.9' })),
  },
  { additionalProperties: false },
);

export const NodeSourceInput = Type.Object(
  {
    location: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 's3://bucket/key or https://…',
    }),
    s3_endpoint: Type.Optional(Type.String({ maxLength: 2048 })),
    s3_region: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
    access_key_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    secret_access_key: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    session_token: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    allow_empty: Type.Optional(
      Type.Boolean({ description: 'Let a list of no nodes remove every node (default false)' }),
    ),
  },
  { additionalProperties: false },
);
export type NodeSourceInput = Static<typeof NodeSourceInput>;

const settable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  lifetime_minutes: Type.Integer({
    minimum: 1,
    maximum: 573_120,
    description: '1 minute to 398 days',
  }),
  renewal_window: RenewalWindow,
  push_url_template: UrlTemplate,
  fetch_url_template: UrlTemplate,
  static_metadata: Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), {
    maxProperties: 100,
  }),
  concurrency: Type.Integer({ minimum: 1, maximum: 64 }),
  node_source: Nullable(NodeSourceInput),
  failure_alarm_ratio: Type.Number({
    exclusiveMinimum: 0,
    maximum: 1,
    description: 'The share of failing nodes that raises the service-failing alarm; default 0.2',
  }),
};

export const ServiceInput = Type.Object(
  {
    org_id: Id,
    name: settable.name,
    kind: MetadataKind,
    lifetime_minutes: settable.lifetime_minutes,
    renewal_window: Type.Optional(settable.renewal_window),
    mode: Type.Optional(DeliveryMode),
    push_url_template: Type.Optional(settable.push_url_template),
    fetch_url_template: Type.Optional(settable.fetch_url_template),
    static_metadata: Type.Optional(settable.static_metadata),
    concurrency: Type.Optional(settable.concurrency),
    node_source: Type.Optional(settable.node_source),
    failure_alarm_ratio: Type.Optional(settable.failure_alarm_ratio),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

export const ServicePatch = Type.Partial(
  Type.Object({ ...settable, version: Type.Integer({ minimum: 1 }) }),
  { additionalProperties: false, minProperties: 1 },
);
export type ServicePatch = Static<typeof ServicePatch>;

export const NodeSourceView = Type.Object({
  location: Type.String(),
  s3_endpoint: Nullable(Type.String()),
  s3_region: Nullable(Type.String()),
  has_credentials: Type.Boolean(),
  allow_empty: Type.Boolean(),
  etag: Nullable(Type.String()),
  checked_at: Nullable(Timestamp),
  synced_at: Nullable(Timestamp),
  error: Nullable(Type.String()),
});

export const Service = Type.Object({
  id: Id,
  org_id: Id,
  name: Type.String(),
  kind: MetadataKind,
  lifetime_minutes: Type.Integer(),
  renewal_window: Type.Object({
    start: Type.Number(),
    end: Type.Number(),
    danger_at: Type.Number(),
  }),
  mode: DeliveryMode,
  push_url_template: Nullable(Type.String()),
  fetch_url_template: Nullable(Type.String()),
  static_metadata: Nullable(Type.Record(Type.String(), Type.Unknown())),
  concurrency: Type.Integer(),
  node_source: Nullable(NodeSourceView),
  failure_alarm_ratio: Type.Number(),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
  notes: Type.Optional(Type.Array(Type.String(), { description: 'Remarks on the window, once' })),
});

export const ServiceParams = Type.Object({ serviceId: Id });
export const NodeParams = Type.Object({
  serviceId: Id,
  name: Type.String({ minLength: 1, maxLength: 253 }),
});
export const OrgQuery = Type.Object({ org_id: Id }, { additionalProperties: false });
export const ServiceListQuery = Type.Object(
  {
    org_id: Id,
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

export const NodeInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 253 }) },
  { additionalProperties: false },
);

export const NodePhase = Type.Union([
  Type.Literal('new'),
  Type.Literal('fresh'),
  Type.Literal('renewing'),
  Type.Literal('danger'),
  Type.Literal('expired'),
]);

export const Node = Type.Object({
  name: Type.String(),
  origin: Type.Union([Type.Literal('api'), Type.Literal('source'), Type.Literal('agent')]),
  state: Type.Union([
    Type.Literal('new'),
    Type.Literal('acknowledged'),
    Type.Literal('refused'),
    Type.Literal('failed'),
  ]),
  phase: NodePhase,
  delivered_version: Type.Integer(),
  current_version: Nullable(Type.Integer()),
  refused_version: Nullable(Type.Integer()),
  serial_number: Nullable(Type.String()),
  issued_at: Nullable(Timestamp),
  expires_at: Nullable(Timestamp),
  next_delivery_at: Nullable(Timestamp),
  delivering: Type.Boolean(),
  attempts: Type.Integer(),
  last_attempt_at: Nullable(Timestamp),
  last_success_at: Nullable(Timestamp),
  last_error: Nullable(Type.String()),
  agent_seen_at: Nullable(Timestamp),
  clock_skew_ms: Nullable(
    Type.Integer({
      description: "Meridian's clock minus the agent's, at its last acknowledgement",
    }),
  ),
  created_at: Timestamp,
});

export const ServiceStatus = Type.Object({
  service_id: Id,
  nodes: Type.Integer(),
  new: Type.Integer({ description: 'Nothing delivered yet' }),
  healthy: Type.Integer({ description: 'Before the renewal window' }),
  renewing: Type.Integer({ description: 'In the renewal window' }),
  danger: Type.Integer({ description: 'Past the danger point, not yet expired' }),
  expired: Type.Integer(),
  failing: Type.Integer({ description: 'Whose last delivery failed or was refused' }),
  delivering: Type.Integer({ description: 'With a delivery in flight' }),
  node_source: Nullable(NodeSourceView),
});

export const Authority = Type.Object({
  org_id: Id,
  certificate_pem: Type.String(),
  serial_number: Type.String(),
  not_after: Timestamp,
});
