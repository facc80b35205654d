import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import type { Core } from '../platform/module.ts';
import { Problem } from '../platform/problems.ts';
import { requireKeeper, requireMember } from './access.ts';
import { Import, ImportParams, ImportQuery } from './bulk-schemas.ts';
import { security, tags, userOf } from './catalogue-routes.ts';
import { exportItems, exportLevels } from './exports.ts';
import { receiveImport } from './imports.ts';
import { inventoryProblems } from './problems.ts';
import { OrgParams } from './schemas.ts';
import { findImport, type ImportRow } from './store/imports.ts';

const csvResponse = {
  description: 'CSV (RFC 4180), header first',
  content: { 'text/csv': { schema: { type: 'string' } } },
};

/** CSV exports and imports under `/v1/orgs/:orgId/inventory` (docs/inventory.md). */
export function fileRoutes(app: App, core: Core): void {
  const base = '/v1/orgs/:orgId/inventory';
  const onRequest = core.auth.requireUser;
  const exports = { 'items.csv': exportItems, 'levels.csv': exportLevels } as const;

  for (const [file, exportRows] of Object.entries(exports)) {
    app.get(
      `${base}/export/${file}`,
      {
        onRequest,
        schema: {
          tags,
          security,
          summary: `The organisation's ${file.replace('.csv', '')} as CSV, streamed`,
          params: OrgParams,
          response: { 200: csvResponse, ...problemResponses('unauthorized', 'not-found') },
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        await requireMember(core, orgId, userOf(request));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file}"`)
          .send(exportRows(core.database.db, orgId));
      },
    );
  }

  // The import's body is a CSV stream, read as it arrives: only this route takes text/csv.
  app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scoped.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    scoped.post(
      `${base}/imports`,
      {
        onRequest,
        schema: {
          tags,
          security,
          summary: 'Import a CSV file of items or levels (text/csv); it runs as a job',
          params: OrgParams,
          querystring: ImportQuery,
          response: {
            202: Import,
            ...problemResponses(
              inventoryProblems,
              'unauthorized',
              'forbidden',
              'not-found',
              'unprocessable',
              'payload-too-large',
              'unsupported-media-type',
            ),
          },
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        const userId = userOf(request);
        await requireKeeper(core, orgId, userId);
        if (!(request.body instanceof Readable)) {
          throw new Problem('unsupported-media-type', 'Send the file as text/csv');
        }
        const { kind, error_policy } = request.query;
        const received = await receiveImport(
          core,
          { orgId, userId },
          { kind, policy: error_policy, body: request.body },
        );
        reply.header('location', `/v1/orgs/${orgId}/inventory/imports/${received.id}`);
        return reply.code(202).send(importJson(received));
      },
    );
  });

  app.get(
    `${base}/imports/:importId`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "An import's state, progress and failed rows",
        params: ImportParams,
        response: { 200: Import, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { orgId, importId } = request.params;
      await requireMember(core, orgId, userOf(request));
      const found = await findImport(core.database.db, orgId, importId);
      if (!found) throw new Problem('not-found', `No import ${importId}`);
      return importJson(found);
    },
  );
}

function importJson(row: ImportRow) {
  const { created, updated, unchanged, failed, org_id: _org, created_by: _by, ...rest } = row;
  return { ...rest, counts: { created, updated, unchanged, failed } };
}
