import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';

let shop: Shop;
let here: string;

beforeAll(async () => {
  shop = await startShop();
  here = (await shop.createLocation({ name: 'Here' })).id;
});

const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
  (await query.execute(shop.database.db)).rows[0]?.n;
const itemsNamed = (prefix: string) =>
  count(sql`SELECT count(*)::int AS n FROM inventory_items WHERE sku LIKE ${`${prefix}%`}`);
const ledgerRows = () => count(sql`SELECT count(*)::int AS n FROM inventory_ledger`);

describe('bulk items', () => {
  it('creates, updates and leaves unchanged by SKU, one result per row', async () => {
    const first = await shop.call('POST', '/items/bulk', {
      rows: [
        { sku: 'B-1', name: 'Bolt', price: 10 },
        { sku: 'B-2', name: 'Nut' },
      ],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
    ]);
    const second = await shop.call('POST', '/items/bulk', {
      rows: [
        { sku: 'B-1', name: 'Bolt', description: 'M8' },
        { sku: 'B-2', name: 'Nut' },
      ],
    });
    expect(second.body.counts).toEqual({ created: 0, updated: 1, unchanged: 1, failed: 0 });
    const bolt = await shop.call('GET', `/items/${second.body.results[0].id}`);
    // A field the row leaves out keeps its value.
    expect(bolt.body).toMatchObject({ description: 'M8', price: 10, version: 2 });
  });

  it('under reject_all writes nothing when a row fails, and reports every row', async () => {
    const response = await shop.call('POST', '/items/bulk', {
      error_policy: 'reject_all',
      rows: [
        { sku: 'RA-1', name: 'Fine' },
        { sku: 'RA-2', name: '' },
        { sku: 'RA-1', name: 'Twice' },
        { sku: 'RA-3', name: 'No category', category_id: '0190a0a0-0000-7000-8000-000000000000' },
        'not an object',
      ],
    });
    const problem = expectProblem(response, 'bulk-rejected');
    expect(problem.counts).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 4 });
    expect(problem.results.map((r: { status: string }) => r.status)).toEqual([
      'unchanged',
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(problem.results[1].error).toMatchObject({ type: '/problems/validation-failed' });
    expect(problem.results[2].error.detail).toContain('row 0');
    expect(problem.results[3].error).toMatchObject({ type: '/problems/unprocessable' });
    expect(await itemsNamed('RA-')).toBe(0);
  });

  it('under reject_failed_rows writes the good rows', async () => {
    const response = await shop.call('POST', '/items/bulk', {
      error_policy: 'reject_failed_rows',
      rows: [
        { sku: 'RF-1', name: 'Fine' },
        { sku: 'RF 2', name: 'Space in SKU' },
        { sku: 'RF-3', name: 'Also fine', attributes: { colour: 'red' } },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(await itemsNamed('RF-')).toBe(2);
  });

  it('fails hostile rows one by one, never with a 500', async () => {
    const response = await shop.call('POST', '/items/bulk', {
      error_policy: 'reject_failed_rows',
      rows: [
        { sku: "H-1'; DROP TABLE inventory_items; --", name: 'Injection' },
        { sku: 'H-2', name: 'Right\u202eto left' },
        { sku: 'H-3', name: '🔧 Emoji wrench 🔩', description: 'x'.repeat(10_000) },
        { sku: 'H-4'.repeat(3_000), name: 'Long SKU' },
        { sku: 'H-5', name: 'Fine', attributes: { '\u200f': '🎉' } },
        null,
        [],
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: { status: string }) => r.status)).toEqual([
      'failed',
      'failed',
      'created',
      'failed',
      'created',
      'failed',
      'failed',
    ]);
    const nul = await shop.call('POST', '/items/bulk', {
      rows: [{ sku: 'H-6', name: 'a\u0000b' }],
    });
    expectProblem(nul, 'validation-failed');
  });

  it('upserts 10,000 items in one request', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      sku: `TEN-${i}`,
      name: `Thing number ${i}`,
      description: 'A thing among many',
      price: i,
    }));
    const started = performance.now();
    const response = await shop.call('POST', '/items/bulk', { rows });
    const ms = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.body.counts.created).toBe(10_000);
    console.info(`bulk items: 10,000 rows in ${ms.toFixed(0)} ms`);
    const again = await shop.call('POST', '/items/bulk', { rows });
    expect(again.body.counts.unchanged).toBe(10_000);
  });
});

