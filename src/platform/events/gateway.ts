import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app.ts';
import { problemResponses } from '../http/schemas.ts';
import { principalOf } from '../identity/authenticate.ts';
import { liveTokenIds } from '../identity/store.ts';
import type { Core, Module } from '../module.ts';
import { Problem } from '../problems.ts';
import { eventsConfig } from './config.ts';
import type { StreamConnection, StreamContext, StreamLimits } from './connection.ts';
import { parseLastEventId } from './connection.ts';
import { createStreamMetrics } from './metrics.ts';
import { createPresence } from './presence.ts';
import { eventsProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import { serveEventStream } from './sse.ts';
import { issueTicket, redeemTicket } from './tickets.ts';
import { createTopicCheck, type TopicRefusal } from './topics.ts';
import { serveWebSocket } from './websocket.ts';

const security = [{ bearer: [] }];
const ticketPattern = /^mst_[\w-]{43}$/;

/** The limits not taken from the config; docs/events.md explains each. */
const fixedLimits = {
  idleMs: 60_000,
  maxTopics: 100,
  maxMessageBytes: 16_384,
  maxFrameBytes: 1_048_576,
  closeGraceMs: 5_000,
};

/**
 * The real-time gateway: WebSocket at `/v1/stream`, Server-Sent Events at `/v1/stream/sse`,
 * browser tickets at `/v1/stream/tickets`. Topics are checked against the platform's namespaces
 * and the modules' `topics` hooks; events come from `core.events`. Who is connected is written to
 * `stream_presence` under `instanceId` (this process's heartbeat id) for `core.events.online`.
 */
export async function registerStreamGateway(
  app: App,
  core: Core,
  modules: Module[],
  instanceId: string,
) {
  const settings = eventsConfig.of(core.config);
  const limits: StreamLimits = {
    ...fixedLimits,
    sendBufferBytes: settings.sendBufferBytes,
    heartbeatMs: settings.heartbeatMs,
    recheckMs: settings.recheckMs,
  };
  const context: StreamContext = {
    events: core.events,
    db: core.database.db,
    log: core.log,
    metrics: createStreamMetrics(core.metrics),
    limits,
    checkTopic: createTopicCheck(core, modules, core.log),
  };
  const connections = new Set<StreamConnection>();
  const presence = createPresence(core.database.db, instanceId, core.log);
  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) connection.heartbeat(now);
  }, limits.heartbeatMs);
  heartbeat.unref();
  let rechecking = false;
  const recheck = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    recheckAccess(core, context, [...connections])
      .catch((error) => core.log.warn({ err: error }, 'stream access check failed; next time'))
      .finally(() => {
        rechecking = false;
      });
  }, limits.recheckMs);
  recheck.unref();

  await app.register(websocket, {
    options: { maxPayload: limits.maxFrameBytes },
    // Closing tells clients to reconnect (to another process); the drain does not wait for them.
    preClose(done) {
      clearInterval(heartbeat);
      clearInterval(recheck);
      for (const connection of connections) connection.shutdown();
      app.websocketServer.close(); // no new upgrades; the open sockets are closing above
      presence.stop().finally(done);
    },
    errorHandler(error, socket, request) {
      request.log.info({ err: error }, 'stream connection failed');
      socket.terminate();
    },
  });

  /** A bearer token, or a ticket in the query for browsers (which cannot set the header). */
  async function authenticateStream(request: FastifyRequest): Promise<void> {
    const { ticket } = request.query as { ticket?: unknown };
    if (ticket === undefined) return core.auth.requireUser(request);
    const principal =
      typeof ticket === 'string' && ticketPattern.test(ticket)
        ? await redeemTicket(core.database.db, ticket)
        : undefined;
    if (principal) request.principal = principal;
    else
      request.authFailure = new Problem('unauthorized', 'The ticket is unknown, used or expired');
  }

  function track(connection: StreamConnection, onClose: (listener: () => void) => void) {
    connections.add(connection);
    presence.connected(connection.principal.user.id);
    onClose(() => {
      connections.delete(connection);
      presence.disconnected(connection.principal.user.id);
    });
  }

  app.post(
    '/v1/stream/tickets',
    {
      onRequest: core.auth.requireUser,
      schema: {
        tags: ['events'],
        summary: 'A single-use ticket (valid 60 s) to open a stream from a browser',
        security,
        response: { 201: schemas.TicketResponse, ...problemResponses('unauthorized') },
      },
    },
    async (request, reply) => {
      const { tokenId } = principalOf(request);
      return reply.code(201).send(await issueTicket(core.database.db, tokenId));
    },
  );

  app.route({
    method: 'GET',
    url: '/v1/stream',
    onRequest: authenticateStream,
    schema: { querystring: schemas.WebSocketQuery, hide: true },
    handler: () => {
      throw new Problem('upgrade-required', 'Open /v1/stream as a WebSocket');
    },
    wsHandler: (socket, request) => {
      const connection = serveWebSocket(socket, request.socket, principalOf(request), context);
      track(connection, (listener) => socket.on('close', listener));
    },
  });

  app.get(
    '/v1/stream/sse',
    {
      onRequest: authenticateStream,
      schema: {
        tags: ['events'],
        summary: 'Server-Sent Events of the given topics (text/event-stream)',
        security,
        querystring: schemas.EventStreamQuery,
        headers: schemas.EventStreamHeaders,
        response: problemResponses(
          eventsProblems,
          'unauthorized',
          'topic-invalid',
          'topic-forbidden',
        ),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const topics = await authorisedTopics(request.query.topics, principal.user.id);
      const lastEventId = parseLastEventId(
        request.headers['last-event-id'] ?? request.query.last_event_id,
      );
      if (lastEventId instanceof Error) throw new Problem('bad-request', lastEventId.message);
      const connection = serveEventStream(reply, principal, topics, lastEventId, context);
      track(connection, (listener) => reply.raw.on('close', listener));
    },
  );

  /** All the topics of `?topics=`, or a problem naming each refused one and why. */
  async function authorisedTopics(list: string, userId: string): Promise<string[]> {
    const topics = [...new Set(list.split(',').map((topic) => topic.trim()))];
    if (topics.length > limits.maxTopics) {
      throw new Problem('topic-invalid', `at most ${limits.maxTopics} topics`);
    }
    const refusals = [];
    for (const topic of topics) {
      const refusal = await context.checkTopic(userId, topic);
      if (refusal) refusals.push({ topic, ...refusal });
    }
    if (refusals.length === 0) return topics;
    const problem = refusals.some((r) => r.problem === 'topic-invalid')
      ? 'topic-invalid'
      : 'topic-forbidden';
    throw new Problem(problem, refusals.map((r) => r.reason).join('; '), {
      topics: refusals.map(({ topic, reason }) => ({ topic, reason })),
    });
  }
}

/**
 * Authorises open connections again, as if they subscribed now: a connection whose token was
 * revoked or expired is closed, a topic its user may no longer see (removed from the
 * organisation, a module's rule) is dropped with an error naming it. A check that cannot decide
 * (the database away) changes nothing. Each user's topic is checked once however many
 * connections share it.
 */
async function recheckAccess(core: Core, context: StreamContext, connections: StreamConnection[]) {
  const tokenIds = new Set(connections.map((connection) => connection.principal.tokenId));
  const live = await liveTokenIds(core.database.db, [...tokenIds]);
  const verdicts = new Map<string, Promise<TopicRefusal | undefined>>();
  for (const connection of connections) {
    if (!live.has(connection.principal.tokenId)) {
      connection.revoke('the token was revoked or has expired');
      continue;
    }
    const userId = connection.principal.user.id;
    for (const topic of connection.topics()) {
      const key = `${userId} ${topic}`;
      if (!verdicts.has(key)) verdicts.set(key, context.checkTopic(userId, topic));
      const refusal = await verdicts.get(key);
      if (refusal && !refusal.undecided) connection.lose(topic, refusal.reason);
    }
  }
}
