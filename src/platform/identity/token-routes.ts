import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { principalOf } from './authenticate.ts';
import * as schemas from './schemas.ts';
import * as identity from './service.ts';
import { listTokens } from './store.ts';

const security = [{ bearer: [] }];

/** A user's API tokens: create (the secret shown once), list, revoke (`/v1/tokens`). */
export function tokenRoutes(app: App, { database: { db }, auth }: Core): void {
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
}
