import type { Readable } from 'node:stream';
import type { App } from '../http/app.ts';
import { problemResponses } from '../http/schemas.ts';
import { principalOf } from '../identity/authenticate.ts';
import type { Core } from '../module.ts';
import { Problem } from '../problems.ts';
import { blobsProblems } from './problems.ts';
import { matchesNoneMatch, rangeOf } from './ranges.ts';
import * as schemas from './schemas.ts';
import { claimedType } from './sniff.ts';

const tags = ['blobs'];

/** A blob's bytes never change: any cache may keep them for a year without asking again. */
const immutable = 'public, max-age=31536000, immutable';

/** Uploading (a signed-in user) and serving (anyone: a hash is unguessable) blobs. */
export async function blobRoutes(app: App, core: Core): Promise<void> {
  // In a scope of its own: this route alone takes any body, as a stream handed to the store
  // unread; everywhere else only JSON is parsed, and bounded by BODY_LIMIT_BYTES.
  await app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    uploadRoute(scope, core);
  });
  serveRoute(app, core);
}

function uploadRoute(app: App, core: Core): void {
  app.post(
    '/v1/blobs',
    {
      onRequest: core.auth.requireUser,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'Upload a file: the raw bytes as the body, its type as Content-Type',
        description:
          'The type is sniffed from the bytes and must be the one claimed (application/octet-stream ' +
          'claims none) and an accepted one (BLOBS_CONTENT_TYPES). The same bytes again are the ' +
          'same blob: 200 with the same URL.',
        response: {
          200: schemas.UploadedBlob,
          201: schemas.UploadedBlob,
          ...problemResponses(
            blobsProblems,
            'unauthorized',
            'payload-too-large',
            'unsupported-blob-type',
            'blob-type-mismatch',
          ),
        },
      },
    },
    async (request, reply) => {
      const length = request.headers['content-length'];
      try {
        const { blob, created } = await core.blobs.upload(
          (request.body as Readable | undefined) ?? new Uint8Array(),
          {
            claimedType: claimedType(request.headers['content-type']),
            declaredSize: length === undefined ? undefined : Number(length),
            uploadedBy: principalOf(request).user.id,
          },
        );
        const url = core.blobs.urlOf(blob.hash);
        return reply
          .code(created ? 201 : 200)
          .header('location', url)
          .send({ hash: blob.hash, url, content_type: blob.content_type, size: blob.size });
      } catch (error) {
        // Refused before the body was read to its end: the client is still sending it, and
        // closing the connection after the answer is what stops it (Fastify does so for its 413).
        if (!request.raw.complete) reply.header('connection', 'close');
        throw error;
      }
    },
  );
}

function serveRoute(app: App, core: Core): void {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/v1/blobs/:hash',
    schema: {
      tags,
      summary: 'A blob’s bytes: cacheable forever, with ranges and revalidation',
      params: schemas.BlobParams,
      response: {
        200: schemas.BlobBytes,
        206: schemas.BlobBytes,
        304: { type: 'null', description: 'Not modified: If-None-Match named this blob' },
        ...problemResponses(blobsProblems, 'not-found', 'range-not-satisfiable'),
      },
    },
    async handler(request, reply) {
      const { hash } = request.params;
      const blob = await core.blobs.find(hash);
      if (!blob) throw new Problem('not-found', 'No such blob');
      const etag = `"${blob.hash}"`;
      reply.header('etag', etag).header('accept-ranges', 'bytes');
      if (matchesNoneMatch(request.headers['if-none-match'], etag)) {
        return reply.code(304).header('cache-control', immutable).send();
      }
      const ifRange = request.headers['if-range'];
      const answer = rangeOf(
        request.headers.range,
        typeof ifRange === 'string' ? ifRange : undefined,
        etag,
        blob.size,
      );
      if (answer.kind === 'unsatisfiable') {
        reply.header('content-range', `bytes */${blob.size}`);
        throw new Problem(
          'range-not-satisfiable',
          `The blob has ${blob.size} bytes; ask for a range within them`,
        );
      }
      const range = answer.kind === 'partial' ? answer.range : undefined;
      reply
        .header('cache-control', immutable)
        .header('x-content-type-options', 'nosniff')
        .header('content-length', range ? range.end - range.start + 1 : blob.size)
        .type(blob.content_type);
      if (range) {
        reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${blob.size}`);
      }
      if (request.method === 'HEAD') return reply.send();
      const body = await core.blobs.open(blob.hash, range);
      // A row without bytes: the store was emptied or pointed elsewhere. An operator's problem.
      if (!body) throw new Error(`blob ${blob.hash} is recorded but not in ${core.blobs.location}`);
      return reply.send(body.stream);
    },
  });
}
