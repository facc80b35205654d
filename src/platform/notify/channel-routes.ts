import { Type } from 'typebox';
import type { App } from '../http/app.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../http/pagination.ts';
import { problemResponses } from '../http/schemas.ts';
import { principalOf } from '../identity/authenticate.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { createVapidKeys, registerPushSubscription } from './channels/push.ts';
import { createWebhookEndpoint } from './channels/webhook.ts';
import { notifyProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import * as store from './store.ts';

const security = [{ bearer: [] }];
const tags = ['notifications'];

/** Where a user's notifications can be sent: Web Push subscriptions and webhook endpoints. */
export function channelRoutes(app: App, core: Core): void {
  const { db } = core.database;
  const { outboundAllowPrivate } = core.config;
  const onRequest = core.auth.requireUser;
  const vapidKeys = createVapidKeys(db);

  app.get(
    '/v1/push/vapid-public-key',
    {
      schema: {
        tags,
        summary: 'The VAPID public key to pass to pushManager.subscribe as applicationServerKey',
        response: { 200: schemas.VapidPublicKey, ...problemResponses() },
      },
    },
    async () => ({ public_key: (await vapidKeys()).publicKey }),
  );

  app.post(
    '/v1/push/subscriptions',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Register a browser’s PushSubscription (its toJSON()); again updates its keys',
        body: schemas.PushSubscriptionBody,
        response: {
          201: schemas.PushSubscription,
          ...problemResponses(
            notifyProblems,
            'unauthorized',
            'invalid-push-subscription',
            'target-refused',
            'unprocessable',
          ),
        },
      },
    },
    async (request, reply) => {
      const userId = principalOf(request).user.id;
      const row = await registerPushSubscription(db, userId, request.body, outboundAllowPrivate);
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/v1/push/subscriptions',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Your push subscriptions',
        querystring: PageQuery,
        response: { 200: Page(schemas.PushSubscription), ...problemResponses('unauthorized') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const userId = principalOf(request).user.id;
      const rows = await store.listPushSubscriptions(db, userId, decodeIdCursor(cursor), limit + 1);
      return pageOf(rows, limit, (row) => [row.id]);
    },
  );

  app.delete(
    '/v1/push/subscriptions/:subscriptionId',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Unregister a push subscription',
        params: schemas.PushSubscriptionParams,
        response: { 204: Type.Null(), ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const { subscriptionId } = request.params;
      const userId = principalOf(request).user.id;
      if (!(await store.deletePushSubscription(db, subscriptionId, userId))) {
        throw new Problem('not-found', `No push subscription ${subscriptionId}`);
      }
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/webhooks',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Register a webhook endpoint; its signing secret is in this response only',
        body: schemas.WebhookEndpointBody,
        response: {
          201: schemas.NewWebhookEndpoint,
          ...problemResponses('unauthorized', 'target-refused', 'unprocessable'),
        },
      },
    },
    async (request, reply) => {
      const userId = principalOf(request).user.id;
      const row = await createWebhookEndpoint(db, userId, request.body, outboundAllowPrivate);
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/v1/webhooks',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Your webhook endpoints (never their secrets)',
        querystring: PageQuery,
        response: { 200: Page(schemas.WebhookEndpoint), ...problemResponses('unauthorized') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const userId = principalOf(request).user.id;
      const rows = await store.listWebhookEndpoints(db, userId, decodeIdCursor(cursor), limit + 1);
      return pageOf(rows, limit, (row) => [row.id]);
    },
  );

  app.delete(
    '/v1/webhooks/:webhookId',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Delete a webhook endpoint',
        params: schemas.WebhookEndpointParams,
        response: { 204: Type.Null(), ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const { webhookId } = request.params;
      if (!(await store.deleteWebhookEndpoint(db, principalOf(request).user.id, webhookId))) {
        throw new Problem('not-found', `No webhook endpoint ${webhookId}`);
      }
      return reply.code(204).send(null);
    },
  );
}
