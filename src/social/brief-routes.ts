import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import { Problem } from '../platform/problems.ts';
import { callerProfileId } from './activity.ts';
import * as schemas from './brief-schemas.ts';
import { type LooseSocialId, type SocialId, socialId } from './ids.ts';
import { changeLike } from './likes.ts';
import { createPost } from './post-creation.ts';
import type { Post } from './post-schemas.ts';
import { readPost } from './post-views.ts';
import { socialProblems } from './problems.ts';
import type { Social } from './social.ts';
import { findFreeMediaByBlob } from './store/media.ts';
import { findProfile } from './store/profiles.ts';
import { homePage } from './timeline-routes.ts';
import { HomePage } from './timeline-schemas.ts';

const tags = ['social-brief'];
const security = [{ bearer: [] }];
const postProblems = ['post-empty', 'post-too-long', 'media-unusable'] as const;

/**
 * The APIs of briefs 002 (`/send`, `/fetch`) and 003 (`/api/v1/tweet`, `/api/v1/like`), as their
 * design notes write them: aliases of the `/v1/social` routes, calling the same functions
 * (docs/social.md, "The briefs' routes").
 */
export function briefRoutes(app: App, social: Social): void {
  const onRequest = social.core.auth.requireUser;
  const me = (request: FastifyRequest) => callerProfileId(social, request);

  app.post(
    '/send',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Post as userID (brief 002): your own profile, or any for an operator',
        body: schemas.SendBody,
        response: {
          201: schemas.SentPost,
          ...problemResponses(
            socialProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'bad-request',
            ...postProblems,
          ),
        },
      },
    },
    async (request, reply) => {
      const authorId = await actingProfile(social, request, request.body.userID);
      const post = await createPost(social, authorId, { text: request.body.text });
      return reply.code(201).send({ tweetId: post.id, ...post });
    },
  );

  app.get(
    '/fetch',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "userID's home timeline, newest first, `length` posts (brief 002)",
        querystring: schemas.FetchQuery,
        response: {
          200: HomePage,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'bad-request'),
        },
      },
    },
    async (request) => {
      const { userID, length } = request.query;
      // The caller's activity is noted, not the reader's: an operator reading someone's
      // timeline is not that reader coming back.
      const profileId = await actingProfile(social, request, userID);
      return homePage(social, profileId, { limit: length });
    },
  );

  app.get(
    '/api/v1/tweet/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One post in the shape of brief 003 (an impression, as GET /v1/social/posts/:id)',
        params: schemas.TweetParams,
        response: { 200: schemas.Tweet, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) =>
      tweetJson(await readPost(social, await me(request), socialId(request.params.id, 'id'))),
  );

  app.post(
    '/api/v1/tweet',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Post with at most one image, by id or URL (brief 003)',
        body: schemas.TweetBody,
        response: {
          201: schemas.TweetRef,
          ...problemResponses(socialProblems, 'unauthorized', 'bad-request', ...postProblems),
        },
      },
    },
    async (request, reply) => {
      const authorId = await me(request);
      const mediaId = await briefMedia(social, authorId, request.body.media ?? '');
      const post = await createPost(social, authorId, {
        text: request.body.content,
        ...(mediaId === undefined ? {} : { media_ids: [mediaId] }),
      });
      return reply.code(201).send({ tweetId: post.id });
    },
  );

  app.post(
    '/api/v1/like',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Like a post (brief 003); liking it again is still one like',
        body: schemas.LikeBody,
        response: {
          201: schemas.TweetRef,
          ...problemResponses(
            socialProblems,
            'unauthorized',
            'not-found',
            'bad-request',
            'reply-to-deleted',
          ),
        },
      },
    },
    async (request, reply) => {
      const tweetId = socialId(request.body.tweetId, 'tweetId');
      await changeLike(social, await me(request), tweetId, true);
      return reply.code(201).send({ tweetId });
    },
  );
}

/**
 * The profile a brief's `userID` names, once the caller may act as it: their own, or, for an
 * operator, any that exists (404 otherwise). A user naming another profile is a 403.
 */
async function actingProfile(
  social: Social,
  request: FastifyRequest,
  userID: LooseSocialId,
): Promise<SocialId> {
  const named = socialId(userID, 'userID');
  const { user } = principalOf(request);
  if (named === (await callerProfileId(social, request))) return named;
  if (!user.is_operator) {
    throw new Problem('forbidden', 'userID must be your own profile id');
  }
  if (!(await findProfile(social.core.database.db, { id: named }))) {
    throw new Problem('not-found', `No profile ${named}`);
  }
  return named;
}

/**
 * The media id brief 003's `media` names: an id as is (createPost checks it is the author's and
 * free), a blob URL as the author's unattached image with those bytes; undefined for "".
 */
async function briefMedia(
  social: Social,
  authorId: SocialId,
  media: string,
): Promise<SocialId | undefined> {
  const given = media.trim();
  if (given === '') return undefined;
  if (/^[0-9]+$/.test(given)) return socialId(given, 'media');
  const hash = social.core.blobs.hashOf(given);
  const id = hash && (await findFreeMediaByBlob(social.core.database.db, authorId, hash));
  if (!id) {
    throw new Problem('media-unusable', 'media is not the URL of an unattached image of yours');
  }
  return id;
}

/** A post in brief 003's shape; a repost shows the text, image and counts of the post reposted. */
function tweetJson(post: Post) {
  const shown = post.repost_of ?? post;
  return {
    tweetId: post.id,
    userId: post.author.id,
    content: shown.text,
    media: shown.media[0]?.url ?? '',
    impressions: shown.counts.impressions,
    likes: shown.counts.likes,
    date: post.created_at,
  };
}
