import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { setVersionTag } from '../platform/http/concurrency.ts';
import { decodeIdCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { requireMember } from './access.ts';
import { BulkResult } from './bulk-schemas.ts';
import { security, tags, userOf } from './catalogue-routes.ts';
import * as orders from './orders.ts';
import { inventoryProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import { findOrder, listOrders } from './store/orders.ts';
import type { Inventory } from './writers.ts';

const orderProblems = [
  'unauthorized',
  'not-found',
  'insufficient-stock',
  'order-state-conflict',
  'unprocessable',
] as const;

/** Orders under `/v1/orgs/:orgId/inventory/orders`: every member may work them. */
export function orderRoutes(app: App, inventory: Inventory): void {
  const { core } = inventory;
  const base = '/v1/orgs/:orgId/inventory/orders';
  const { db } = core.database;
  const onRequest = core.auth.requireUser;
  const actorOf = async (request: { params: { orgId: string } } & Parameters<typeof userOf>[0]) => {
    const userId = userOf(request);
    await requireMember(core, request.params.orgId, userId);
    return { orgId: request.params.orgId, userId };
  };

  app.post(
    base,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Create an order: its lines are reserved at once, all or nothing',
        params: schemas.OrgParams,
        body: schemas.OrderInput,
        response: { 201: schemas.Order, ...problemResponses(inventoryProblems, ...orderProblems) },
      },
    },
    async (request, reply) => {
      const order = await inventory.createOrder(await actorOf(request), request.body);
      setVersionTag(reply, order.version);
      return reply.code(201).send(order);
    },
  );

  app.get(
    base,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The organisation's orders, oldest first; filtered by state",
        params: schemas.OrgParams,
        querystring: schemas.OrderListQuery,
        response: {
          200: Page(schemas.Order),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId } = await actorOf(request);
      const { limit, cursor, state } = request.query;
      const rows = await listOrders(db, orgId, {
        state,
        after: decodeIdCursor(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (row) => [row.id]);
      return {
        ...page,
        items: await orders.loadOrderJsons(db, page.items),
      };
    },
  );

  app.get(
    `${base}/:orderId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One order, with its lines, allocations and shipments',
        params: schemas.OrderParams,
        response: { 200: schemas.Order, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const { orgId } = await actorOf(request);
      const order = await findOrder(db, orgId, request.params.orderId);
      if (!order) throw new Problem('not-found', `No order ${request.params.orderId}`);
      setVersionTag(reply, order.version);
      return orders.loadOrderJson(db, order);
    },
  );

  app.post(
    `${base}/:orderId/fulfilments`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Ship some or all open units (a shipment: carrier and tracking number)',
        params: schemas.OrderParams,
        body: Type.Union([schemas.ShipmentInput, Type.Null()]),
        response: {
          201: schemas.ShipmentResult,
          ...problemResponses(inventoryProblems, ...orderProblems),
        },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(request);
      const result = await orders.shipOrder(
        core,
        actor,
        request.params.orderId,
        request.body ?? {},
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    `${base}/:orderId/cancel`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Cancel an open order: what it still holds is released',
        params: schemas.OrderParams,
        response: { 200: schemas.Order, ...problemResponses(inventoryProblems, ...orderProblems) },
      },
    },
    async (request) => orders.cancelOrder(core, await actorOf(request), request.params.orderId),
  );

  app.post(
    `${base}/:orderId/returns`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Return shipped units to stock (at the location they left, unless given)',
        params: schemas.OrderParams,
        body: schemas.ReturnInput,
        response: { 200: schemas.Order, ...problemResponses(inventoryProblems, ...orderProblems) },
      },
    },
    async (request) =>
      orders.returnToStock(core, await actorOf(request), request.params.orderId, request.body),
  );

  app.post(
    `${base}/fulfilments`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Ship many orders at once: each on its own, with a result per row',
        params: schemas.OrgParams,
        body: schemas.BulkFulfilmentInput,
        response: { 200: BulkResult, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const actor = await actorOf(request);
      return orders.shipOrders(core, actor, request.body.orders);
    },
  );
}
