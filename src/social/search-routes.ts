import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { callerProfileId } from './activity.ts';
import { hydratePosts } from './hydrate.ts';
import { type SocialId, socialId } from './ids.ts';
import { Post, ProfileSummary } from './post-schemas.ts';
import { summaryJson } from './profiles.ts';
import type { Social } from './social.ts';
import { tagPostIds } from './store/posts.ts';
import { searchProfiles } from './store/profiles.ts';
import { searchPostIds } from './store/search.ts';
import { normaliseTag } from './text.ts';

// `GET /v1/social/search` (docs/social.md, "Search"): profiles by handle and display name, with
// typos of the handle forgiven; posts by their words, or by a `#tag`. `q` is bounded, so no query
// string makes a costly search.

const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'Words of a handle or name' }),
    type: Type.Union([Type.Literal('profiles'), Type.Literal('posts')], { default: 'profiles' }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

/**
 * `GET /v1/social/search?q=&type=profiles|posts`: profiles ranked, typo-tolerant; posts newest
 * first. Both in keyset pages.
 */
export function searchRoutes(app: App, social: Social): void {
  app.get(
    '/v1/social/search',
    {
      onRequest: social.core.auth.requireUser,
      schema: {
        tags: ['social'],
        security: [{ bearer: [] }],
        summary: 'Search profiles (best first) or posts (newest first; `#tag` for a hashtag)',
        querystring: SearchQuery,
        response: {
          200: Type.Union([Page(ProfileSummary), Page(Post)]),
          ...problemResponses('unauthorized', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const me = await callerProfileId(social, request);
      const { q, limit, cursor } = request.query;
      if (request.query.type === 'posts') return searchPosts(social, me, request.query);
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

/**
 * A page of the posts matching `q`, newest first, as `viewerId` sees them: deleted posts, and
 * those of accounts blocked either way or muted, are left out (by hydration, after the page is
 * cut, so the cursor stays on the rows read). `#tag` (alone) searches the tag.
 */
async function searchPosts(
  social: Social,
  viewerId: SocialId,
  query: { q: string; limit: number; cursor?: string },
) {
  const { db } = social.core.database;
  const beforeId = postCursor(query.cursor);
  const words = query.q.trim();
  const tag = /^#\S+$/u.test(words) ? normaliseTag(words.slice(1)) : undefined;
  const ids =
    tag !== undefined
      ? await tagPostIds(db, tag, { maxId: beforeId, limit: query.limit + 1 })
      : words === '' || words.startsWith('#')
        ? []
        : await searchPostIds(db, words, beforeId, query.limit + 1);
  const page = pageOf(ids, query.limit, (id) => [id]);
  const items = await hydratePosts(social, viewerId, page.items, { hideMuted: true });
  social.impressions.record(
    viewerId,
    items.map((post) => post.id),
  );
  return { items, next_cursor: page.next_cursor };
}

/** The id of the previous page's last post; anything else is a 400. */
function postCursor(cursor: string | undefined): SocialId | undefined {
  const [id] = decodeCursor(cursor, 1) ?? [];
  if (id === undefined) return undefined;
  if (typeof id === 'string' && /^[0-9]{1,19}$/.test(id)) return socialId(id, 'cursor');
  throw new Problem('invalid-cursor', 'The cursor is not one this search gave out');
}
