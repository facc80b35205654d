import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { expectedVersion, setVersionTag } from '../http/concurrency.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { principalOf } from './authenticate.ts';
import { identityProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import * as identity from './service.ts';
import { listOrganisationsOfMember, listTokens } from './store.ts';

const security = [{ bearer: [] }];

export function identityRoutes(app: App, { database: { db }, auth }: Core): void {
  app.post(
    '/v1/auth/signup',
    {
      config: { idempotent: true },
      schema: {
        tags: ['identity'],
        summary: 'Create an account; returns the user and a token',
        body: schemas.SignUpBody,
        response: {
          201: schemas.SignUpResponse,
          ...problemResponses(identityProblems, 'email-taken'),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await identity.signUp(db, request.body)),
  );

  app.post(
    '/v1/auth/login',
    {
      schema: {
        tags: ['identity'],
        summary: 'Exchange email and password for a token (valid 30 days)',
        body: schemas.LogInBody,
        response: {
          200: schemas.TokenSecret,
          ...problemResponses(identityProblems, 'invalid-credentials'),
        },
      },
    },
    async (request) => {
      const { token } = await identity.logIn(db, request.body.email, request.body.password);
      return { token };
    },
  );

  app.get(
    '/v1/me',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'The user behind the token',
        security,
        response: { 200: schemas.User, ...problemResponses('unauthorized') },
      },
    },
    async (request) => principalOf(request).user,
  );

  app.post(
    '/v1/tokens',
    {
      onRequest: auth.requireUser,
      config: { idempotent: true },
      schema: {
        tags: ['identity'],
        summary: 'Create an API token; its secret is in this response only',
        security,
        body: schemas.NewTokenBody,
        response: { 201: schemas.NewToken, ...problemResponses('unauthorized') },
      },
    },
    async (request, reply) => {
      const expiresAt = request.body.expires_at ? new Date(request.body.expires_at) : null;
      if (expiresAt && expiresAt.getTime() <= Date.now()) {
        throw new Problem('unprocessable', 'expires_at must be in the future');
      }
      const token = await identity.issueToken(
        db,
        principalOf(request).user.id,
        request.body.name,
        expiresAt,
      );
      return reply.code(201).send(token);
    },
  );

  app.get(
    '/v1/tokens',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'List your tokens (never their secrets)',
        security,
        querystring: PageQuery,
        response: { 200: Page(schemas.Token), ...problemResponses('unauthorized') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = decodeIdCursor(cursor);
      const rows = await listTokens(db, principalOf(request).user.id, after, limit + 1);
      return pageOf(rows, limit, (token) => [token.id]);
    },
  );

  app.delete(
    '/v1/tokens/:tokenId',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'Revoke a token',
        security,
        params: schemas.TokenParams,
        response: { 204: Type.Null(), ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const hash = await identity.revokeToken(
        db,
        principalOf(request).user.id,
        request.params.tokenId,
      );
      auth.evict(hash);
      return reply.code(204).send(null);
    },
  );

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
