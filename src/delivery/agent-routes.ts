import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { security, serviceFor, tags, userOf } from './access.ts';
import * as schemas from './agent-schemas.ts';
import type { Delivery } from './delivery.ts';
import { agentAuthenticator, agentOf, createJoinToken, joinNode, joinTokenJson } from './join.ts';
import { createOfferWaiters } from './long-poll.ts';
import { deliveryProblems } from './problems.ts';
import { answerOffer } from './pull.ts';
import { ServiceParams } from './schemas.ts';
import * as agents from './store/agents.ts';

/** A poll refreshes the node's `agent_seen_at` at most this often (a write per poll is waste). */
const seenEveryMs = 60_000;

/**
 * Pull mode's routes: a service's join tokens (for its owners and admins, with an API token),
 * and the agent API under `/v1/delivery/agent` (with a node credential only).
 */
export function agentRoutes(app: App, delivery: Delivery): void {
  joinTokenRoutes(app, delivery);
  agentApiRoutes(app, delivery);
}

function joinTokenRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const onRequest = core.auth.requireUser;
  const base = '/v1/delivery/services/:serviceId/join-tokens';

  app.post(
    base,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "Create a join token for a pull service's agents (owners and admins); shown once",
        params: ServiceParams,
        body: schemas.JoinTokenInput,
        response: {
          201: schemas.NewJoinToken,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const service = await serviceFor(core, db, request.params.serviceId, user, true);
      return reply.code(201).send(await createJoinToken(delivery, service, request.body, user));
    },
  );

  app.get(
    base,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The service's join tokens, newest first, without their secrets",
        params: ServiceParams,
        querystring: PageQuery,
        response: {
          200: Page(schemas.JoinToken),
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request), true);
      const { limit, cursor } = request.query;
      const rows = await agents.listJoinTokens(db, service.id, decodeIdCursor(cursor), limit + 1);
      const page = pageOf(rows, limit, (row) => [row.id]);
      return { ...page, items: page.items.map(joinTokenJson) };
    },
  );

  app.delete(
    `${base}/:tokenId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary:
          'Revoke a join token (owners and admins); agents that joined keep their credentials',
        params: schemas.JoinTokenParams,
        response: {
          204: Type.Null(),
          ...problemResponses('unauthorized', 'forbidden', 'not-found'),
        },
      },
    },
    async (request, reply) => {
      const { serviceId, tokenId } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request), true);
      if (!(await agents.revokeJoinToken(db, service.id, tokenId, core.clock.now()))) {
        throw new Problem('not-found', `No join token ${tokenId} in this service`);
      }
      return reply.code(204).send(null);
    },
  );
}

/** Agents behind one address (a NAT) are limited each by its node, once authenticated. */
const byNode = {
  rateLimit: {
    keyGenerator: (request: FastifyRequest) =>
      request.agent ? `node:${request.agent.nodeId}` : `ip:${request.ip}`,
  },
};

function agentApiRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const onRequest = agentAuthenticator(db);
  const agentSecurity = [{ bearer: [] }];
  const agentTags = ['delivery agent'];
  const waiters = createOfferWaiters(core.events);
  // Waiting polls would hold the server's close for up to a minute: they answer 204 at once,
  // and their agents poll again (another process, or this one restarted).
  app.addHook('preClose', async () => waiters.closeAll());

  app.post(
    '/v1/delivery/agent/join',
    {
      schema: {
        tags: agentTags,
        summary: "Join as one node of the join token's service; answers the node's credential once",
        body: schemas.JoinInput,
        response: {
          201: schemas.Joined,
          ...problemResponses(
            deliveryProblems,
            'unauthorized',
            'node-not-listed',
            'invalid-csr',
            'invalid-service',
          ),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await joinNode(delivery, request.body)),
  );

  app.get(
    '/v1/delivery/agent/metadata',
    {
      onRequest,
      config: byNode,
      schema: {
        tags: agentTags,
        security: agentSecurity,
        summary: 'Long poll: a version newer than `version` at once, or when one is ready, or 204',
        querystring: schemas.PollQuery,
        response: {
          200: schemas.Offer,
          204: Type.Null(),
          ...problemResponses('unauthorized'),
        },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const { version, wait } = request.query;
      const now = core.clock.now();
      if (!agent.seenAt || now.getTime() - agent.seenAt.getTime() >= seenEveryMs) {
        await agents.recordAgentSeen(db, agent.nodeId, now);
      }
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      let offer = await agents.offerAfter(db, agent.nodeId, version);
      if (!offer && wait > 0) {
        const woken = waiters.wait(agent.nodeId, wait * 1000, gone.signal);
        // Read again once subscribed: a version kept between the first read and the
        // subscription announced itself to no one.
        offer = await agents.offerAfter(db, agent.nodeId, version);
        if (!offer) {
          await woken;
          // An agent that went away mid-wait (a fleet reconnecting) costs no more reads.
          if (gone.signal.aborted) return reply.code(204).send(null);
          offer = await agents.offerAfter(db, agent.nodeId, version);
        }
        gone.abort();
      }
      if (!offer) return reply.code(204).send(null);
      return { ...offer, server_time: core.clock.now().toISOString() } as never;
    },
  );

  app.post(
    '/v1/delivery/agent/ack',
    {
      onRequest,
      config: byNode,
      schema: {
        tags: agentTags,
        security: agentSecurity,
        summary: 'Acknowledge the version offered, or refuse it with `error` (a NACK)',
        body: schemas.AnswerInput,
        response: {
          200: schemas.Answered,
          ...problemResponses(deliveryProblems, 'unauthorized', 'conflict', 'invalid-csr'),
        },
      },
    },
    async (request) => answerOffer(delivery, agentOf(request).nodeId, request.body),
  );
}