describe('bulk levels', () => {
  let sku: string;
  let itemId: string;
  beforeAll(async () => {
    ({ id: itemId, sku } = await shop.createItem());
  });

  it('sets levels through the ledger, by SKU or item id', async () => {
    const other = await shop.createItem();
    const response = await shop.call('POST', '/levels/bulk', {
      rows: [
        { sku, location_id: here, quantity: 5, reason: 'cycle_count' },
        { item_id: other.id, location_id: here, quantity: 7, state: 'incoming' },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    const ledger = await shop.call('GET', `/items/${itemId}/ledger`);
    expect(ledger.body.items[0]).toMatchObject({
      delta: 5,
      quantity_after: 5,
      reason: 'cycle_count',
    });
    const same = await shop.call('POST', '/levels/bulk', {
      rows: [{ sku, location_id: here, quantity: 5 }],
    });
    expect(same.body.results[0].status).toBe('unchanged');
  });

  it('under reject_all leaves levels and ledger untouched when one row fails', async () => {
    const before = await ledgerRows();
    const response = await shop.call('POST', '/levels/bulk', {
      error_policy: 'reject_all',
      rows: [
        { sku, location_id: here, quantity: 9 },
        { sku: 'NO-SUCH-SKU', location_id: here, quantity: 1 },
        { sku, location_id: here, quantity: 1, state: 'damaged', change_from_quantity: 3 },
        { sku, location_id: here, quantity: 2 },
      ],
    });
    const problem = expectProblem(response, 'bulk-rejected');
    expect(problem.results.map((r: { error?: { type: string } }) => r.error?.type)).toEqual([
      undefined,
      '/problems/not-found',
      '/problems/quantity-stale',
      '/problems/conflict',
    ]);
    expect(await ledgerRows()).toBe(before);
    const levels = await shop.call('GET', `/items/${itemId}/levels`);
    expect(levels.body.levels[0]).toMatchObject({ on_hand: 5 });
  });

  it('under reject_failed_rows refuses what breaks the stock rules, row by row', async () => {
    const order = await shop.call('POST', '/orders', {
      lines: [{ item_id: itemId, location_id: here, quantity: 3 }],
    });
    expect(order.status).toBe(201);
    const response = await shop.call('POST', '/levels/bulk', {
      error_policy: 'reject_failed_rows',
      rows: [
        { sku, location_id: here, quantity: 1 },
        { sku, location_id: here, quantity: 4, state: 'incoming', change_from_quantity: 0 },
        { sku, location_id: here, quantity: 0, state: 'reserved' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.results[0].error).toMatchObject({ type: '/problems/insufficient-stock' });
    expect(response.body.results[1]).toMatchObject({ status: 'updated' });
    expect(response.body.results[2].error).toMatchObject({ type: '/problems/unprocessable' });
    const levels = await shop.call('GET', `/items/${itemId}/levels`);
    expect(levels.body.levels[0]).toMatchObject({ on_hand: 5, reserved: 3, incoming: 4 });
  });

  it('sets 10,000 levels in one request', async () => {
    const locations = await Promise.all(
      Array.from({ length: 10 }, (_, i) => shop.createLocation({ name: `Bulk ${i}` })),
    );
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      sku: `TEN-${i % 1000}`,
      location_id: (locations[Math.floor(i / 1000)] as { id: string }).id,
      quantity: 1 + (i % 50),
    }));
    const started = performance.now();
    const response = await shop.call('POST', '/levels/bulk', { rows });
    const ms = performance.now() - started;
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
    expect(response.body.counts.created).toBe(10_000);
    console.info(`bulk levels: 10,000 rows in ${ms.toFixed(0)} ms`);
  });

  it('runs concurrent bulk sets over the same levels to a ledger that still adds up', async () => {
    const locations = await Promise.all(
      [0, 1].map((i) => shop.createLocation({ name: `Race ${i}` })),
    );
    const keys = Array.from({ length: 1_500 }, (_, i) => ({
      sku: `TEN-${i % 750}`,
      location_id: (locations[Math.floor(i / 750)] as { id: string }).id,
    }));
    // Reversed orders across chunks: each transaction locks its second chunk's levels while
    // holding its first's, so the two can deadlock and be retried.
    const sets = [keys, [...keys].reverse(), keys, [...keys].reverse()].map((order, n) =>
      shop.call('POST', '/levels/bulk', {
        rows: order.map((key) => ({ ...key, quantity: 10 + n })),
      }),
    );
    for (const response of await Promise.all(sets)) {
      expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
      expect(response.body.counts.failed).toBe(0);
    }
    const { rows } = await sql<{ drift: number }>`
      SELECT count(*)::int AS drift FROM inventory_levels l
       WHERE l.on_hand IS DISTINCT FROM (
               SELECT coalesce(sum(delta), 0) FROM inventory_ledger g
                WHERE g.item_id = l.item_id AND g.location_id = l.location_id
                  AND g.state = 'on_hand')`.execute(shop.database.db);
    expect(rows[0]?.drift).toBe(0);
  });
});
