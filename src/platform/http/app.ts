import { maxHeaderSize } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../config.ts';
import { isDatabaseUnavailable } from '../db/database.ts';
import {
  type PlatformProblemName,
  Problem,
  type ProblemCatalogue,
  platformProblems,
} from '../problems.ts';
import { createClientErrorHandler } from './client-errors.ts';
import { registerConsole, sendConsolePage, wantsConsolePage } from './console.ts';
import { registerCors } from './cors.ts';
import { parseJsonBody } from './json-body.ts';
import { sendProblem, sendProblemOfType } from './problems.ts';
import { describeValidation, validationProblem, validatorCompiler } from './validation.ts';

/** The Fastify instance every module registers its routes on, typed by the TypeBox provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpOptions {
  config: Pick<
    Config,
    | 'bodyLimitBytes'
    | 'rateLimitPerMinute'
    | 'trustProxy'
    | 'httpHeadersTimeoutMs'
    | 'httpRequestTimeoutMs'
    | 'corsOrigins'
  >;
  log: Logger;
  version: string;
  /**
   * Every problem the app may answer: the platform's and those of the modules it runs
   * (`composeProblems`). A thrown `Problem` is answered with its status and title from here.
   */
  problems: ProblemCatalogue;
  /** The built web console to serve at `/` (`web/dist`), if this process serves one. */
  consoleDir?: string;
}

/**
 * Builds the HTTP application: validation, problem+json errors, request ids, rate limits and the
 * OpenAPI document. Modules add their routes afterwards; `app.ready()` seals it.
 */
export async function createHttpApp({
  config,
  log,
  version,
  problems,
  consoleDir,
}: HttpOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // One log line per request, written by the onResponse hook below.
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    return503OnClosing: true,
    // A slow or broken client is answered (408) and dropped: headers must arrive within
    // `headersTimeout` (a connection that sends nothing included), the whole request within
    // `requestTimeout`. Neither touches a response being written, so an open stream (SSE,
    // WebSocket) is never cut; idle keep-alive connections close after Fastify's 72 s.
    requestTimeout: config.httpRequestTimeoutMs,
    http: {
      headersTimeout: config.httpHeadersTimeoutMs,
      requestTimeout: config.httpRequestTimeoutMs,
      // Node looks for expired requests this often (30 s unless told).
      connectionsCheckingInterval: Math.min(1000, config.httpHeadersTimeoutMs / 2),
      // A missing Host is refused below as a problem, not by Node with an empty 400.
      requireHostHeader: false,
    },
    clientErrorHandler: createClientErrorHandler({
      log,
      headersTimeoutMs: config.httpHeadersTimeoutMs,
      requestTimeoutMs: config.httpRequestTimeoutMs,
      maxHeaderBytes: maxHeaderSize,
    }),
    // The router refuses some URLs before any hook runs; they are problems like the rest.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      return sendProblem(
        reply,
        'bad-request',
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? 'A path segment is longer than 100 characters'
          : 'The URL is not validly percent-encoded',
      );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler());
  // Only JSON bodies: text/plain would otherwise reach validation as a string and read as a 400.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
  app.setErrorHandler((error: FastifyError, request, reply) =>
    handleError(problems, error, request, reply),
  );
  let consoleServed = false;
  app.setNotFoundHandler((request, reply) =>
    consoleServed && wantsConsolePage(request)
      ? sendConsolePage(reply)
      : sendProblem(reply, 'route-not-found', `No route ${request.method} ${request.url}`),
  );
  // Hooks that every request runs take a callback: an async hook costs a promise and a tick.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1') {
      // RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without Host.
      sendProblem(reply, 'bad-request', 'An HTTP/1.1 request needs a Host header');
      return;
    }
    done();
  });
  registerCors(app, config.corsOrigins);
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime },
      'request completed',
    );
    done();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Meridian API', version },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  // Before the rate limit: a page's assets are not API calls.
  if (consoleDir) consoleServed = await registerConsole(app, log, consoleDir);

  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_request, context) =>
        new Problem('rate-limited', `Rate limit exceeded, retry in ${context.after}`),
    });
  }
  return app;
}

/** A caller's own `X-Request-Id` is kept when it is a sane token; otherwise a fresh UUIDv7. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : uuidv7();
}

/**
 * Limits are per API token on routes that authenticate, per client address otherwise. A route's
 * own `onRequest` (`requireUser`) runs before the limiter's, so `principal` is a token known to be
 * valid: a made-up bearer token buys no fresh allowance, and a refused one counts against its
 * address (authentication failures are thrown after the limiter; see `createAuthenticator`).
 */
function rateLimitKey(request: FastifyRequest): string {
  return request.principal ? `token:${request.principal.tokenId}` : `ip:${request.ip}`;
}

const problemByFastifyCode: Record<string, PlatformProblemName> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
};

/** What a client is told to wait when the database does not answer (a restart takes seconds). */
const databaseRetryAfterSeconds = 5;

const problemByStatus: Record<number, PlatformProblemName> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  503: 'unavailable',
};

function handleError(
  problems: ProblemCatalogue,
  error: FastifyError,
  request: FastifyRequest,
  reply: Parameters<typeof sendProblem>[0],
) {
  const problem = error instanceof Problem ? error : undefined;
  const type = problem && problems[problem.problem];
  if (problem && type) {
    return sendProblemOfType(reply, problem.problem, type, problem.detail, problem.extensions);
  }
  if (error.validation) {
    const invalid = validationProblem(
      describeValidation(error.validation, error.validationContext ?? ''),
    );
    return sendProblem(reply, 'validation-failed', invalid.detail, invalid.extensions);
  }
  const byCode = error.code ? problemByFastifyCode[error.code] : undefined;
  if (byCode === 'unsupported-media-type') {
    const given = request.headers['content-type'] ?? 'none';
    return sendProblem(
      reply,
      byCode,
      `Content-Type ${given} is not accepted; send application/json`,
    );
  }
  if (byCode) return sendProblem(reply, byCode, error.message);
  const byStatus = error.statusCode ? problemByStatus[error.statusCode] : undefined;
  if (byStatus && error.statusCode !== undefined && error.statusCode < 500) {
    return sendProblem(reply, byStatus, error.message);
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(databaseRetryAfterSeconds));
    return sendProblem(reply, 'unavailable', 'The database does not answer; try again shortly');
  }
  // A `Problem` whose name no running module declares lands here too: a bug, not a refusal.
  request.log.error({ err: error }, 'unexpected error');
  const fallback = byStatus ?? 'internal';
  return sendProblem(
    reply,
    fallback,
    `${platformProblems[fallback].title}; quote request id ${request.id} when reporting it`,
  );
}
