import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { expectedVersion, setVersionTag } from '../platform/http/concurrency.ts';
import { decodeIdCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { Problem } from '../platform/problems.ts';
import { requireKeeper, requireMember, security, serviceFor, tags, userOf } from './access.ts';
import { ensureAuthority } from './authority.ts';
import type { Delivery } from './delivery.ts';
import { serviceStatus } from './nodes.ts';
import { deliveryProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import * as services from './services.ts';
import { enqueueSourceSync } from './source-sync.ts';
import * as store from './store/services.ts';

/** Services under `/v1/delivery/services`, and the organisation's CA certificate. */
export function serviceRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const onRequest = core.auth.requireUser;
  const base = '/v1/delivery/services';

  app.post(
    base,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: "Onboard a service (owners and admins of the body's org_id)",
        body: schemas.ServiceInput,
        response: {
          201: schemas.Service,
          ...problemResponses(
            deliveryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'service-name-taken',
            'invalid-service',
            'target-refused',
          ),
        },
      },
    },
    async (request, reply) => {
      await requireKeeper(core, request.body.org_id, userOf(request));
      const { service, notes } = await services.createService(delivery, request.body);
      setVersionTag(reply, service.version);
      return reply.code(201).send(services.serviceJson(service, notes));
    },
  );

  app.get(
    base,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The organisation's services, oldest first",
        querystring: schemas.ServiceListQuery,
        response: {
          200: Page(schemas.Service),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { org_id, limit, cursor } = request.query;
      await requireMember(core, org_id, userOf(request));
      const rows = await store.listServices(db, org_id, decodeIdCursor(cursor), limit + 1);
      const page = pageOf(rows, limit, (row) => [row.id]);
      return { ...page, items: page.items.map((row) => services.serviceJson(row)) };
    },
  );

  app.get(
    `${base}/:serviceId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One service',
        params: schemas.ServiceParams,
        response: { 200: schemas.Service, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request, reply) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request));
      setVersionTag(reply, service.version);
      return services.serviceJson(service);
    },
  );

  app.patch(
    `${base}/:serviceId`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Change a service (owners and admins); If-Match or version guards a lost update',
        params: schemas.ServiceParams,
        body: schemas.ServicePatch,
        response: {
          200: schemas.Service,
          ...problemResponses(
            deliveryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'service-name-taken',
            'invalid-service',
            'target-refused',
            'version-conflict',
            'precondition-failed',
          ),
        },
      },
    },
    async (request, reply) => {
      const current = await serviceFor(core, db, request.params.serviceId, userOf(request), true);
      const { version, ...patch } = request.body;
      const expected = expectedVersion(request, version);
      const { service, notes } = await services.updateService(delivery, current, patch, expected);
      setVersionTag(reply, service.version);
      return services.serviceJson(service, notes);
    },
  );

  app.delete(
    `${base}/:serviceId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Remove a service and its nodes (owners and admins); nothing more is delivered',
        params: schemas.ServiceParams,
        response: {
          204: Type.Null(),
          ...problemResponses('unauthorized', 'forbidden', 'not-found'),
        },
      },
    },
    async (request, reply) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request), true);
      await services.deleteService(db, service.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/:serviceId/status`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The nodes counted by phase (healthy, renewing, danger, expired), and the source',
        params: schemas.ServiceParams,
        response: { 200: schemas.ServiceStatus, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request));
      const status = await serviceStatus(db, service, core.clock.now());
      return { ...status, node_source: services.nodeSourceJson(service) };
    },
  );

  app.post(
    `${base}/:serviceId/source/sync`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Read the node source now, not at its next periodic read (owners and admins)',
        params: schemas.ServiceParams,
        response: {
          202: Type.Object({ queued: Type.Boolean() }),
          ...problemResponses('unauthorized', 'forbidden', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const service = await serviceFor(core, db, request.params.serviceId, userOf(request), true);
      if (!service.source_location) {
        throw new Problem(
          'conflict',
          'This service has no node source: its nodes are registered through the API',
        );
      }
      await enqueueSourceSync(delivery, db, service.id);
      return reply.code(202).send({ queued: true });
    },
  );

  app.get(
    '/v1/delivery/authority',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The organisation's CA certificate, which its nodes and their peers trust",
        querystring: schemas.OrgQuery,
        response: { 200: schemas.Authority, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { org_id } = request.query;
      await requireMember(core, org_id, userOf(request));
      const authority = await ensureAuthority(delivery, org_id);
      const { certificate_pem, serial_number, not_after } = authority;
      return { org_id, certificate_pem, serial_number, not_after };
    },
  );
}
