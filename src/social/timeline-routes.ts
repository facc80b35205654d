import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { callerProfileId } from './activity.ts';
import { hydrateFrom } from './hydrate.ts';
import { firstIdAt, millisecondOf, olderThan, type SocialId, socialId } from './ids.ts';
import type { Social } from './social.ts';
import { HomePage, HomeQuery } from './timeline-schemas.ts';
import { homeEntries, settleMs } from './timelines.ts';

const tags = ['social'];
const security = [{ bearer: [] }];

/** The home timeline: `GET /v1/social/timelines/home`. */
export function timelineRoutes(app: App, social: Social): void {
  app.get(
    '/v1/social/timelines/home',
    {
      onRequest: social.core.auth.requireUser,
      schema: {
        tags,
        security,
        summary: 'The posts of the accounts you follow, and yours, newest first',
        querystring: HomeQuery,
        response: { 200: HomePage, ...problemResponses('unauthorized', 'bad-request') },
      },
    },
    async (request) => homePage(social, await callerProfileId(social, request), request.query),
  );
}

/**
 * One home page as the API answers it: the entries hydrated (posts deleted or blocked since
 * dropped), the impressions recorded, and the cursors.
 */
export async function homePage(social: Social, viewerId: SocialId, query: HomeQuery) {
  const { entries, rebuilt, states } = await homeEntries(social, viewerId, {
    limit: query.limit,
    ...(query.max_id !== undefined && { maxId: socialId(query.max_id, 'max_id') }),
    ...(query.since_id !== undefined && { sinceId: socialId(query.since_id, 'since_id') }),
    ...(query.min_id !== undefined && { minId: socialId(query.min_id, 'min_id') }),
  });
  const items = await hydrateFrom(
    social,
    states,
    entries.map((entry) => entry.entryId),
  );
  const ids = items.map((item) => item.id);
  social.impressions.record(viewerId, ids);
  return {
    items,
    next_max_id: ids.at(-1) ?? null,
    next_since_id: nextSinceId(ids, query.since_id ?? query.min_id),
    rebuilt,
  } satisfies HomePage;
}

/**
 * Where a poll continues: the page's newest id, unless it is younger than the settle time, when
 * it is the newest id older than that (or the settle line itself), never below what was asked.
 */
export function nextSinceId(ids: SocialId[], asked: SocialId | undefined): SocialId | null {
  const settled = firstIdAt(new Date(Date.now() - settleMs));
  const newestSettled = ids.find((id) => millisecondOf(id) < Date.now() - settleMs);
  const candidate = ids.length === 0 ? undefined : (newestSettled ?? settled);
  if (candidate === undefined) return asked ?? null;
  return asked !== undefined && olderThan(candidate, asked) ? asked : candidate;
}
