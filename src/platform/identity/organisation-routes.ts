import type { App } from '../http/app.ts';
import { expectedVersion, setVersionTag } from '../http/concurrency.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { principalOf } from './authenticate.ts';
import * as schemas from './schemas.ts';
import * as identity from './service.ts';
import { listOrganisationsOfMember } from './store.ts';

const security = [{ bearer: [] }];

/** Organisations: create (you become the owner), list yours, read, rename (`/v1/orgs`). */
export function organisationRoutes(app: App, { database: { db }, auth }: Core): void {
  app.post(
    '/v1/orgs',
    {
      onRequest: auth.requireUser,
      config: { idempotent: true },
      schema: {
        tags: ['identity'],
        summary: 'Create an organisation; you become its owner',
        security,
        body: schemas.NewOrganisationBody,
        response: { 201: schemas.Organisation, ...problemResponses('unauthorized') },
      },
    },
    async (request, reply) => {
      const org = await identity.createOrganisation(
        db,
        principalOf(request).user.id,
        request.body.name,
      );
      setVersionTag(reply, org.version);
      return reply.code(201).send(org);
    },
  );

  app.get(
    '/v1/orgs',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'List the organisations you belong to',
        security,
        querystring: PageQuery,
        response: { 200: Page(schemas.Organisation), ...problemResponses('unauthorized') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = decodeIdCursor(cursor);
      const rows = await listOrganisationsOfMember(
        db,
        principalOf(request).user.id,
        after,
        limit + 1,
      );
      return pageOf(rows, limit, (org) => [org.id]);
    },
  );

  app.get(
    '/v1/orgs/:orgId',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'An organisation you belong to',
        security,
        params: schemas.OrgParams,
        response: { 200: schemas.Organisation, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const org = await identity.getOrganisation(
        db,
        principalOf(request).user.id,
        request.params.orgId,
      );
      setVersionTag(reply, org.version);
      return org;
    },
  );

  app.patch(
    '/v1/orgs/:orgId',
    {
      onRequest: auth.requireUser,
      config: { idempotent: true },
      schema: {
        tags: ['identity'],
        summary: 'Rename an organisation (owners and admins); If-Match or version guards the write',
        security,
        params: schemas.OrgParams,
        body: schemas.UpdateOrganisationBody,
        response: {
          200: schemas.Organisation,
          ...problemResponses(
            'unauthorized',
            'forbidden',
            'not-found',
            'version-conflict',
            'precondition-failed',
          ),
        },
      },
    },
    async (request, reply) => {
      const org = await identity.renameOrganisation(
        db,
        principalOf(request).user.id,
        request.params.orgId,
        request.body.name,
        expectedVersion(request, request.body.version),
      );
      setVersionTag(reply, org.version);
      return org;
    },
  );
}
