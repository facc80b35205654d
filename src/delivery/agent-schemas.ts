import { Type } from 'typebox';

// The JSON of pull mode (docs/delivery.md, "Pull mode and the agent"): join tokens, an agent's
// join, its long poll and its answers.

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** A CSR in PEM; the certificates library bounds it again (16 KB) and says what is wrong. */
const Csr = Type.String({ minLength: 1, maxLength: 20_000, description: 'PKCS#10 CSR, PEM' });
const AgentTime = Type.String({
  format: 'date-time',
  description: "The agent's clock when it sent this (ISO 8601), for the skew in the node status",
});

export const JoinTokenInput = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'What it is for' }),
    ),
    expires_in_minutes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 525_600, description: 'Default 1440 (a day)' }),
    ),
  },
  { additionalProperties: false },
);

export const JoinToken = Type.Object({
  id: Id,
  service_id: Id,
  name: Type.String(),
  expires_at: Timestamp,
  revoked_at: Nullable(Timestamp),
  joins: Type.Integer({ description: 'Agents that joined with it' }),
  last_used_at: Nullable(Timestamp),
  created_at: Timestamp,
});

export const NewJoinToken = Type.Object({
  ...JoinToken.properties,
  token: Type.String({ description: 'The secret, shown only in this answer' }),
});

export const JoinTokenParams = Type.Object({ serviceId: Id, tokenId: Id });

export const JoinInput = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'A join token of the service',
    }),
    node: Type.String({ minLength: 1, maxLength: 253, description: "The node's name" }),
    csr: Type.Optional(Csr),
    agent_time: Type.Optional(AgentTime),
  },
  { additionalProperties: false },
);

export const Joined = Type.Object({
  credential: Type.String({ description: "The node's credential, shown only in this answer" }),
  node: Type.String(),
  service: Type.Object({ id: Id, name: Type.String(), kind: Type.String() }),
});

export const PollQuery = Type.Object(
  {
    version: Type.Integer({
      minimum: 0,
      default: 0,
      description: 'The last version the agent applied or refused; a newer one is answered',
    }),
    wait: Type.Integer({
      minimum: 0,
      maximum: 60,
      default: 30,
      description: 'Seconds to wait for a newer version before answering 204',
    }),
  },
  { additionalProperties: false },
);

export const Offer = Type.Object({
  service: Type.Object({ id: Id, name: Type.String() }),
  node: Type.String(),
  kind: Type.String(),
  version: Type.Integer(),
  issued_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  server_time: Type.String({
    format: 'date-time',
    description: "Meridian's clock now: the agent counts the expiry from it, not from its own",
  }),
});

export const AnswerInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    error: Type.Optional(
      Type.String({ maxLength: 10_000, description: 'Set: the version is refused (a NACK)' }),
    ),
    agent_time: AgentTime,
    csr: Type.Optional(Csr),
  },
  { additionalProperties: false },
);

export const Answered = Type.Object({
  version: Type.Integer(),
  state: Type.Union([Type.Literal('acknowledged'), Type.Literal('refused')]),
  server_time: Type.String({ format: 'date-time' }),
});
