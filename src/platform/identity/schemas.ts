import { type Static, Type } from 'typebox';
import { Name as NameOf } from '../http/schemas.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 8, maxLength: 1024 });
const Name = NameOf({ maxLength: 200 });
const Id = Type.String({ format: 'uuid' });
// A Date in the code, an ISO 8601 string on the wire.
const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const Role = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('member'),
]);

export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  is_operator: Type.Boolean(),
  created_at: Timestamp,
});

export const SignUpBody = Type.Object(
  { email: Email, password: Password, name: Name },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const LogInBody = Type.Object(
  { email: Email, password: Type.String({ maxLength: 1024 }) },
  { additionalProperties: false },
);

export const TokenSecret = Type.Object({ token: Type.String() });

export const SignUpResponse = Type.Object({ user: User, token: Type.String() });

export const Token = Type.Object({
  id: Id,
  name: Type.String(),
  created_at: Timestamp,
  expires_at: Type.Union([Timestamp, Type.Null()]),
  revoked_at: Type.Union([Timestamp, Type.Null()]),
});

export const NewTokenBody = Type.Object(
  {
    name: Name,
    expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const NewToken = Type.Object({
  id: Id,
  name: Type.String(),
  created_at: Timestamp,
  expires_at: Type.Union([Timestamp, Type.Null()]),
  token: Type.String({ description: 'The secret: shown this once, never again' }),
});

export const Organisation = Type.Object({
  id: Id,
  name: Type.String(),
  version: Type.Integer(),
  role: Role,
  created_at: Timestamp,
});

export const NewOrganisationBody = Type.Object({ name: Name }, { additionalProperties: false });

export const UpdateOrganisationBody = Type.Object(
  {
    name: Name,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Or send If-Match' })),
  },
  { additionalProperties: false },
);

export const Member = Type.Object({
  user_id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  created_at: Timestamp,
});

export const NewMemberBody = Type.Object(
  { email: Email, role: Type.Optional(Role) },
  { additionalProperties: false },
);

export const OrgParams = Type.Object({ orgId: Id });
export const MemberParams = Type.Object({ orgId: Id, userId: Id });
export const TokenParams = Type.Object({ tokenId: Id });
