import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeIdCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import * as brief from './brief.ts';
import * as schemas from './brief-schemas.ts';
import { bulkAnswer, rowOutcome } from './bulk.ts';
import { BulkResult } from './bulk-schemas.ts';
import { requireItem } from './catalogue.ts';
import { security, userOf } from './catalogue-routes.ts';
import { inventoryProblems } from './problems.ts';
import { Order } from './schemas.ts';
import { SearchHit, searchPage } from './search-routes.ts';
import * as store from './store/catalogue.ts';
import type { Inventory } from './writers.ts';

const tags = ['inventory (brief API)'];

/**
 * Brief 001's API, as its design note writes it, for clients written against the note: each
 * route is an alias of the clean `/v1/orgs/:orgId/inventory/…` API (docs/inventory.md, "The
 * brief's API"). The organisation is the one named (`org_id` or `Meridian-Organisation`), else
 * the caller's only one; `user_id`, when sent, must be the caller.
 */
export function briefRoutes(app: App, inventory: Inventory): void {
  const { core } = inventory;
  const onRequest = core.auth.requireUser;
  const { db } = core.database;

  /** The caller and the organisation the call acts on. */
  async function actorOf(request: FastifyRequest, body: { user_id?: string; org_id?: string }) {
    const userId = userOf(request);
    if (body.user_id && body.user_id !== userId)
      throw new Problem('not-found', `No user ${body.user_id}`);
    const header = request.headers['meridian-organisation'];
    const named = body.org_id ?? (typeof header === 'string' ? header : undefined);
    return { userId, orgId: await core.identity.organisationOf(userId, named) };
  }

  app.get(
    '/getInventory',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          'Every item, with its quantities summed over locations (alias of …/inventory/items)',
        querystring: schemas.BriefQuery,
        response: {
          200: Page(schemas.BriefItem),
          ...problemResponses('unauthorized', 'not-found', 'bad-request', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId } = await actorOf(request, request.query);
      const { limit, cursor } = request.query;
      const rows = await store.listItems(db, orgId, {
        after: decodeIdCursor(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (row) => [row.id]);
      return { ...page, items: await brief.withTotals(core, orgId, page.items) };
    },
  );

  app.get(
    '/getInventory/:item_id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One item, with its quantities summed over locations',
        params: schemas.BriefItemParams,
        querystring: schemas.BriefItemQuery,
        response: {
          200: schemas.BriefItem,
          ...problemResponses('unauthorized', 'not-found', 'bad-request'),
        },
      },
    },
    async (request) => {
      const { orgId } = await actorOf(request, request.query);
      const item = await requireItem(db, orgId, request.params.item_id);
      return (await brief.withTotals(core, orgId, [item]))[0];
    },
  );

  app.get(
    '/Inventory/search',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          'Search items by SKU, name and description, best first (alias of …/inventory/search)',
        querystring: schemas.BriefSearchQuery,
        response: {
          200: Page(SearchHit),
          ...problemResponses('unauthorized', 'not-found', 'bad-request', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId } = await actorOf(request, request.query);
      const { query, limit, cursor } = request.query;
      return searchPage(core, orgId, { q: query, limit, cursor });
    },
  );

  app.post(
    '/updateInventory/BULK',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Update or create many items from parallel arrays, with a result per row',
        body: schemas.BriefBulkUpdate,
        response: {
          200: BulkResult,
          ...problemResponses('unauthorized', 'not-found', 'bad-request'),
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, request.body);
      const { item_ids, item_names, item_contents, item_medias } = request.body;
      const results = [];
      for (const [row, itemId] of item_ids.entries()) {
        const change = {
          item_name: item_names?.[row],
          item_content: item_contents?.[row],
          item_media: item_medias?.[row],
        };
        results.push(
          await rowOutcome(row, async () => {
            const { item, created } = await brief.updateBriefItem(inventory, actor, itemId, change);
            return { status: created ? 'created' : 'updated', id: item.id };
          }),
        );
      }
      return bulkAnswer(results);
    },
  );

  app.post(
    '/updateInventory/:item_id',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Update an item (name, content, media; quantity on hand), or create it',
        params: schemas.BriefItemParams,
        body: schemas.BriefUpdate,
        response: {
          200: schemas.BriefItem,
          ...problemResponses(
            inventoryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'bad-request',
            'sku-taken',
            'conflict',
            'unprocessable',
          ),
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, request.body);
      const itemId = request.params.item_id;
      if (request.body.item_id && request.body.item_id !== itemId) {
        throw new Problem('bad-request', 'item_id in the body differs from the one in the path');
      }
      const { item } = await brief.updateBriefItem(inventory, actor, itemId, request.body);
      return (await brief.withTotals(core, actor.orgId, [item]))[0];
    },
  );

  app.post(
    '/fulfillInventory/Bulk',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Ship one unit (or quantities[i]) of each item now, with a result per row',
        body: schemas.BriefBulkFulfil,
        response: {
          200: BulkResult,
          ...problemResponses('unauthorized', 'not-found', 'bad-request'),
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, request.body);
      const { item_ids, quantities } = request.body;
      const results = [];
      for (const [row, itemId] of item_ids.entries()) {
        const quantity = quantities?.[row];
        results.push(
          await rowOutcome(row, async () => {
            const order = await brief.fulfilItemNow(inventory, actor, itemId, { quantity });
            return { status: 'created', id: order.id };
          }),
        );
      }
      return bulkAnswer(results);
    },
  );

  app.post(
    '/fulfillInventory/:item_id',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Ship units of an item now: an order of one line, reserved and shipped at once',
        params: schemas.BriefItemParams,
        body: Type.Union([schemas.BriefFulfil, Type.Null()]),
        response: {
          200: Order,
          ...problemResponses(
            inventoryProblems,
            'unauthorized',
            'not-found',
            'bad-request',
            'insufficient-stock',
          ),
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, request.body ?? {});
      return brief.fulfilItemNow(inventory, actor, request.params.item_id, request.body ?? {});
    },
  );
}
