import type { FastifyReply } from 'fastify';
import { type PlatformProblemName, type ProblemType, platformProblems } from '../problems.ts';

/**
 * The RFC 9457 body of a problem of kind `type` (from a catalogue) named `problem`: `type` is
 * `/problems/<name>`, `instance` the request id, and extension members follow.
 */
export function problemBody(
  problem: string,
  type: ProblemType,
  detail: string,
  requestId: string,
  extensions: Readonly<Record<string, unknown>> = {},
) {
  return {
    type: `/problems/${problem}`,
    title: type.title,
    status: type.status,
    detail,
    instance: requestId,
    ...extensions,
  };
}

/**
 * Answers with one of the platform's problems, for what the HTTP layer refuses by itself (no
 * route, no Host, a URL that does not decode). A thrown `Problem` goes to the error handler.
 */
export function sendProblem(
  reply: FastifyReply,
  problem: PlatformProblemName,
  detail: string,
  extensions: Readonly<Record<string, unknown>> = {},
): FastifyReply {
  return sendProblemOfType(reply, problem, platformProblems[problem], detail, extensions);
}

/** Answers with problem `problem` of kind `type`, looked up by the caller in its catalogue. */
export function sendProblemOfType(
  reply: FastifyReply,
  problem: string,
  type: ProblemType,
  detail: string,
  extensions: Readonly<Record<string, unknown>> = {},
): FastifyReply {
  return reply
    .code(type.status)
    .type('application/problem+json')
    .send(problemBody(problem, type, detail, reply.request.id, extensions));
}
