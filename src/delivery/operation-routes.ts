import type { App } from '../platform/http/app.ts';
import { decodeIdCursor, Page, PageQuery, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { security, serviceFor, tags, userOf } from './access.ts';
import type { Delivery } from './delivery.ts';
import { requireNode } from './nodes.ts';
import * as schemas from './operation-schemas.ts';
import * as rollouts from './rollouts.ts';
import { NodeParams, ServiceParams } from './schemas.ts';
import { serviceAlarms } from './store/alarms.ts';
import { findCurrentMetadata } from './store/node-metadata.ts';
import type { AlarmRow } from './store/operation-tables.ts';
import { listRollouts } from './store/rollouts.ts';
import type { NodeRow, ServiceRow } from './store/tables.ts';

/** A service's alarms, its rollouts, and a node's current metadata. */
export function operationRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const onRequest = core.auth.requireUser;
  const base = '/v1/delivery/services/:serviceId';

  app.get(
    `${base}/alarms`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The service's open alarms and its last resolved ones",
        params: ServiceParams,
        response: { 200: schemas.ServiceAlarms, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request));
      const alarms = await serviceAlarms(db, service.id, { open: 100, recent: 20 });
      return {
        open_count: alarms.openCount,
        open: alarms.open.map(alarmJson),
        recent: alarms.recent.map(alarmJson),
      };
    },
  );

  app.post(
    `${base}/rollouts`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Re-issue every node of the service, paced, stopping on failures (owners, admins)',
        params: ServiceParams,
        body: schemas.RolloutInput,
        response: {
          201: schemas.Rollout,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const userId = userOf(request);
      const service = await serviceFor(core, db, request.params.serviceId, userId, true);
      const { nodes_per_minute, abort_ratio } = request.body;
      const rollout = await rollouts.startRollout(delivery, service, {
        nodesPerMinute: nodes_per_minute,
        abortRatio: abort_ratio,
        userId,
      });
      return reply.code(201).send(await rollouts.rolloutJson(db, rollout));
    },
  );

  app.get(
    `${base}/rollouts`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The service's rollouts, newest first: the running one, if any, comes first",
        params: ServiceParams,
        querystring: PageQuery,
        response: {
          200: Page(schemas.Rollout),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request));
      const { limit, cursor } = request.query;
      const rows = await listRollouts(db, service.id, decodeIdCursor(cursor), limit + 1);
      const page = pageOf(rows, limit, (row) => [row.id]);
      return {
        ...page,
        items: await Promise.all(page.items.map((row) => rollouts.rolloutJson(db, row))),
      };
    },
  );

  app.get(
    `${base}/rollouts/:rolloutId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "A rollout's progress",
        params: schemas.RolloutParams,
        response: { 200: schemas.Rollout, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { serviceId, rolloutId } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request));
      return rollouts.rolloutJson(db, await rollouts.requireRollout(db, service.id, rolloutId));
    },
  );

  app.post(
    `${base}/rollouts/:rolloutId/cancel`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Stop a running rollout; nodes not yet re-issued keep their own schedule',
        params: schemas.RolloutParams,
        response: {
          200: schemas.Rollout,
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request) => {
      const { serviceId, rolloutId } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request), true);
      const rollout = await rollouts.cancelRollout(delivery, service, rolloutId);
      return rollouts.rolloutJson(db, rollout);
    },
  );

  app.get(
    `${base}/nodes/:name/metadata`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'What the node runs now: its last acknowledged metadata (no private key)',
        params: NodeParams,
        response: {
          200: schemas.CurrentMetadata,
          ...problemResponses('unauthorized', 'not-found'),
        },
      },
    },
    async (request) => {
      const { serviceId, name } = request.params;
      const service = await serviceFor(core, db, serviceId, userOf(request));
      return currentMetadataJson(delivery, service, await requireNode(db, service.id, name));
    },
  );
}

/** The node's current metadata; a 404 saying so when it has acknowledged nothing yet. */
export async function currentMetadataJson(delivery: Delivery, service: ServiceRow, node: NodeRow) {
  const current = await findCurrentMetadata(delivery.core.database.db, node.id);
  if (!current) {
    throw new Problem('not-found', `${node.name} has acknowledged no metadata yet`, {
      state: node.state,
    });
  }
  return {
    service: { id: service.id, name: service.name },
    node: node.name,
    kind: service.kind,
    version: current.version,
    issued_at: current.issued_at,
    expires_at: current.expires_at,
    metadata: current.metadata,
  };
}

function alarmJson(alarm: AlarmRow) {
  const { id, kind, node, summary, details, raised_at, resolved_at } = alarm;
  return { id, kind, node, summary, details, raised_at, resolved_at };
}
