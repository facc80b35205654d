import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeCursor, Page, PageQuery, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { callerProfileId } from './activity.ts';
import * as graph from './graph.ts';
import { type SocialId, socialId } from './ids.ts';
import { ProfileSummary } from './post-schemas.ts';
import { socialProblems } from './problems.ts';
import * as schemas from './profile-schemas.ts';
import { profileJson, requireProfile, summaryJson, updateMyProfile } from './profiles.ts';
import type { Social } from './social.ts';
import { type FollowCursor, listFollows } from './store/graph.ts';
import { findProfile } from './store/profiles.ts';

const security = [{ bearer: [] }];
const tags = ['social'];

/** Profiles, follows, blocks and mutes under `/v1/social` (docs/social.md, "Profiles and the graph"). */
export function profileRoutes(app: App, social: Social): void {
  myProfileRoutes(app, social);
  app.get(
    '/v1/social/profiles/:idOrHandle',
    {
      onRequest: social.core.auth.requireUser,
      schema: {
        tags,
        security,
        summary: 'A profile by id or handle, its counts and how you stand to it',
        params: schemas.ProfileLookupParams,
        response: {
          200: schemas.ProfileView,
          ...problemResponses(socialProblems, 'unauthorized', 'bad-request', 'not-found'),
        },
      },
    },
    async (request) => {
      const me = await callerProfileId(social, request);
      const row = await requireProfile(social, request.params.idOrHandle);
      await refuseIfBlockedBy(social, me, row.id);
      return {
        ...(await profileJson(social, row)),
        relation: await graph.relationTo(social, me, row.id),
      };
    },
  );
  relationRoutes(app, social);
  followListRoutes(app, social);
}

function myProfileRoutes(app: App, social: Social): void {
  const onRequest = social.core.auth.requireUser;
  app.get(
    '/v1/social/profile',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Your profile (made on your first social request)',
        response: { 200: schemas.Profile, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const me = await callerProfileId(social, request);
      const row = await findProfile(social.core.database.db, { id: me });
      if (!row) throw new Problem('not-found', 'Your profile is gone');
      return profileJson(social, row);
    },
  );
  app.put(
    '/v1/social/profile',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Change your handle, display name, bio or avatar (fields left out stay)',
        body: schemas.ProfileInput,
        response: {
          200: schemas.Profile,
          ...problemResponses(
            socialProblems,
            'unauthorized',
            'bad-request',
            'handle-taken',
            'media-unusable',
          ),
        },
      },
    },
    async (request) => {
      const me = await callerProfileId(social, request);
      return profileJson(social, await updateMyProfile(social, me, request.body));
    },
  );
}

type RelationChange = (social: Social, me: SocialId, them: SocialId) => Promise<schemas.Relation>;

/** `POST`/`DELETE …/profiles/:id/{follow,block,mute}`: each answers the relation after it. */
function relationRoutes(app: App, social: Social): void {
  const onRequest = social.core.auth.requireUser;
  app.post(
    '/v1/social/profiles/:id/follow',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Follow a profile, or set the bell of your follow (`notify`)',
        params: schemas.ProfileParams,
        body: Type.Union([schemas.FollowInput, Type.Null()]),
        response: {
          200: schemas.Relation,
          ...problemResponses(
            socialProblems,
            'unauthorized',
            'bad-request',
            'not-found',
            'follow-self',
            'blocked',
            'following-limit',
          ),
        },
      },
    },
    async (request) => {
      const me = await callerProfileId(social, request);
      const them = socialId(request.params.id, 'id');
      return graph.follow(social, me, them, request.body?.notify);
    },
  );
  const changes: [string, 'post' | 'delete', string, RelationChange][] = [
    ['follow', 'delete', 'Stop following a profile', graph.unfollow],
    ['block', 'post', 'Block a profile: follows both ways end', graph.block],
    ['block', 'delete', 'Unblock a profile', graph.unblock],
    ['mute', 'post', 'Mute a profile: its posts leave your reads', graph.mute],
    ['mute', 'delete', 'Unmute a profile', graph.unmute],
  ];
  for (const [what, method, summary, change] of changes) {
    app[method](
      `/v1/social/profiles/:id/${what}`,
      {
        onRequest,
        config: { idempotent: true },
        schema: {
          tags,
          security,
          summary,
          params: schemas.ProfileParams,
          response: {
            200: schemas.Relation,
            ...problemResponses(
              socialProblems,
              'unauthorized',
              'bad-request',
              'not-found',
              'follow-self',
            ),
          },
        },
      },
      async (request) => {
        const me = await callerProfileId(social, request);
        return change(social, me, socialId(request.params.id, 'id'));
      },
    );
  }
}

/** `GET …/profiles/:id/followers` and `…/following`: newest follow first, keyset pages. */
function followListRoutes(app: App, social: Social): void {
  for (const direction of ['followers', 'following'] as const) {
    app.get(
      `/v1/social/profiles/:id/${direction}`,
      {
        onRequest: social.core.auth.requireUser,
        schema: {
          tags,
          security,
          summary:
            direction === 'followers'
              ? 'Who follows a profile, newest follow first'
              : 'Whom a profile follows, newest follow first',
          params: schemas.ProfileParams,
          querystring: PageQuery,
          response: {
            200: Page(ProfileSummary),
            ...problemResponses('unauthorized', 'bad-request', 'not-found', 'invalid-cursor'),
          },
        },
      },
      async (request) => {
        const me = await callerProfileId(social, request);
        const row = await requireProfile(social, socialId(request.params.id, 'id'));
        await refuseIfBlockedBy(social, me, row.id);
        const { limit, cursor } = request.query;
        const rows = await listFollows(
          social.core.database.db,
          row.id,
          direction,
          followCursor(cursor),
          limit + 1,
        );
        const page = pageOf(rows, limit, (follow) => [follow.followed_at_us, follow.id]);
        return { ...page, items: page.items.map((follow) => summaryJson(social, follow)) };
      },
    );
  }
}

/** A blocked viewer sees nothing of the blocker: the profile is a 404, as if it did not exist. */
async function refuseIfBlockedBy(social: Social, me: SocialId, them: SocialId): Promise<void> {
  if (me !== them && (await graph.isBlockedBy(social, me, them))) {
    throw new Problem('not-found', `No profile ${them}`);
  }
}

function followCursor(cursor: string | undefined): FollowCursor | undefined {
  const key = decodeCursor(cursor, 2);
  if (key === undefined) return undefined;
  const [at, id] = key;
  if (Number.isSafeInteger(at) && typeof id === 'string' && /^[0-9]{1,19}$/.test(id)) {
    return [at as number, socialId(id, 'cursor')];
  }
  throw new Problem('invalid-cursor', 'The cursor is not one this list gave out');
}
