import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';

// Brief 001's API as its design note writes it, against the clean API underneath.

let shop: Shop;
let locationId: string;
const as = (method: string, path: string, body?: unknown) =>
  shop.api(method, path, { token: shop.owner.token, body });

beforeAll(async () => {
  shop = await startShop();
  locationId = (await shop.createLocation({ name: 'Main' })).id;
});

describe("brief 001's API", () => {
  it('creates, then updates an item by id, with its quantity', async () => {
    const itemId = randomUUID();
    const created = await as('POST', `/updateInventory/${itemId}`, {
      user_id: shop.owner.id,
      timestamp: '2026-12-06T00:00:00Z',
      item_name: 'Lamp',
      item_content: 'A desk lamp',
      item_media: 'https://cdn.example.com/lamp.jpg',
      quantity: 7,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      id: itemId,
      name: 'Lamp',
      description: 'A desk lamp',
      media: ['https://cdn.example.com/lamp.jpg'],
      quantities: { on_hand: 7, available: 7 },
    });
    const updated = await as('POST', `/updateInventory/${itemId}`, { item_name: 'Desk lamp' });
    expect(updated.body).toMatchObject({ name: 'Desk lamp', version: 2 });
    const read = await as('GET', `/getInventory/${itemId}`);
    expect(read.body).toMatchObject({ name: 'Desk lamp', quantities: { on_hand: 7 } });
    const all = await as('GET', '/getInventory');
    expect(all.body.items.map((i: { id: string }) => i.id)).toContain(itemId);
  });

  it('fulfils an item: ships now as a one-line order, never past what is there', async () => {
    const item = await shop.createItem();
    await shop.stock(item.id, locationId, 2);
    const shipped = await as('POST', `/fulfillInventory/${item.id}`, { quantity: 2 });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ state: 'fulfilled' });
    // No body at all: one unit.
    expectProblem(await as('POST', `/fulfillInventory/${item.id}`), 'insufficient-stock');
    const read = await as('GET', `/getInventory/${item.id}`);
    expect(read.body.quantities).toMatchObject({ on_hand: 0, reserved: 0 });
  });

  it('updates and fulfils in bulk with a result per row', async () => {
    const a = await shop.createItem();
    const b = await shop.createItem();
    await shop.stock(a.id, locationId, 1);
    const updated = await as('POST', '/updateInventory/BULK', {
      item_ids: [a.id, b.id, randomUUID()],
      item_names: ['A', 'B', null],
      item_contents: ['first', null, null],
    });
    expect(updated.body.counts).toMatchObject({ updated: 2, failed: 1 });
    expect(updated.body.results[2].error.type).toBe('/problems/unprocessable');
    const fulfilled = await as('POST', '/fulfillInventory/Bulk', { item_ids: [a.id, b.id] });
    expect(fulfilled.body.counts).toMatchObject({ created: 1, failed: 1 });
    expect(fulfilled.body.results[1].error.type).toBe('/problems/insufficient-stock');
  });

  it('searches by query, typo-tolerant', async () => {
    await shop.createItem({ name: 'Porcelain teapot' });
    const found = await as('GET', `/Inventory/search?query=${encodeURIComponent('porcelian')}`);
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({ name: 'Porcelain teapot' });
    const hostile = await as(
      'GET',
      `/Inventory/search?query=${encodeURIComponent("'; DROP TABLE x; --")}`,
    );
    expect(hostile.status).toBe(200);
  });

  it('acts for the caller only, in an organisation they belong to', async () => {
    expectProblem(await as('GET', `/getInventory?user_id=${randomUUID()}`), 'not-found');
    expectProblem(await as('GET', `/getInventory?org_id=${randomUUID()}`), 'not-found');
    await shop.api('POST', '/v1/orgs', { token: shop.owner.token, body: { name: 'Second' } });
    expectProblem(await as('GET', '/getInventory'), 'bad-request');
    const named = await shop.api('GET', '/getInventory', {
      token: shop.owner.token,
      headers: { 'meridian-organisation': shop.orgId },
    });
    expect(named.status).toBe(200);
  });
});
