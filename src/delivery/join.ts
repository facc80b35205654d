import type { FastifyRequest } from 'fastify';
import { type Db, transaction } from '../platform/db/database.ts';
import { newTokenSecret, tokenHash } from '../platform/identity/tokens.ts';
import { Problem } from '../platform/problems.ts';
import type { Delivery } from './delivery.ts';
import { nodeNameProblem } from './node-list.ts';
import { checkedCsr } from './pull.ts';
import * as agents from './store/agents.ts';
import { findNode, forceDelivery, insertNodes } from './store/nodes.ts';
import { bringNextDueForward, findService, shareService } from './store/services.ts';
import type { JoinTokenRow, ServiceRow } from './store/tables.ts';

// How an agent becomes a node's (docs/delivery.md, "Pull mode and the agent"). An owner or
// admin creates a join token for a pull service (shown once, kept hashed, with an expiry,
// revocable); an agent that holds it joins as one node and receives a credential of its own
// (shown once, kept hashed), with which it long-polls and acknowledges. The two are Meridian
// secrets of their own kinds, apart from API tokens: an agent's credential opens no user route,
// and a user's token no agent route.

/** The prefixes of a join token and of a node's credential, for secret scanners and for us. */
export const joinTokenPrefix = 'mrdj_';
export const credentialPrefix = 'mrdn_';

/** A join token lives a day unless its creator says otherwise; at most a year. */
export const defaultJoinTokenMinutes = 24 * 60;

export function joinTokenJson(token: JoinTokenRow) {
  return {
    id: token.id,
    service_id: token.service_id,
    name: token.name,
    expires_at: token.expires_at,
    revoked_at: token.revoked_at,
    joins: token.joins,
    last_used_at: token.last_used_at,
    created_at: token.created_at,
  };
}

/** A new join token for a pull service; its secret is in the answer and nowhere else. */
export async function createJoinToken(
  delivery: Delivery,
  service: ServiceRow,
  input: { name?: string; expires_in_minutes?: number },
  userId: string,
) {
  if (service.mode !== 'pull') {
    throw new Problem(
      'conflict',
      'Join tokens are for pull services: a push service has no agents',
    );
  }
  const secret = newTokenSecret(joinTokenPrefix);
  const minutes = input.expires_in_minutes ?? defaultJoinTokenMinutes;
  const row = await agents.insertJoinToken(delivery.core.database.db, {
    serviceId: service.id,
    name: input.name ?? 'agents',
    hash: tokenHash(secret),
    expiresAt: new Date(delivery.core.clock.now().getTime() + minutes * 60_000),
    createdBy: userId,
  });
  return { ...joinTokenJson(row), token: secret };
}

export interface JoinRequest {
  token: string;
  node: string;
  /** Required by a certificate service: the CSR of the node's first key. */
  csr?: string;
  agent_time?: string;
}

/**
 * Registers the agent as the node `node` of the token's service: a service with a node source
 * takes only nodes on its list (403 `node-not-listed`), one without registers the node. A node
 * that had an agent gets this one instead (the former credential stops working). Its first
 * version is prepared at the dispatcher's next pass. Returns the node's credential, which is shown only here.
 */
