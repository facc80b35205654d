import { type Static, Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { isUuid } from '../platform/ids.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { requireMember } from './access.ts';
import { itemJson } from './catalogue.ts';
import { security, tags, userOf } from './catalogue-routes.ts';
import { Id, Item, OrgParams } from './schemas.ts';
import { searchItems } from './store/search.ts';

/** `GET …/search`: `q` is bounded, so no query string makes a costly search. */
const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 200, default: '', description: 'SKU, name or description words' }),
    category_id: Type.Optional(Id),
    location_id: Type.Optional(Id),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
    low_stock: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

export const SearchHit = Type.Object({
  ...Item.properties,
  rank: Type.Union([Type.Number(), Type.Null()], {
    description: 'Higher is better: 10 for the exact SKU, plus text rank and typo similarity',
  }),
});

/** `GET …/inventory/search`: ranked, typo-tolerant item search with filters and keyset pages. */
export function searchRoutes(app: App, core: Core): void {
  app.get(
    '/v1/orgs/:orgId/inventory/search',
    {
      onRequest: core.auth.requireUser,
      schema: {
        tags,
        security,
        summary: 'Search items by SKU, name and description, best first (by name when q is empty)',
        params: OrgParams,
        querystring: SearchQuery,
        response: {
          200: Page(SearchHit),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      await requireMember(core, orgId, userOf(request));
      return searchPage(core, orgId, request.query);
    },
  );
}

/** One page of a search (the route's, and the brief's `/Inventory/search`). */
export async function searchPage(
  core: Core,
  orgId: string,
  search: Omit<Static<typeof SearchQuery>, 'q'> & { q: string },
) {
  const { q, category_id, location_id, status, low_stock, limit, cursor } = search;
  const query = q.trim();
  const hits = await searchItems(
    core.database.db,
    orgId,
    {
      q: query,
      categoryId: category_id,
      locationId: location_id,
      status,
      lowStock: low_stock,
      limit: limit + 1,
    },
    searchCursor(cursor, query === '' ? 'string' : 'number'),
  );
  const page = pageOf(hits, limit, (hit) => [query === '' ? hit.name : (hit.rank ?? 0), hit.id]);
  return { ...page, items: page.items.map((hit) => ({ ...itemJson(hit), rank: hit.rank })) };
}

/**
 * The key of the last hit of the previous page: (rank, id) for a search, (name, id) for the
 * list by name. A cursor of the other kind, or tampered, is a 400.
 */
function searchCursor(cursor: string | undefined, first: 'number' | 'string') {
  const key = decodeCursor(cursor, 2);
  if (key === undefined) return undefined;
  const [head, id] = key;
  if (typeof head === first && typeof id === 'string' && isUuid(id)) {
    return key as [number, string] | [string, string];
  }
  throw new Problem('invalid-cursor', 'The cursor is not one this search gave out');
}
