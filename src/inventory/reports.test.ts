import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  expectProblem,
  signUp,
  startTestServer,
  waitForJobState,
} from '../../test/helpers.ts';
import { openShop, type Shop } from '../../test/inventory-harness.ts';
import { createTravelClock } from '../platform/clock.ts';
import type { Core } from '../platform/module.ts';
import { inventoryModule } from './module.ts';
import { toCsv } from './report-routes.ts';
import { refreshSnapshots, snapshotJob } from './snapshots.ts';

// Two days of history made through the API on a travel clock, summarised by the snapshot job,
// and every report checked against figures worked out by hand:
//
//   day 1  A@L1 receives 10 @ 100 and 10 @ 200 (WAC 150), sells 5      -> 15, value 2250
//          B@L1 receives 4 @ 50, never sells                           -> 4, value 200
//          C@L2 receives 10 @ 10, sells 2                              -> 8, value 80
//   day 2  A@L1 sells 3 and sends 2 to L2                              -> L1 10, L2 2
//          C@L2 sells 8                                                -> 0

const clock = createTravelClock(new Date('2031-03-01T09:00:00Z'));
const [day1, day2] = ['2031-03-01', '2031-03-02'];
let shop: Shop;
let core: Core;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const server = await startTestServer({ systems: [inventoryModule], clock });
  core = server.server.core;
  shop = await openShop(apiClient(server.url), server);
  const tools = await shop.call('POST', '/categories', { name: 'Tools' });
  ids.A = (await shop.createItem({ sku: 'A', name: 'Anvil', category_id: tools.body.id })).id;
  ids.B = (await shop.createItem({ sku: 'B', name: 'Bolt' })).id;
  ids.C = (await shop.createItem({ sku: 'C', name: 'Clamp' })).id;
  ids.L1 = (await shop.createLocation({ name: 'L1' })).id;
  ids.L2 = (await shop.createLocation({ name: 'L2' })).id;
  await receive('A', 'L1', 10, 100);
  await receive('A', 'L1', 10, 200);
  await sell('A', 'L1', 5);
  await receive('B', 'L1', 4, 50);
  await receive('C', 'L2', 10, 10);
  await sell('C', 'L2', 2);
  clock.travelTo(new Date('2031-03-02T09:00:00Z'));
  await sell('A', 'L1', 3);
  await ok('POST', '/transfers', {
    item_id: ids.A,
    from_location_id: ids.L1,
    to_location_id: ids.L2,
    quantity: 2,
  });
  await sell('C', 'L2', 8);
  await ok('PUT', `/items/${ids.A}/levels/${ids.L1}/thresholds`, { reorder_point: 15 });
  await refreshSnapshots(shop.database.db, clock.now());
});

async function ok(method: string, path: string, body: unknown) {
  const response = await shop.call(method, path, body);
  if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
}
const level = (item: string, location: string) => ({
  item_id: ids[item],
  location_id: ids[location],
});
const receive = (item: string, location: string, quantity: number, unit_cost: number) =>
  ok('POST', '/receipts', { ...level(item, location), quantity, unit_cost });
const sell = (item: string, location: string, quantity: number) =>
  ok('POST', '/adjustments', { ...level(item, location), delta: -quantity, reason: 'sale' });

