import { Type } from 'typebox';
import { Id, Item, Nullable, Quantity } from './schemas.ts';

// The bodies of brief 001's API as its design note writes them (`item_name`, `item_content`,
// `item_media`, parallel arrays for the bulk calls), plus what each needs to be unambiguous.
// `user_id` and `timestamp` are the note's: `user_id` must be the caller, `timestamp` is kept
// for clients that send it and otherwise ignored (the server's clock is the record's).

const briefCommon = {
  user_id: Type.Optional(Id),
  timestamp: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Number()])),
  org_id: Type.Optional(Id),
  stateless_session: Type.Optional(Type.String({ maxLength: 4096 })),
};

const Media = Type.Union([
  Type.String({ maxLength: 2048 }),
  Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 20 }),
  Type.Null(),
]);

export const BriefQuery = Type.Object(
  {
    ...briefCommon,
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

export const BriefItemQuery = Type.Object(briefCommon, { additionalProperties: false });

export const BriefSearchQuery = Type.Object(
  {
    ...briefCommon,
    query: Type.String({ maxLength: 200, default: '', description: 'SKU, name or description' }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

export const BriefUpdate = Type.Object(
  {
    ...briefCommon,
    item_id: Type.Optional(Id),
    item_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    item_content: Type.Optional(Type.String({ maxLength: 10_000 })),
    item_media: Type.Optional(Media),
    sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' })),
    quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    location_id: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const BriefBulkUpdate = Type.Object(
  {
    ...briefCommon,
    item_ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    item_names: Type.Optional(Type.Array(Nullable(Type.String({ maxLength: 200 })))),
    item_contents: Type.Optional(Type.Array(Nullable(Type.String({ maxLength: 10_000 })))),
    item_medias: Type.Optional(Type.Array(Media)),
  },
  { additionalProperties: false },
);

export const BriefFulfil = Type.Object(
  {
    ...briefCommon,
    item_id: Type.Optional(Id),
    item_ids: Type.Optional(Type.Array(Id, { maxItems: 1 })),
    quantity: Type.Optional(Quantity),
    location_id: Type.Optional(Id),
    carrier: Type.Optional(Type.String({ maxLength: 100 })),
    tracking_number: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const BriefBulkFulfil = Type.Object(
  {
    ...briefCommon,
    item_ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    quantities: Type.Optional(Type.Array(Quantity, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

export const BriefItemParams = Type.Object({ item_id: Id });

/** An item as the brief's reads show it: with its quantities summed over every location. */
export const BriefItem = Type.Object({
  ...Item.properties,
  quantities: Type.Object({
    on_hand: Type.Integer(),
    reserved: Type.Integer(),
    available: Type.Integer(),
    incoming: Type.Integer(),
  }),
});
