import type { TSchema } from 'typebox';
import type { App } from '../platform/http/app.ts';
import { decodeSerialCursor, Page, pageOf } from '../platform/http/pagination.ts';
import { problemResponses } from '../platform/http/schemas.ts';
import { requireKeeper, requireMember } from './access.ts';
import { requireItem } from './catalogue.ts';
import { security, tags, userOf } from './catalogue-routes.ts';
import { inventoryProblems } from './problems.ts';
import * as schemas from './schemas.ts';
import { levelJson } from './stock.ts';
import * as operations from './stock-operations.ts';
import { ledgerOfItem, levelsOfItem } from './store/levels.ts';
import type { Inventory } from './writers.ts';

type Operation<Body> = (
  inventory: Inventory,
  actor: operations.Actor,
  body: Body,
) => Promise<{ operationId: string; levels: ReturnType<typeof levelJson>[] }>;

/** Levels, the ledger, and the stock operations under `/v1/orgs/:orgId/inventory`. */
export function stockRoutes(app: App, inventory: Inventory): void {
  const { core } = inventory;
  const base = '/v1/orgs/:orgId/inventory';
  const { db } = core.database;
  const onRequest = core.auth.requireUser;

  /** One stock operation: owners and admins, idempotent, answering the levels it changed. */
  function operationRoute<Body>(
    path: string,
    summary: string,
    body: TSchema,
    operation: Operation<Body>,
  ) {
    app.post(
      `${base}/${path}`,
      {
        onRequest,
        config: { idempotent: true },
        schema: {
          tags,
          security,
          summary,
          params: schemas.OrgParams,
          body,
          response: {
            200: schemas.StockResult,
            ...problemResponses(
              inventoryProblems,
              'unauthorized',
              'forbidden',
              'not-found',
              'insufficient-stock',
              'quantity-stale',
              'unprocessable',
            ),
          },
        },
      },
      async (request) => {
        const { orgId } = request.params as { orgId: string };
        const userId = userOf(request);
        await requireKeeper(core, orgId, userId);
        const result = await operation(inventory, { orgId, userId }, request.body as Body);
        return { operation_id: result.operationId, levels: result.levels };
      },
    );
  }

  operationRoute(
    'adjustments',
    'Add a (signed) delta to a quantity, on_hand unless state says otherwise',
    schemas.AdjustmentInput,
    operations.adjustStock,
  );
  operationRoute(
    'set-quantity',
    'Set a quantity; with change_from_quantity, only if it still is that (else 409)',
    schemas.SetQuantityInput,
    operations.setStock,
  );
  operationRoute(
    'moves',
    'Move units between states of one level (on_hand, incoming, damaged)',
    schemas.MoveInput,
    operations.moveStock,
  );
  operationRoute(
    'transfers',
    'Move on-hand units from one location to another',
    schemas.TransferInput,
    operations.transferStock,
  );
  operationRoute(
    'receipts',
    'Receive units into on hand (off incoming as far as it holds them), with their unit cost',
    schemas.ReceiptInput,
    operations.receiveStock,
  );

  app.put(
    `${base}/items/:itemId/levels/:locationId/thresholds`,
    {
      onRequest,
      config: { idempotent: true },
      schema: {
        tags,
        security,
        summary: "Set a level's safety stock and reorder point (owners and admins)",
        params: schemas.ThresholdParams,
        body: schemas.ThresholdsInput,
        response: {
          200: schemas.StockResult,
          ...problemResponses('unauthorized', 'forbidden', 'not-found'),
        },
      },
    },
    async (request) => {
      const { orgId, itemId, locationId } = request.params;
      const userId = userOf(request);
      await requireKeeper(core, orgId, userId);
      const key = { item_id: itemId, location_id: locationId };
      const result = await operations.setLevelThresholds(
        core,
        { orgId, userId },
        key,
        request.body,
      );
      return { operation_id: result.operationId, levels: result.levels };
    },
  );

  app.get(
    `${base}/items/:itemId/levels`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "An item's levels at every location that holds it, first to fulfil first",
        params: schemas.ItemParams,
        response: { 200: schemas.ItemLevels, ...problemResponses('unauthorized', 'not-found') },
      },
    },
    async (request) => {
      const { orgId, itemId } = request.params;
      await requireMember(core, orgId, userOf(request));
      await requireItem(db, orgId, itemId);
      const levels = await levelsOfItem(db, orgId, itemId);
      return { item_id: itemId, levels: levels.map(levelJson) };
    },
  );

  app.get(
    `${base}/items/:itemId/ledger`,
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "An item's ledger, newest first (every change of every quantity)",
        params: schemas.ItemParams,
        querystring: schemas.LedgerQuery,
        response: {
          200: Page(schemas.LedgerEntry),
          ...problemResponses('unauthorized', 'not-found', 'invalid-cursor'),
        },
      },
    },
    async (request) => {
      const { orgId, itemId } = request.params;
      await requireMember(core, orgId, userOf(request));
      await requireItem(db, orgId, itemId);
      const { limit, cursor, location_id } = request.query;
      const rows = await ledgerOfItem(db, orgId, {
        itemId,
        locationId: location_id,
        before: decodeSerialCursor(cursor),
        limit: limit + 1,
      });
      return pageOf(rows, limit, (row) => [row.id]);
    },
  );
}
