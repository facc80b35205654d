import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { validationProblem } from '../platform/http/validation.ts';
import { requireKeeper, security, userOf } from './access.ts';
import { briefFields, briefService } from './brief.ts';
import * as schemas from './brief-schemas.ts';
import type { Delivery } from './delivery.ts';
import * as nodes from './nodes.ts';
import { currentMetadataJson } from './operation-routes.ts';
import { CurrentMetadata } from './operation-schemas.ts';
import { deliveryProblems } from './problems.ts';
import { Node, Service } from './schemas.ts';
import * as services from './services.ts';
import { findNode } from './store/nodes.ts';

const tags = ['delivery (brief API)'];

/**
 * The brief's API as it writes it, each call an alias of the clean `/v1/delivery/…` API
 * (docs/delivery.md, "The brief's API"): `/GetMetaData`, `/Register`, `/Refresh`.
 */
export function briefRoutes(app: App, delivery: Delivery): void {
  const { core } = delivery;
  const { db } = core.database;
  const onRequest = core.auth.requireUser;

  /** The caller, the service named, and the organisation header's value. */
  function callOf(
    request: FastifyRequest,
    fields: { serviceName_id?: string; servicename_id?: string; org_id?: string },
  ) {
    const header = request.headers['meridian-organisation'];
    return {
      userId: userOf(request),
      ref: fields.serviceName_id ?? fields.servicename_id,
      orgId: fields.org_id ?? (typeof header === 'string' ? header : undefined),
    };
  }

  const getMetaData = async (
    request: FastifyRequest,
    query: schemas.GetMetaDataInput,
    body: schemas.GetMetaDataInput | null,
  ) => {
    const fields = briefFields(query, body, ['node_id']);
    const service = await briefService(core, db, callOf(request, fields));
    const node = await nodes.requireNode(db, service.id, fields.node_id as string);
    return currentMetadataJson(delivery, service, node);
  };
  const metaDataSchema = {
    tags,
    security,
    summary: "A node's current metadata (alias of …/nodes/{name}/metadata)",
    querystring: schemas.GetMetaDataInput,
    response: {
      200: CurrentMetadata,
      ...problemResponses('unauthorized', 'not-found', 'bad-request', 'validation-failed'),
    },
  };
  app.get('/GetMetaData', { onRequest, schema: metaDataSchema }, (request) =>
    getMetaData(request, request.query, null),
  );
  app.post(
    '/GetMetaData',
    {
      onRequest,
      schema: { ...metaDataSchema, body: Type.Union([schemas.GetMetaDataInput, Type.Null()]) },
    },
    (request) => getMetaData(request, request.query, request.body),
  );

  app.post(
    '/Register',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: 'Onboard a service from its node list (alias of POST /v1/delivery/services)',
        querystring: schemas.RegisterQuery,
        body: Type.Union([schemas.RegisterBody, Type.Null()]),
        response: {
          201: Service,
          ...problemResponses(
            deliveryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'bad-request',
            'validation-failed',
            'service-name-taken',
            'invalid-service',
            'target-refused',
          ),
        },
      },
    },
    async (request, reply) => {
      const fields = briefFields<schemas.RegisterBody>(request.query, request.body, [
        's3_file_link',
        'push_url_template',
      ]);
      const call = callOf(request, fields);
      if (!call.ref) {
        throw validationProblem([{ field: 'body/servicename_id', message: 'is required' }]);
      }
      const orgId = await core.identity.organisationOf(call.userId, call.orgId);
      await requireKeeper(core, orgId, call.userId);
      const rest = fields;
      const { access_key_id, secret_access_key, session_token, s3_region, s3_endpoint } = rest;
      const { service, notes } = await services.createService(delivery, {
        org_id: orgId,
        name: call.ref,
        kind: rest.kind ?? 'certificate',
        lifetime_minutes: rest.lifetime_minutes ?? 60,
        push_url_template: rest.push_url_template as string,
        fetch_url_template: rest.fetch_url_template,
        static_metadata: rest.static_metadata,
        renewal_window: rest.renewal_window,
        concurrency: rest.concurrency,
        node_source: {
          location: rest.s3_file_link as string,
          access_key_id,
          secret_access_key,
          session_token,
          s3_region,
          s3_endpoint,
        },
      });
      return reply.code(201).send(services.serviceJson(service, notes));
    },
  );

  app.post(
    '/Refresh',
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary:
          'Add a node and deliver to it at once, or deliver to a node the service has now (alias of …/nodes and …/nodes/{name}/deliver)',
        querystring: schemas.RefreshInput,
        body: Type.Union([schemas.RefreshInput, Type.Null()]),
        response: {
          201: Node,
          202: Node,
          ...problemResponses(
            deliveryProblems,
            'unauthorized',
            'forbidden',
            'not-found',
            'bad-request',
            'validation-failed',
            'conflict',
            'invalid-service',
          ),
        },
      },
    },
    async (request, reply) => {
      const fields = briefFields(request.query, request.body, ['new_node_id']);
      const service = await briefService(core, db, callOf(request, fields), true);
      const name = fields.new_node_id as string;
      const now = () => core.clock.now();
      if (await findNode(db, service.id, name)) {
        const node = await nodes.deliverNow(delivery, service, name);
        return reply.code(202).send(nodes.nodeJson(node, service, now()));
      }
      const node = await nodes.registerNode(delivery, service, name);
      return reply.code(201).send(nodes.nodeJson(node, service, now()));
    },
  );
}
