import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { claimedType } from '../platform/blobs/service.ts';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { principalOf } from '../platform/identity/authenticate.ts';
import { Problem } from '../platform/problems.ts';
import { callerProfileId } from './activity.ts';
import { isShown, readPostStates } from './hydrate.ts';
import { type SocialId, socialId } from './ids.ts';
import { mediaJson, uploadMedia } from './media.ts';
import { MediaParams, MediaPatch, MediaUploadQuery } from './media-schemas.ts';
import { MediaJson } from './post-schemas.ts';
import { socialProblems } from './problems.ts';
import type { Social } from './social.ts';
import { findMedia, setMediaAlt } from './store/media.ts';

const tags = ['social'];
const security = [{ bearer: [] }];

/** Images for posts under `/v1/social/media` (docs/social.md, "Media"). */
export function mediaRoutes(app: App, social: Social): void {
  // In a scope of its own, as `POST /v1/blobs`: this route alone takes any body, as a stream it
  // reads itself (bounded by SOCIAL_MEDIA_MAX_BYTES); everywhere else only JSON is parsed.
  app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    uploadRoute(scope, social);
  });
  readRoutes(app, social);
}

function uploadRoute(app: App, social: Social): void {
  app.post(
    '/v1/social/media',
    {
      onRequest: social.core.auth.requireUser,
      schema: {
        tags,
        security,
        summary: 'Upload an image for a post: the raw bytes as the body',
        description:
          'JPEG, PNG, WebP or GIF (sniffed from the bytes; a Content-Type naming another image ' +
          'type is refused), at most SOCIAL_MEDIA_MAX_BYTES. Kept resized to fit 2,048 px and ' +
          're-encoded without EXIF, GPS or XMP; the original is not kept.',
        querystring: MediaUploadQuery,
        response: {
          201: MediaJson,
          ...problemResponses(
            socialProblems,
            'unauthorized',
            'payload-too-large',
            'unsupported-media-type',
            'media-type-mismatch',
            'media-unreadable',
          ),
        },
      },
    },
    async (request, reply) => {
      const length = request.headers['content-length'];
      const { user } = principalOf(request);
      try {
        const row = await uploadMedia(
          social,
          { userId: user.id, profileId: await callerProfileId(social, request) },
          {
            // No Content-Type: no parser ran, and the body is the request itself.
            body: request.body instanceof Readable ? request.body : request.raw,
            claimedType: claimedType(request.headers['content-type']),
            declaredSize: length === undefined ? undefined : Number(length),
            alt: request.query.alt ?? '',
          },
        );
        return reply.code(201).send(mediaJson(social.core, row));
      } catch (error) {
        // Refused before the body was read to its end: the client is still sending it, and
        // closing the connection after the answer is what stops it (as blobs' upload does).
        if (!request.raw.complete) reply.header('connection', 'close');
        throw error;
      }
    },
  );
}

function readRoutes(app: App, social: Social): void {
  const { core } = social;
  const profileOf = (request: FastifyRequest) => callerProfileId(social, request);
  // Media in a post are seen as the post is: not once it is deleted, nor across a block.
  const inVisiblePost = async (postId: SocialId | null, viewerId: SocialId) =>
    postId !== null && isShown(await readPostStates(social, viewerId, [postId], false), postId);

  app.get(
    '/v1/social/media/:id',
    {
      onRequest: core.auth.requireUser,
      schema: {
        tags,
        security,
        summary: 'An image: its owner sees it always, others as they see the post it is in',
        params: MediaParams,
        response: {
          200: MediaJson,
          ...problemResponses('bad-request', 'unauthorized', 'not-found'),
        },
      },
    },
    async (request) => {
      const id = socialId(request.params.id, 'id');
      const row = await findMedia(core.database.db, id);
      const viewerId = await profileOf(request);
      if (!row || !(row.owner_id === viewerId || (await inVisiblePost(row.post_id, viewerId)))) {
        throw new Problem('not-found', `No media ${id}`);
      }
      return mediaJson(core, row);
    },
  );

  app.patch(
    '/v1/social/media/:id',
    {
      onRequest: core.auth.requireUser,
      schema: {
        tags,
        security,
        summary: 'Change the alt text of one of your images',
        params: MediaParams,
        body: MediaPatch,
        response: {
          200: MediaJson,
          ...problemResponses('bad-request', 'unauthorized', 'not-found'),
        },
      },
    },
    async (request) => {
      const id = socialId(request.params.id, 'id');
      const row = await setMediaAlt(
        core.database.db,
        id,
        await profileOf(request),
        request.body.alt,
      );
      if (!row) throw new Problem('not-found', `No media ${id} of yours`);
      return mediaJson(core, row);
    },
  );
}
