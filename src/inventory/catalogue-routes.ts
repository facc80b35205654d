import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import { expectedVersion, setVersionTag } from '../platform/http/concurrency.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import type { Core } from '../platform/module.ts';
import { requireKeeper, requireMember } from './access.ts';
import * as catalogue from './catalogue.ts';
import { inventoryProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import * as store from './store/catalogue.ts';

export const security = [{ bearer: [] }];
export const tags = ['inventory'];

/** The caller, who acts in the organisation of the route. */
export const userOf = (request: FastifyRequest) => principalOf(request).user.id;

/** Items, categories and locations under `/v1/orgs/:orgId/inventory`. */
export function catalogueRoutes(app: App, core: Core): void {
  const { db } = core.database;
  const onRequest = core.auth.requireUser;
  const base = '/v1/orgs/:orgId/inventory';

  app.post(
    `${base}/items`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Create an item (owners and admins)',
        params: schemas.OrgParams,
        body: schemas.ItemInput,
        response: {
          201: schemas.Item,
          ...problemResponses(
            inventoryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'sku-taken',
            'unprocessable',
          ),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      await requireKeeper(core, orgId, userOf(request));
      const item = await catalogue.createItem(core, orgId, request.body);
      setVersionTag(reply, item.version);
      return reply.code(201).send(catalogue.itemJson(item));
    },
  );

  app.get(
    `${base}/items`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The organisation's items, oldest first; filtered by status and category",
        params: schemas.OrgParams,
        querystring: schemas.ItemListQuery,
        response: {
          200: Page(schemas.Item),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await requireMember(core, orgId, userOf(request));
      const { limit, cursor, status, category_id } = request.query;
      const rows = await store.listItems(db, orgId, {
        status,
        categoryId: category_id,
        after: decodeIdCursor(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (row) => [row.id]);
      return { ...page, items: page.items.map(catalogue.itemJson) };
    },
  );

  app.get(
    `${base}/items/:itemId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One item',
        params: schemas.ItemParams,
        response: { 200: schemas.Item, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const { orgId, itemId } = request.params;
      await requireMember(core, orgId, userOf(request));
      const item = await catalogue.requireItem(db, orgId, itemId);
      setVersionTag(reply, item.version);
      return catalogue.itemJson(item);
    },
  );

  app.patch(
    `${base}/items/:itemId`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Change an item (owners and admins); If-Match or version guards a lost update',
        params: schemas.ItemParams,
        body: schemas.ItemPatch,
        response: {
          200: schemas.Item,
          ...problemResponses(
            inventoryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'sku-taken',
            'version-conflict',
            'precondition-failed',
            'unprocessable',
          ),
        },
      },
    },
    async (request, reply) => {
      const { orgId, itemId } = request.params;
      await requireKeeper(core, orgId, userOf(request));
      const { version, ...patch } = request.body;
      const item = await catalogue.updateItem(
        core,
        orgId,
        itemId,
        patch,
        expectedVersion(request, version),
      );
      setVersionTag(reply, item.version);
      return catalogue.itemJson(item);
    },
  );

  app.post(
    `${base}/categories`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Create a category, under a parent if given (owners and admins)',
        params: schemas.OrgParams,
        body: schemas.CategoryInput,
        response: {
          201: schemas.Category,
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
      const { orgId } = request.params;
      await requireKeeper(core, orgId, userOf(request));
      return reply.code(201).send(await catalogue.createCategory(db, orgId, request.body));
    },
  );

  app.get(
    `${base}/categories`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The organisation's categories",
        params: schemas.OrgParams,
        querystring: PageQuery,
        response: {
          200: Page(schemas.Category),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await requireMember(core, orgId, userOf(request));
      const { limit, cursor } = request.query;
      const rows = await store.listCategories(db, orgId, decodeIdCursor(cursor), limit + 1);
      return pageOf(rows, limit, (row) => [row.id]);
    },
  );

  locationRoutes(app, core, base);
}

function locationRoutes(app: App, core: Core, base: string): void {
  const { db } = core.database;
  const onRequest = core.auth.requireUser;

  app.post(
    `${base}/locations`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Create a location (a warehouse or a store; owners and admins)',
        params: schemas.OrgParams,
        body: schemas.LocationInput,
        response: {
          201: schemas.Location,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      await requireKeeper(core, orgId, userOf(request));
      const location = await catalogue.createLocation(db, orgId, request.body);
      return reply.code(201).send(catalogue.locationJson(location));
    },
  );

  app.get(
    `${base}/locations`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The organisation's locations, first to fulfil first",
        params: schemas.OrgParams,
        response: {
          200: schemas.LocationList,
          ...problemResponses('unauthorized', 'not-found'),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await requireMember(core, orgId, userOf(request));
      const locations = await store.listLocations(db, orgId);
      return { items: locations.map(catalogue.locationJson) };
    },
  );

  app.patch(
    `${base}/locations/:locationId`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Change a location: its name, kind, priority or address (owners and admins)',
        params: schemas.LocationParams,
        body: schemas.LocationPatch,
        response: {
          200: schemas.Location,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request) => {
      const { orgId, locationId } = request.params;
      await requireKeeper(core, orgId, userOf(request));
      const location = await catalogue.updateLocation(db, orgId, locationId, request.body);
      return catalogue.locationJson(location);
    },
  );
}