async function report(name: string, query = '') {
  const response = await shop.call('GET', `/reports/${name}?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.rows as Record<string, unknown>[];
}
const byLabel = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(rows.map(({ key: _key, label, ...rest }) => [label, rest]));

describe('reports', () => {
  it('values stock at weighted average cost', async () => {
    expect(byLabel(await report('valuation'))).toEqual({
      'A Anvil': { on_hand: 12, unit_cost: 150, value: 1800, unvalued_units: 0 },
      'B Bolt': { on_hand: 4, unit_cost: 50, value: 200, unvalued_units: 0 },
      'C Clamp': { on_hand: 0, unit_cost: null, value: 0, unvalued_units: 0 },
    });
    const day1Rows = await report('valuation', `to=${day1}&group_by=location`);
    expect(byLabel(day1Rows)).toEqual({
      L1: { on_hand: 19, unit_cost: 128.9474, value: 2450, unvalued_units: 0 },
      L2: { on_hand: 8, unit_cost: 10, value: 80, unvalued_units: 0 },
    });
  });

  it('gives stock on hand per day, by category and by item', async () => {
    const rows = await report('stock-on-hand', `from=${day1}&to=${day2}&group_by=category`);
    expect(rows).toEqual([
      expect.objectContaining({ day: day1, label: '(no category)', on_hand: 12, value: 280 }),
      expect.objectContaining({ day: day1, label: 'Tools', on_hand: 15, value: 2250 }),
      expect.objectContaining({ day: day2, label: '(no category)', on_hand: 4, value: 200 }),
      expect.objectContaining({ day: day2, label: 'Tools', on_hand: 12, value: 1800 }),
    ]);
    const anvil = (await report('stock-on-hand', `from=${day1}&to=${day2}`)).filter(
      (row) => row.key === ids.A,
    );
    expect(anvil.map((row) => [row.day, row.on_hand, row.value])).toEqual([
      [day1, 15, 2250],
      [day2, 12, 1800],
    ]);
  });

  it('sums movements by reason', async () => {
    const rows = await report('movements', `from=${day1}&group_by=location`);
    const of = (label: string, reason: string) =>
      rows.find((row) => row.label === label && row.reason === reason && row.state === 'on_hand');
    expect(of('L1', 'received')).toMatchObject({ units_in: 24, units_out: 0 });
    expect(of('L1', 'sale')).toMatchObject({ units_out: 8, net: -8 });
    expect(of('L1', 'transfer')).toMatchObject({ units_out: 2 });
    expect(of('L2', 'transfer')).toMatchObject({ units_in: 2 });
    expect(of('L2', 'sale')).toMatchObject({ units_out: 10 });
  });

  it('measures velocity, days of cover and sell-through', async () => {
    expect(byLabel(await report('velocity'))['A Anvil']).toEqual({
      sold_7d: 8,
      sold_30d: 8,
      per_day_7d: 1.1429,
      per_day_30d: 0.2667,
    });
    expect(byLabel(await report('days-of-cover'))['A Anvil']).toMatchObject({
      available: 12,
      days_of_cover: 45,
    });
    expect(byLabel(await report('sell-through', `from=${day1}`))).toEqual({
      'A Anvil': { sold: 8, on_hand_end: 12, sell_through: 0.4 },
      'B Bolt': { sold: 0, on_hand_end: 4, sell_through: 0 },
      'C Clamp': { sold: 10, on_hand_end: 0, sell_through: 1 },
    });
  });

  it('classes items ABC by consumption value', async () => {
    const rows = await report('abc');
    expect(rows.map((row) => [row.label, row.consumption_value, row.class])).toEqual([
      ['A Anvil', 1200, 'A'],
      ['C Clamp', 100, 'B'],
      ['B Bolt', 0, 'C'],
    ]);
  });

  it('lists low stock and dead stock', async () => {
    expect(await report('low-stock')).toEqual([
      expect.objectContaining({ sku: 'A', location_name: 'L1', available: 10, reorder_point: 15 }),
    ]);
    expect(byLabel(await report('dead-stock', 'days=1'))).toEqual({
      'A Anvil': { levels: 1, on_hand: 2, value: 300, last_sale_day: null },
      'B Bolt': { levels: 1, on_hand: 4, value: 200, last_sale_day: null },
    });
  });

  it('answers CSV for ?format=csv and for Accept: text/csv', async () => {
    const response = await fetch(`${shop.url}${shop.path('/reports/valuation?format=csv')}`, {
      headers: { authorization: `Bearer ${shop.owner.token}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, first] = (await response.text()).split('\r\n');
    expect(header).toBe('key,label,on_hand,unit_cost,value,unvalued_units');
    expect(first).toBe(`${ids.A},A Anvil,12,150,1800,0`);
    const accepted = await shop.api('GET', shop.path('/reports/abc'), {
      token: shop.owner.token,
      headers: { accept: 'text/csv' },
    });
    expect(accepted.headers.get('content-type')).toMatch(/^text\/csv/);
  });

  it('documents each report in the OpenAPI document, JSON and CSV', async () => {
    const doc = (await shop.api('GET', '/openapi.json')).body;
    const operation = doc.paths['/v1/orgs/{orgId}/inventory/reports/abc'].get;
    expect(Object.keys(operation.responses[200].content)).toEqual(['application/json', 'text/csv']);
    const query = operation.parameters.map((p: { name: string }) => p.name);
    expect(query).toEqual(expect.arrayContaining(['from', 'to', 'group_by', 'format', 'days']));
  });

  it('quotes CSV cells and defuses what a spreadsheet would run as a formula', () => {
    const rows = [{ key: null, label: '=HYPERLINK("x")', on_hand: -3, note: 'a,b' }];
    expect(toCsv(['key', 'label', 'on_hand', 'note'], rows)).toBe(
      'key,label,on_hand,note\r\n,"\'=HYPERLINK(""x"")",-3,"a,b"\r\n',
    );
  });

  it('refuses a backwards or too long range, and strangers', async () => {
    const backwards = await shop.call('GET', `/reports/movements?from=${day2}&to=${day1}`);
    expectProblem(backwards, 'bad-request');
    const long = await shop.call('GET', '/reports/movements?from=2030-01-01&to=2031-03-01');
    expectProblem(long, 'bad-request');
    const stranger = await signUp(shop.api, 'stranger');
    const response = await shop.call('GET', '/reports/abc', undefined, stranger.token);
    expectProblem(response, 'not-found');
  });
});

describe('the snapshot job', () => {
  it('re-computes the open day on each run and keeps closed days', async () => {
    await sell('B', 'L1', 1);
    const job = await core.jobs.enqueue(snapshotJob.spec());
    await waitForJobState(core.jobs, job.id, 'completed');
    expect(byLabel(await report('valuation'))['B Bolt']).toMatchObject({ on_hand: 3, value: 150 });
    const day1Rows = await report('valuation', `to=${day1}`);
    expect(byLabel(day1Rows)['B Bolt']).toMatchObject({ on_hand: 4 });
  });
});
