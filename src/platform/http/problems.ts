import type { FastifyReply } from 'fastify';

/**
 * Every problem a client can receive, declared once. A response is `application/problem+json`
 * (RFC 9457) with `type` = `/problems/<name>`, `title`, `status`, `detail` and `instance` (the
 * request id); docs/errors.md lists them for client writers.
 */
export const problemCatalogue = {
  'bad-request': { status: 400, title: 'Bad request' },
  'validation-failed': { status: 400, title: 'Request validation failed' },
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  'invalid-cursor': { status: 400, title: 'Invalid pagination cursor' },
  'topic-invalid': { status: 400, title: 'Not a stream topic' },
  unauthorized: { status: 401, title: 'Authentication required' },
  'invalid-credentials': { status: 401, title: 'Invalid email or password' },
  forbidden: { status: 403, title: 'Forbidden' },
  'topic-forbidden': { status: 403, title: 'Stream topic not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'route-not-found': { status: 404, title: 'No such route' },
  conflict: { status: 409, title: 'Conflict' },
  'email-taken': { status: 409, title: 'Email already registered' },
  'version-conflict': { status: 409, title: 'The resource was changed by someone else' },
  'idempotency-key-in-use': {
    status: 409,
    title: 'A request with this Idempotency-Key is in flight',
  },
  'request-timeout': { status: 408, title: 'The request did not arrive in time' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key reused with a different request',
  },
  unprocessable: { status: 422, title: 'Unprocessable request' },
  'unknown-channel': { status: 422, title: 'No such notification channel' },
  'invalid-push-subscription': { status: 422, title: 'Not a usable Web Push subscription' },
  'target-refused': { status: 422, title: 'Meridian may not call this URL' },
  'invalid-task': { status: 422, title: 'The task cannot be scheduled as given' },
  'upgrade-required': { status: 426, title: 'WebSocket upgrade required' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'header-too-large': { status: 431, title: 'Request headers too large' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemName = keyof typeof problemCatalogue;

/** Throw from a handler or hook; the error handler turns it into a problem+json response. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly problem: ProblemName;
  readonly extensions: Record<string, unknown>;

  constructor(problem: ProblemName, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? problemCatalogue[problem].title);
    this.problem = problem;
    this.extensions = extensions;
  }

  get status(): number {
    return problemCatalogue[this.problem].status;
  }
}

export function problemBody(
  problem: ProblemName,
  detail: string,
  requestId: string,
  extensions: Record<string, unknown> = {},
) {
  const { status, title } = problemCatalogue[problem];
  return {
    type: `/problems/${problem}`,
    title,
    status,
    detail,
    instance: requestId,
    ...extensions,
  };
}

export function sendProblem(
  reply: FastifyReply,
  problem: ProblemName,
  detail: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(problemCatalogue[problem].status)
    .type('application/problem+json')
    .send(problemBody(problem, detail, reply.request.id, extensions));
}
