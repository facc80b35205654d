import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { type SocialId, socialId } from './ids.ts';
import { ProfileSummary } from './post-schemas.ts';
import { myProfileId } from './profile-routes.ts';
import { summaryJson } from './profiles.ts';
import type { Social } from './social.ts';
import { searchProfiles } from './store/profiles.ts';

// `GET /v1/social/search` (docs/social.md, "Search"): profiles by handle and display name, with
// typos of the handle forgiven. `q` is bounded, so no query string makes a costly search.

const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'Words of a handle or name' }),
    type: Type.Literal('profiles', { default: 'profiles' }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

/** `GET /v1/social/search?q=&type=profiles`: ranked, typo-tolerant, in keyset pages. */
export function searchRoutes(app: App, social: Social): void {
  app.get(
    '/v1/social/search',
    {
      onRequest: social.core.auth.requireUser,
      schema: {
        tags: ['social'],
        security: [{ bearer: [] }],
        summary: 'Search profiles by handle and display name, best first',
        querystring: SearchQuery,
        response: {
          200: Page(ProfileSummary),
          ...problemResponses('unauthorized', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const me = await myProfileId(social, request);
      const { q, limit, cursor } = request.query;
      const words = q.trim().replace(/^@/, '');
      if (words === '') return { items: [], next_cursor: null };
      const hits = await searchProfiles(
        social.core.database.db,
        me,
        words,
        searchCursor(cursor),
        limit + 1,
      );
      const page = pageOf(hits, limit, (hit) => [hit.rank, hit.id]);
      return { ...page, items: page.items.map((hit) => summaryJson(social, hit)) };
    },
  );
}

/** The rank and id of the previous page's last hit; anything else is a 400. */
function searchCursor(cursor: string | undefined): [number, SocialId] | undefined {
  const key = decodeCursor(cursor, 2);
  if (key === undefined) return undefined;
  const [rank, id] = key;
  if (typeof rank === 'number' && Number.isFinite(rank) && typeof id === 'string') {
    if (/^[0-9]{1,19}$/.test(id)) return [rank, socialId(id, 'cursor')];
  }
  throw new Problem('invalid-cursor', 'The cursor is not one this search gave out');
}
