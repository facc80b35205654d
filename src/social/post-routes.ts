import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { Page, PageQuery } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import { callerProfileId } from './activity.ts';
import { type SocialId, socialId } from './ids.ts';
import { changeLike } from './likes.ts';
import { createPost } from './post-creation.ts';
import * as schemas from './post-schemas.ts';
import { postContext, postPeople, profileTimeline, readPost, tagTimeline } from './post-views.ts';
import { deletePost, repost, undoRepost } from './posts.ts';
import { socialProblems } from './problems.ts';
import type { Social } from './social.ts';

const tags = ['social'];
const security = [{ bearer: [] }];
const IdParams = schemas.PostParams;
const actionProblems = ['unauthorized', 'not-found', 'reply-to-deleted'] as const;

/** Posts under `/v1/social`: create, read, delete, thread, repost, like, and their lists. */
export function postRoutes(app: App, social: Social): void {
  const onRequest = social.core.auth.requireUser;
  const viewerOf = (request: FastifyRequest) => callerProfileId(social, request);
  /** A path id as the store takes it: past 2^63 - 1 is a 400, not a database error. */
  const pathId = (request: { params: { id: string } }): SocialId =>
    socialId(request.params.id, 'id');
  // Impressions still in memory are written before the pool closes.
  app.addHook('onClose', () => social.impressions.close());

  app.post(
    '/v1/social/posts',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Post: text (with @mentions and #tags), up to 4 media, optionally a reply',
        body: schemas.PostInput,
        response: {
          201: schemas.Post,
          ...problemResponses(
            socialProblems,
            ...actionProblems,
            'post-empty',
            'post-too-long',
            'media-unusable',
          ),
        },
      },
    },
    async (request, reply) => {
      const { text, media_ids, reply_to_id } = request.body;
      const post = await createPost(social, await viewerOf(request), {
        text,
        media_ids: media_ids?.map((id) => socialId(id, 'media_ids')),
        reply_to_id: reply_to_id === undefined ? undefined : socialId(reply_to_id, 'reply_to_id'),
      });
      return reply.code(201).send(post);
    },
  );

  app.get(
    '/v1/social/posts/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One post (counts as an impression when you are not its author)',
        params: IdParams,
        response: { 200: schemas.Post, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => readPost(social, await viewerOf(request), pathId(request)),
  );

  app.delete(
    '/v1/social/posts/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Delete your post (operators: any post); its reposts go with it',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const isOperator = principalOf(request).user.is_operator;
      await deletePost(social, { profileId: await viewerOf(request), isOperator }, pathId(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/social/posts/:id/context',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The thread: ancestors (up to 40), the post, replies below it (pages of 60)',
        params: IdParams,
        querystring: schemas.ThreadQuery,
        response: { 200: schemas.PostContext, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { after } = request.query;
      const viewer = await viewerOf(request);
      const afterId = after === undefined ? undefined : socialId(after, 'after');
      return postContext(social, viewer, pathId(request), afterId);
    },
  );

  app.post(
    '/v1/social/posts/:id/repost',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Repost (201; 200 with your repost when you had reposted it already)',
        params: IdParams,
        response: {
          200: schemas.Post,
          201: schemas.Post,
          ...problemResponses(socialProblems, ...actionProblems),
        },
      },
    },
    async (request, reply) => {
      const made = await repost(social, await viewerOf(request), pathId(request));
      return reply.code(made.created ? 201 : 200).send(made.post);
    },
  );

  app.delete(
    '/v1/social/posts/:id/repost',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Undo your repost (200 also when there was none)',
        params: IdParams,
        response: {
          200: schemas.RepostState,
          ...problemResponses(socialProblems, ...actionProblems),
        },
      },
    },
    async (request) => undoRepost(social, await viewerOf(request), pathId(request)),
  );

  for (const [method, like] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/v1/social/posts/:id/like',
      onRequest,
      schema: {
        tags,
        security,
        summary: like ? 'Like (twice is one like)' : 'Unlike (200 also when not liked)',
        params: IdParams,
        response: {
          200: schemas.LikeState,
          ...problemResponses(socialProblems, ...actionProblems),
        },
      },
      handler: async (request) =>
        changeLike(social, await viewerOf(request), pathId(request), like),
    });
  }

  for (const [path, list] of [
    ['liked_by', 'likes'],
    ['reposted_by', 'reposts'],
  ] as const) {
    app.get(
      `/v1/social/posts/:id/${path}`,
      {
        onRequest,
        schema: {
          tags,
          security,
          summary: list === 'likes' ? 'Who liked the post' : 'Who reposted the post, newest first',
          params: IdParams,
          querystring: PageQuery,
          response: {
            200: Page(schemas.ProfileSummary),
            ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
          },
        },
      },
      async (request) =>
        postPeople(social, await viewerOf(request), pathId(request), list, request.query),
    );
  }

  app.get(
    '/v1/social/profiles/:id/posts',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "A profile's posts and reposts, newest first (max_id, since_id)",
        params: IdParams,
        querystring: schemas.TimelineQuery,
        response: { 200: schemas.PostPage, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) =>
      profileTimeline(social, await viewerOf(request), pathId(request), rangeOf(request.query)),
  );

  app.get(
    '/v1/social/tags/:tag',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The posts with a hashtag, newest first (max_id, since_id)',
        params: schemas.TagParams,
        querystring: schemas.TimelineQuery,
        response: { 200: schemas.PostPage, ...problemResponses('unauthorized') },
      },
    },
    async (request) =>
      tagTimeline(social, await viewerOf(request), request.params.tag, rangeOf(request.query)),
  );
}

function rangeOf(query: { limit: number; max_id?: string; since_id?: string }) {
  return {
    limit: query.limit,
    maxId: query.max_id === undefined ? undefined : socialId(query.max_id, 'max_id'),
    sinceId: query.since_id === undefined ? undefined : socialId(query.since_id, 'since_id'),
  };
}
