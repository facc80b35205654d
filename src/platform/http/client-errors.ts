import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { type PlatformProblemName, platformProblems } from '../problems.ts';
import { problemBody } from './problems.ts';

// A request Node's HTTP parser refuses, or one that does not arrive in time, never reaches
// Fastify: Node emits `clientError` with the socket, and no request or reply exists. The answer
// is written raw, as problem+json like every other error, and the connection is closed.

/** How long a refused connection may stay half-closed, for the client to read the answer. */
const lingerMs = 5_000;

const answered = new WeakSet<Socket>();

interface ClientErrorOptions {
  log: FastifyBaseLogger;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxHeaderBytes: number;
}

/**
 * The `clientError` handler of the HTTP server (Fastify's `clientErrorHandler`): 400
 * `bad-request` for what is not HTTP (a garbage request line, `Content-Length: abc`, two
 * `Content-Length` headers), 408 `request-timeout` for headers or a body that do not arrive in
 * time, 431 `header-too-large`. The socket is ended, not destroyed, so the answer is not lost to
 * a reset while the client is still sending; it is destroyed after `lingerMs` at the latest.
 */
export function createClientErrorHandler(options: ClientErrorOptions) {
  return function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
    answered.add(socket);
    const [problem, detail] = describe(error, options);
    options.log.debug({ err: error, problem }, 'client error');
    // Nothing may be written once a response to an earlier request on the socket has begun.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) socket.end(rawProblem(problem, detail));
    else socket.destroy();
    setTimeout(() => socket.destroy(), lingerMs).unref();
  };
}

function rawProblem(problem: PlatformProblemName, detail: string): string {
  const id = uuidv7();
  const type = platformProblems[problem];
  const { status } = type;
  const body = JSON.stringify(problemBody(problem, type, detail, id));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${id}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

function describe(
  error: NodeJS.ErrnoException & { reason?: string },
  options: ClientErrorOptions,
): [PlatformProblemName, string] {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [
        'request-timeout',
        `The request did not arrive in time: headers are awaited ${options.headersTimeoutMs / 1000} s, a whole request ${options.requestTimeoutMs / 1000} s`,
      ];
    case 'HPE_HEADER_OVERFLOW':
      return [
        'header-too-large',
        `The request line and headers are over ${options.maxHeaderBytes} bytes`,
      ];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return ['payload-too-large', 'The chunk extensions of the body are too large'];
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return [
        'bad-request',
        'Content-Length must be one decimal number, sent once (and not with Transfer-Encoding)',
      ];
    case 'HPE_INVALID_METHOD':
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_VERSION':
    case 'HPE_INVALID_CONSTANT':
      return ['bad-request', 'The request line is not "<METHOD> <path> HTTP/1.1"'];
    default:
      return ['bad-request', `The request is not valid HTTP: ${error.reason ?? 'unreadable'}`];
  }
}
