import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeCursor, Page, PageQuery, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { security, serviceFor, tags, userOf } from './access.ts';
import type { Delivery } from './delivery.ts';
import * as nodes from './nodes.ts';
import { deliveryProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import { listNodes } from './store/nodes.ts';

/** A service's nodes under `/v1/delivery/services/:serviceId/nodes`. */
export function nodeRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const onRequest = core.auth.requireUser;
  const base = '/v1/delivery/services/:serviceId/nodes';

  app.post(
    base,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Register a node (owners and admins; services without a node source)',
        params: schemas.ServiceParams,
        body: schemas.NodeInput,
        response: {
          201: schemas.Node,
          ...problemResponses(
            deliveryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'conflict',
            'invalid-service',
          ),
        },
      },
    },
    async (request, reply) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request), true);
      const node = await nodes.registerNode(delivery, service, request.body.name);
      return reply.code(201).send(nodes.nodeJson(node, service, core.clock.now()));
    },
  );

  app.get(
    base,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The service's nodes by name, each with its delivery status",
        params: schemas.ServiceParams,
        querystring: PageQuery,
        response: {
          200: Page(schemas.Node),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request));
      const { limit, cursor } = request.query;
      const after = decodeCursor(cursor)?.[0];
      const rows = await listNodes(
        db,
        service.id,
        after === undefined ? undefined : String(after),
        limit + 1,
      );
      const page = pageOf(rows, limit, (row) => [row.name]);
      const now = core.clock.now();
      return { ...page, items: page.items.map((row) => nodes.nodeJson(row, service, now)) };
    },
  );

  app.get(
    `${base}/:name`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "One node's delivery status",
        params: schemas.NodeParams,
        response: { 200: schemas.Node, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { serviceId, name } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request));
      const node = await nodes.requireNode(db, service.id, name);
      return nodes.nodeJson(node, service, core.clock.now());
    },
  );

  app.delete(
    `${base}/:name`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Remove a node registered through the API (owners and admins)',
        params: schemas.NodeParams,
        response: {
          204: Type.Null(),
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const { serviceId, name } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request), true);
      await nodes.removeNode(delivery, service, name);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/:name/deliver`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Deliver fresh metadata to this node now (owners and admins)',
        params: schemas.NodeParams,
        response: {
          202: schemas.Node,
          ...problemResponses('unauthorized', 'forbidden', 'not-found'),
        },
      },
    },
    async (request, reply) => {
      const { serviceId, name } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request), true);
      const node = await nodes.deliverNow(delivery, service, name);
      return reply.code(202).send(nodes.nodeJson(node, service, core.clock.now()));
    },
  );
}
