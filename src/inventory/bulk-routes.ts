import type { App } from '../platform/http/app.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import type { Core } from '../platform/module.ts';
import { requireKeeper } from './access.ts';
import { type ChunkWriter, writeInBulk } from './bulk.ts';
import { upsertItemChunk } from './bulk-items.ts';
import { setLevelChunk } from './bulk-levels.ts';
import { BulkItemsBody, BulkLevelsBody, BulkResult } from './bulk-schemas.ts';
import { security, tags, userOf } from './catalogue-routes.ts';
import { fileRoutes } from './file-routes.ts';
import { inventoryProblems } from './problems.ts';
import { OrgParams } from './schemas.ts';

/** 10,000 rows of items with long descriptions are more than the API's usual 1 MiB. */
const bulkBodyLimitBytes = 64 * 1024 * 1024;

/**
 * `POST …/items/bulk` and `POST …/levels/bulk` (owners and admins), then the CSV files that
 * feed the same code (file-routes.ts).
 */
export function bulkRoutes(app: App, core: Core): void {
  const base = '/v1/orgs/:orgId/inventory';

  function bulkRoute(
    path: string,
    summary: string,
    body: typeof BulkItemsBody,
    write: ChunkWriter,
  ) {
    app.post(
      `${base}/${path}`,
      {
        onRequest: core.auth.requireUser,
        bodyLimit: bulkBodyLimitBytes,
        config: { idempotent: true },
        schema: {
          tags,
          security,
          summary,
          params: OrgParams,
          body,
          response: {
            200: BulkResult,
            ...problemResponses(
              inventoryProblems,
              'unauthorized',
              'forbidden',
              'not-found',
              'bulk-rejected',
              'payload-too-large',
            ),
          },
        },
      },
      async (request) => {
        const { orgId } = request.params;
        const userId = userOf(request);
        await requireKeeper(core, orgId, userId);
        const { rows, error_policy = 'reject_all' } = request.body;
        const indexed = rows.map((value, row) => ({ row, value }));
        return writeInBulk(core, { orgId, userId }, error_policy, indexed, write);
      },
    );
  }

  bulkRoute(
    'items/bulk',
    'Create or update up to 10,000 items by SKU; one result per row',
    BulkItemsBody,
    upsertItemChunk,
  );
  bulkRoute(
    'levels/bulk',
    'Set up to 10,000 quantities (by SKU or item id, and location) through the ledger',
    BulkLevelsBody,
    setLevelChunk,
  );
  fileRoutes(app, core);
}
