import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { security } from './access.ts';
import type { Delivery } from './delivery.ts';
import { rangesOf, setRanges } from './ranges.ts';

const OrgParams = Type.Object({ orgId: Type.String({ format: 'uuid' }) });
const Ranges = Type.Object({ org_id: Type.String(), ranges: Type.Array(Type.String()) });
const RangesInput = Type.Object(
  {
    ranges: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
      maxItems: 1000,
      description: 'CIDR ranges (10.20.0.0/16, fd00::/8) or single addresses; [] allows none',
    }),
  },
  { additionalProperties: false },
);

/** The operators' routes for an organisation's private ranges (docs/delivery.md). */
export function rangeRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const path = '/v1/admin/organisations/:orgId/delivery-ranges';
  const onRequest = core.auth.requireOperator;
  const tags = ['admin'];

  app.get(
    path,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The private ranges the organisation's deliveries may reach",
        params: OrgParams,
        response: { 200: Ranges, ...problemResponses('unauthorized', 'forbidden', 'not-found') },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await requireOrganisation(core, orgId);
      return { org_id: orgId, ranges: await rangesOf(db, orgId) };
    },
  );

  app.put(
    path,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "Replace the private ranges the organisation's deliveries may reach (operators)",
        params: OrgParams,
        body: RangesInput,
        response: {
          200: Ranges,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'validation-failed'),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await requireOrganisation(core, orgId);
      const userId = principalOf(request).user.id;
      return { org_id: orgId, ranges: await setRanges(db, orgId, request.body.ranges, userId) };
    },
  );
}

/** Every organisation has an owner: none means no organisation. */
async function requireOrganisation(core: Core, orgId: string): Promise<void> {
  const owners = await core.identity.membersWithRole(orgId, ['owner']);
  if (owners.length === 0) throw new Problem('not-found', `No organisation ${orgId}`);
}
