import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { problemResponses } from '../http/schemas.ts';
import type { Core } from '../module.ts';
import { principalOf } from './authenticate.ts';
import { identityProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import * as identity from './service.ts';

const security = [{ bearer: [] }];

/** Accounts: sign up, log in and out, and who the token belongs to (`/v1/auth/*`, `/v1/me`). */
export function authRoutes(app: App, { database: { db }, auth }: Core): void {
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

  app.post(
    '/v1/auth/logout',
    {
      onRequest: auth.requireUser,
      schema: {
        tags: ['identity'],
        summary: 'Revoke the token this request carries (sign out)',
        security,
        response: { 204: Type.Null(), ...problemResponses('unauthorized') },
      },
    },
    async (request, reply) => {
      const { user, tokenId } = principalOf(request);
      auth.evict(await identity.revokeToken(db, user.id, tokenId));
      return reply.code(204).send(null);
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
}
