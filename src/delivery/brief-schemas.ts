import { type Static, Type } from 'typebox';
import { MetadataKind, NodeSourceInput, RenewalWindow } from './schemas.ts';

// The brief's calls as it writes them: `GetMetaData(node_id, serviceName_id)`,
// `Register(servicename_id, s3_file_link)`, `Refresh(serviceName_id, new_node_id)`. Their fields
// come in the JSON body or the query (the body wins); the brief spells the service both
// `serviceName_id` and `servicename_id`, and both are taken. Credentials go in the body only.

const serviceRef = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "The service's id, or its name in the organisation",
});
const orgId = Type.String({ format: 'uuid' });
const nodeName = Type.String({ minLength: 1, maxLength: 253 });

const briefService = {
  serviceName_id: Type.Optional(serviceRef),
  servicename_id: Type.Optional(serviceRef),
  org_id: Type.Optional(orgId),
};

export const GetMetaDataInput = Type.Object(
  { ...briefService, node_id: Type.Optional(nodeName) },
  { additionalProperties: false },
);
export type GetMetaDataInput = Static<typeof GetMetaDataInput>;

const registerPublic = {
  ...briefService,
  s3_file_link: Type.Optional(
    Type.String({ minLength: 1, maxLength: 2048, description: 's3://bucket/key or https://…' }),
  ),
  push_url_template: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  kind: Type.Optional(MetadataKind),
  lifetime_minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 573_120 })),
  s3_region: NodeSourceInput.properties.s3_region,
  s3_endpoint: NodeSourceInput.properties.s3_endpoint,
};

/** Register's query: everything but credentials, which do not belong in URLs (and logs). */
export const RegisterQuery = Type.Object(registerPublic, { additionalProperties: false });

export const RegisterBody = Type.Object(
  {
    ...registerPublic,
    access_key_id: NodeSourceInput.properties.access_key_id,
    secret_access_key: NodeSourceInput.properties.secret_access_key,
    session_token: NodeSourceInput.properties.session_token,
    fetch_url_template: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    static_metadata: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), Type.Unknown())),
    renewal_window: Type.Optional(RenewalWindow),
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const RefreshInput = Type.Object(
  { ...briefService, new_node_id: Type.Optional(nodeName) },
  { additionalProperties: false },
);
