import { type Static, Type } from 'typebox';
import { Id, LedgerReason, Sku, StockState } from './schemas.ts';
import { maxQuantity } from './store/tables.ts';

// The JSON of bulk writes and imports (docs/inventory.md, "Search, bulk and files"). A bulk body is checked here only as an envelope; each row is checked on its own in
// node (bulk.ts), so that one bad row fails that row, not the request.

/** The most rows one bulk request may carry. */
export const maxBulkRows = 10_000;

/** What a failed row does to the others: `reject_all` (the default) or `reject_failed_rows`. */
export const ErrorPolicy = Type.Union(
  [Type.Literal('reject_all'), Type.Literal('reject_failed_rows')],
  {
    description:
      'reject_all: any failed row and nothing is written (422); reject_failed_rows: the others are',
  },
);
export type ErrorPolicy = Static<typeof ErrorPolicy>;

const bulkBody = (description: string) =>
  Type.Object(
    {
      error_policy: Type.Optional(ErrorPolicy),
      rows: Type.Array(Type.Unknown({ description }), { minItems: 1, maxItems: maxBulkRows }),
    },
    { additionalProperties: false },
  );

/** `POST …/items/bulk`: items by SKU, created or updated (fields left out keep their value). */
export const BulkItemsBody = bulkBody('An item, as POST …/items takes it');

/** `POST …/levels/bulk`: quantities set, through the ledger. */
export const BulkLevelsBody = bulkBody('A level to set: LevelSetRow');

/** One row of a level set: the item by SKU or id, the location, and the quantity of a state. */
export const LevelSetRow = Type.Object(
  {
    sku: Type.Optional(Sku),
    item_id: Type.Optional(Id),
    location_id: Id,
    quantity: Type.Integer({ minimum: 0, maximum: maxQuantity }),
    state: Type.Optional(StockState),
    change_from_quantity: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: maxQuantity }), Type.Null()]),
    ),
    reason: Type.Optional(LedgerReason),
    reference: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type LevelSetRow = Static<typeof LevelSetRow>;

/** What became of one row. */
export const RowResult = Type.Object({
  row: Type.Integer({ description: 'The index in rows (JSON), or the line of the file (CSV)' }),
  status: Type.Union([
    Type.Literal('created'),
    Type.Literal('updated'),
    Type.Literal('unchanged'),
    Type.Literal('failed'),
  ]),
  id: Type.Optional(Id),
  error: Type.Optional(
    Type.Object({
      type: Type.String({ description: '/problems/<name>, as docs/errors.md lists them' }),
      status: Type.Integer({ description: 'The status the row would have had on its own' }),
      detail: Type.String(),
    }),
  ),
});
export type RowResult = Static<typeof RowResult>;

/** How many rows ended in each status. */
export const RowCounts = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  failed: Type.Integer(),
});
export type RowCounts = Static<typeof RowCounts>;

/** The 200 of a bulk write: the counts, and one result per row in order. */
export const BulkResult = Type.Object({ counts: RowCounts, results: Type.Array(RowResult) });

// ---- Imports ----

/** `POST …/imports?kind=&error_policy=`: the body is the CSV file. */
export const ImportQuery = Type.Object(
  {
    kind: Type.Union([Type.Literal('items'), Type.Literal('levels')], { default: 'items' }),
    error_policy: Type.Union([Type.Literal('reject_all'), Type.Literal('reject_failed_rows')], {
      default: 'reject_all',
    }),
  },
  { additionalProperties: false },
);

/** `…/imports/:importId`. */
export const ImportParams = Type.Object({ orgId: Id, importId: Id });

/** An import as `POST …/imports` and `GET …/imports/:id` answer it. */
export const Import = Type.Object({
  id: Id,
  kind: Type.String(),
  error_policy: ErrorPolicy,
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('completed'),
    Type.Literal('failed'),
  ]),
  columns: Type.Array(Type.String()),
  ignored_columns: Type.Array(Type.String()),
  total: Type.Integer(),
  processed: Type.Integer(),
  counts: RowCounts,
  errors: Type.Array(RowResult, { description: 'The first 1,000 failed rows' }),
  created_at: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
  started_at: Type.Union([Type.Unsafe<Date>({ type: 'string', format: 'date-time' }), Type.Null()]),
  finished_at: Type.Union([
    Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
    Type.Null(),
  ]),
});
