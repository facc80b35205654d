import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { principalOf } from './authenticate.ts';
import * as schemas from './schemas.ts';
import * as identity from './service.ts';

const security = [{ bearer: [] }];

/** The members of an organisation: list, add, remove or leave (`/v1/orgs/:orgId/members`). */
export function memberRoutes(app: App, { database: { db }, auth }: Core): void {
  app.get(
    '/v1/orgs/:orgId/members',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'List the members of an organisation you belong to',
        security,
        params: schemas.OrgParams,
        querystring: PageQuery,
        response: { 200: Page(schemas.Member), ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = decodeIdCursor(cursor);
      const rows = await identity.listMembers(
        db,
        principalOf(request).user.id,
        request.params.orgId,
        after,
        limit + 1,
      );
      return pageOf(rows, limit, (member) => [member.user_id]);
    },
  );

  app.post(
    '/v1/orgs/:orgId/members',
    {
      onRequest: auth.requireUser,
      config: { idempotent: true },
      schema: {
        tags: ['identity'],
        summary: 'Add a registered user to an organisation (owners and admins; owners make owners)',
        security,
        params: schemas.OrgParams,
        body: schemas.NewMemberBody,
        response: {
          201: schemas.Member,
          ...problemResponses(
            'unauthorized',
            'forbidden',
            'not-found',
            'conflict',
            'unprocessable',
          ),
        },
      },
    },
    async (request, reply) => {
      const member = await identity.addMember(
        db,
        principalOf(request).user.id,
        request.params.orgId,
        request.body.email,
        request.body.role ?? 'member',
      );
      return reply.code(201).send(member);
    },
  );

  app.delete(
    '/v1/orgs/:orgId/members/:userId',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'Remove a member, or leave (an organisation always keeps an owner)',
        security,
        params: schemas.MemberParams,
        response: {
          204: Type.Null(),
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      await identity.removeMember(
        db,
        principalOf(request).user.id,
        request.params.orgId,
        request.params.userId,
      );
      return reply.code(204).send(null);
    },
  );
}
