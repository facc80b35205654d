import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';

let shop: Shop;
let tools: string;
let here: string;

beforeAll(async () => {
  shop = await startShop();
  const category = await shop.call('POST', '/categories', { name: 'Tools' });
  tools = category.body.id;
  here = (await shop.createLocation({ name: 'Here' })).id;
  const rows = [
    { sku: 'WID-1', name: 'Blue widget', description: 'A small widget', category_id: tools },
    { sku: 'WID-2', name: 'Red widget', status: 'archived' },
    { sku: 'GEAR-9', name: 'Gear', description: 'Fits every widget ever made' },
    { sku: 'widget', name: 'Sprocket', description: 'Named for an old product' },
    { sku: 'HAM-1', name: 'Hammer', category_id: tools },
    ...Array.from({ length: 25 }, (_, i) => ({ sku: `PAGE-${i}`, name: `Paged widget ${i}` })),
  ];
  const bulk = await shop.call('POST', '/items/bulk', { rows });
  if (bulk.status !== 200) throw new Error(JSON.stringify(bulk.body));
  const hammer = bulk.body.results[4].id;
  await shop.call('PUT', `/items/${hammer}/levels/${here}/thresholds`, { reorder_point: 5 });
});

const search = async (query: string) => {
  const response = await shop.call('GET', `/search?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: { sku: string; rank: number }[]; next_cursor: string | null };
};
const skus = (page: { items: { sku: string }[] }) => page.items.map((item) => item.sku);

describe('item search', () => {
  it('ranks an exact SKU first, then name before description', async () => {
    const page = await search('q=widget&limit=100');
    expect(skus(page)[0]).toBe('widget');
    expect(skus(page).indexOf('WID-1')).toBeLessThan(skus(page).indexOf('GEAR-9'));
    expect(page.items[0]?.rank).toBeGreaterThan(10);
  });

  it('finds what was meant through a typo', async () => {
    expect(skus(await search('q=widgte&limit=100'))).toEqual(
      expect.arrayContaining(['WID-1', 'WID-2']),
    );
    expect(skus(await search('q=hamer'))).toContain('HAM-1');
  });

  it('filters by category, status, location and low stock', async () => {
    expect(skus(await search(`q=widget&category_id=${tools}`))).toEqual(['WID-1']);
    expect(skus(await search('q=widget&status=archived'))).toEqual(['WID-2']);
    expect(skus(await search(`location_id=${here}`))).toEqual(['HAM-1']);
    expect(skus(await search('low_stock=true'))).toEqual(['HAM-1']);
  });

  it('lists by name when q is empty, in keyset pages that neither skip nor repeat', async () => {
    for (const query of ['q=', 'q=widget']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search(
          `${query}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...skus(page));
        cursor = page.next_cursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await search(`${query}&limit=100`);
      expect(seen).toEqual(skus(all));
    }
    const byName = skus(await search('limit=3'));
    expect(byName).toEqual(['WID-1', 'GEAR-9', 'HAM-1']);
  });

  it('answers hostile input with results or a 400, never a 500', async () => {
    const hostile = [
      "'; DROP TABLE inventory_items; --",
      "widget' OR '1'='1",
      '!!&|:*()<->',
      '\u202ewidget\u200f',
      '🔧🔩 widget 🎉',
      '"unclosed',
      'a'.repeat(200),
      '-widget -',
    ];
    for (const q of hostile) {
      const response = await shop.call('GET', `/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
    const refused = [
      `q=${'a'.repeat(10_000)}`,
      'q=wid%00get',
      'cursor=not-a-cursor',
      `q=widget&cursor=${Buffer.from('["name","x"]').toString('base64url')}`,
      'limit=1000',
    ];
    for (const query of refused) {
      const response = await shop.call('GET', `/search?${query}`);
      expect(response.status, query).toBe(400);
    }
    expect(await shop.call('GET', '/search?q=widget')).toMatchObject({ status: 200 });
    expectProblem(await shop.call('GET', '/search?cursor=e30'), 'invalid-cursor');
  });
});