export async function joinNode(delivery: Delivery, request: JoinRequest) {
  const { core } = delivery;
  const now = core.clock.now();
  const token = await usableJoinToken(core.database.db, request.token, now);
  const nameProblem = nodeNameProblem(request.node);
  if (nameProblem) {
    throw new Problem('invalid-service', `node: ${request.node} ${nameProblem}`, {
      errors: [{ field: 'body/node', message: nameProblem }],
    });
  }
  const service = await findService(core.database.db, token.service_id);
  if (!service) throw new Problem('unauthorized', 'The join token is unknown or revoked');
  if (service.kind === 'certificate' && request.csr === undefined) {
    throw new Problem(
      'invalid-csr',
      "A certificate service certifies the agent's own key: send a CSR (PEM) with the join",
    );
  }
  if (request.csr !== undefined) await checkedCsr(request.csr);
  const credential = newTokenSecret(credentialPrefix);
  // The service's lock shared, not exclusive: agents join one service in parallel, and their
  // first deliveries are started by the dispatcher's next pass (DELIVERY_SCAN_MS).
  await transaction(core.database.db, async (tx) => {
    await shareService(tx, service.id);
    if (!(await findService(tx, service.id))) {
      throw new Problem('unauthorized', 'The join token is unknown: its service was removed');
    }
    const node = await joiningNode(tx, service, request.node, now);
    await agents.upsertAgent(tx, node.id, tokenHash(credential), request.csr ?? null);
    const skew = request.agent_time ? now.getTime() - Date.parse(request.agent_time) : Number.NaN;
    await agents.recordAgentSeen(tx, node.id, now, Number.isFinite(skew) ? skew : undefined);
    await forceDelivery(tx, node.id, now);
    await bringNextDueForward(tx, service.id, now);
    // Last: every join with this token writes its row.
    await agents.countJoin(tx, token.id, now);
  });
  return {
    credential,
    node: request.node,
    service: { id: service.id, name: service.name, kind: service.kind },
  };
}

async function usableJoinToken(db: Db, secret: string, now: Date): Promise<JoinTokenRow> {
  const token = secret.startsWith(joinTokenPrefix)
    ? await agents.findJoinToken(db, tokenHash(secret))
    : undefined;
  if (!token) {
    throw new Problem('unauthorized', 'The join token is unknown: ask an admin of the service');
  }
  if (token.revoked_at) throw new Problem('unauthorized', 'The join token was revoked');
  if (token.expires_at <= now) {
    throw new Problem(
      'unauthorized',
      `The join token expired at ${token.expires_at.toISOString()}`,
    );
  }
  return token;
}

async function joiningNode(tx: Db, service: ServiceRow, name: string, now: Date) {
  const existing = await findNode(tx, service.id, name);
  if (existing) return existing;
  if (service.source_location) {
    throw new Problem(
      'node-not-listed',
      `${name} is not on this service's node source: add it to the list, then join again after the next read`,
    );
  }
  const [created] = await insertNodes(tx, service.id, [name], 'agent', now);
  return created as NonNullable<typeof created>;
}

/** The node an authenticated agent acts as. */
export interface AgentPrincipal {
  nodeId: string;
  serviceId: string;
  name: string;
  seenAt: Date | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAgent` for a valid node credential. */
    agent?: AgentPrincipal;
  }
}

/**
 * `onRequest` hook of the agent routes: a node credential as a bearer, or a 401 (recorded and
 * thrown in `preValidation`, as the platform's `requireUser` does, so the rate limiter runs
 * first). A user's API token is refused here, as a node credential is on user routes.
 */
export function agentAuthenticator(db: Db) {
  return async function requireAgent(request: FastifyRequest): Promise<void> {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '');
    const secret = match?.[1];
    if (!secret?.startsWith(credentialPrefix)) {
      request.authFailure = new Problem(
        'unauthorized',
        secret
          ? 'This route takes a node credential (from POST /v1/delivery/agent/join), not an API token'
          : 'Send the node credential as "Authorization: Bearer <credential>"',
      );
      return;
    }
    const node = await agents.findAgentNode(db, tokenHash(secret));
    if (!node) {
      request.authFailure = new Problem(
        'unauthorized',
        'The node credential is unknown: replaced by a later join, or its node was removed',
      );
      return;
    }
    request.agent = {
      nodeId: node.id,
      serviceId: node.service_id,
      name: node.name,
      seenAt: node.agent_seen_at,
    };
  };
}

/** The agent of a route behind `requireAgent`. */
export function agentOf(request: FastifyRequest): AgentPrincipal {
  if (!request.agent || request.authFailure) throw new Problem('unauthorized');
  return request.agent;
}
