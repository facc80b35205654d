import { type TObject, type TProperties, Type } from 'typebox';
import { OrgParams } from './schemas.ts';

// The JSON of the reports under `/v1/orgs/:orgId/inventory/reports/<name>`. Every report answers
// `{ report, from, to, group_by, rows }`; each row names its group (`key`: the id of the item,
// category or location, null for items without a category; `label`: a name to show).

const Day = Type.String({ format: 'date', description: 'A UTC calendar day, YYYY-MM-DD' });

export const ReportParams = OrgParams;

export const ReportQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional({ ...Day, description: 'Last day of the range, inclusive (default today)' }),
    group_by: Type.Union(
      [Type.Literal('item'), Type.Literal('category'), Type.Literal('location')],
      {
        default: 'item',
      },
    ),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], {
        description: 'csv: text/csv (as does Accept: text/csv)',
      }),
    ),
    days: Type.Integer({
      minimum: 1,
      maximum: 3660,
      default: 90,
      description: 'dead-stock: no sale in this many days',
    }),
  },
  { additionalProperties: false },
);

const Count = Type.Integer();
const Money = Type.Integer({ description: 'Minor units, rounded' });
const Ratio = Type.Union([Type.Number(), Type.Null()]);
const group = { key: Type.Union([Type.String(), Type.Null()]), label: Type.String() };

const row = (properties: TProperties) => Type.Object({ ...group, ...properties });

/** Each report's row. */
export const reportRows = {
  'stock-on-hand': row({
    day: Day,
    on_hand: Count,
    reserved: Count,
    incoming: Count,
    damaged: Count,
    value: Money,
  }),
  movements: row({
    state: Type.String(),
    reason: Type.String(),
    units_in: Count,
    units_out: Count,
    net: Count,
  }),
  velocity: row({
    sold_7d: Count,
    sold_30d: Count,
    per_day_7d: Type.Number(),
    per_day_30d: Type.Number(),
  }),
  'days-of-cover': row({
    available: Count,
    sold_30d: Count,
    per_day: Type.Number(),
    days_of_cover: { ...Ratio, description: 'available / per_day; null when nothing sold' },
  }),
  'sell-through': row({
    sold: Count,
    on_hand_end: Count,
    sell_through: { ...Ratio, description: 'sold / (sold + on_hand_end)' },
  }),
  abc: row({
    sold: Count,
    consumption_value: Money,
    share: Type.Number(),
    class: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')]),
  }),
  valuation: row({
    on_hand: Count,
    unit_cost: { ...Ratio, description: 'Weighted average cost; null if never received at a cost' },
    value: Money,
    unvalued_units: Count,
  }),
  'low-stock': row({
    item_id: Type.String({ format: 'uuid' }),
    sku: Type.String(),
    location_id: Type.String({ format: 'uuid' }),
    location_name: Type.String(),
    on_hand: Count,
    reserved: Count,
    safety_stock: Count,
    reorder_point: Count,
    available: Count,
  }),
  'dead-stock': row({
    levels: Count,
    on_hand: Count,
    value: Money,
    last_sale_day: Type.Union([Day, Type.Null()]),
  }),
} satisfies Record<string, TObject>;

export type ReportName = keyof typeof reportRows;

/** A report's answer: the range it covers and its rows. */
export function reportEnvelope(name: ReportName) {
  return Type.Object({
    report: Type.Literal(name),
    from: Day,
    to: Day,
    group_by: Type.String(),
    rows: Type.Array(reportRows[name]),
  });
}
