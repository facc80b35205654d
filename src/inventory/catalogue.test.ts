import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signUp } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';

// The catalogue's rules: unique SKUs and names, versions, roles, and bad input refused in words.

let shop: Shop;
let member: { id: string; email: string; token: string };

beforeAll(async () => {
  shop = await startShop();
  member = await signUp(shop.api, 'clerk');
  const added = await shop.api('POST', `/v1/orgs/${shop.orgId}/members`, {
    token: shop.owner.token,
    body: { email: member.email, role: 'member' },
  });
  expect(added.status).toBe(201);
});

describe('items', () => {
  it('creates, reads and changes an item under If-Match; a stale version is refused', async () => {
    const created = await shop.call('POST', '/items', {
      sku: 'CAT-1',
      name: '  Lamp  ',
      price: 1999,
      currency: 'EUR',
      attributes: { colour: 'red' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Lamp', price: 1999, currency: 'EUR', version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');
    const path = shop.path(`/items/${created.body.id}`);
    const changed = await shop.api('PATCH', path, {
      token: shop.owner.token,
      headers: { 'if-match': '"1"' },
      body: { name: 'Desk lamp' },
    });
    expect(changed.body).toMatchObject({ name: 'Desk lamp', version: 2 });
    const stale = await shop.api('PATCH', path, {
      token: shop.owner.token,
      headers: { 'if-match': '"1"' },
      body: { name: 'Floor lamp' },
    });
    expect(expectProblem(stale, 'precondition-failed')).toMatchObject({ current_version: 2 });
    expect((await shop.call('GET', `/items/${created.body.id}`)).body.name).toBe('Desk lamp');
  });

  it('refuses a duplicate SKU with 409 naming it, on create and on rename', async () => {
    await shop.createItem({ sku: 'DUP-1' });
    const second = await shop.createItem({ sku: 'DUP-2' });
    const again = await shop.call('POST', '/items', { sku: 'DUP-1', name: 'Again' });
    expect(expectProblem(again, 'sku-taken')).toMatchObject({ sku: 'DUP-1' });
    const renamed = await shop.call('PATCH', `/items/${second.id}`, { sku: 'DUP-1' });
    expectProblem(renamed, 'sku-taken');
  });

  it('refuses bad input in words: fields, unknown category, odd text', async () => {
    const bad = [
      { sku: 'has space', name: 'A' },
      { sku: 'B-1', name: '' },
      { sku: 'B-2', name: 'B', currency: 'euro' },
      { sku: 'B-3', name: 'B', price: -1 },
      { sku: 'B-4', name: 'B', status: 'deleted' },
      { sku: 'B-5', name: 'a\u202Eb' },
      { sku: 'B-6', name: 'B', extra: true },
    ];
    for (const body of bad) {
      expectProblem(await shop.call('POST', '/items', body), 'validation-failed');
    }
    const unknownCategory = { sku: 'B-7', name: 'B', category_id: randomUUID() };
    expectProblem(await shop.call('POST', '/items', unknownCategory), 'unprocessable');
    expectProblem(await shop.call('GET', '/items/not-a-uuid'), 'validation-failed');
    expectProblem(await shop.call('GET', `/items/${randomUUID()}`), 'not-found');
  });

  it('lets members read but not change the catalogue (403), and strangers see nothing (404)', async () => {
    const item = await shop.createItem();
    expect((await shop.call('GET', `/items/${item.id}`, undefined, member.token)).status).toBe(200);
    const change = await shop.call('PATCH', `/items/${item.id}`, { name: 'X' }, member.token);
    expectProblem(change, 'forbidden');
    const create = await shop.call('POST', '/items', { sku: 'M-1', name: 'M' }, member.token);
    expectProblem(create, 'forbidden');
    const stranger = await signUp(shop.api, 'stranger');
    expectProblem(await shop.call('GET', '/items', undefined, stranger.token), 'not-found');
  });
});

describe('categories and locations', () => {
  it('refuses a second category or location of the same name, and an unknown parent', async () => {
    const tools = await shop.call('POST', '/categories', { name: 'Tools' });
    expect(tools.status).toBe(201);
    const child = await shop.call('POST', '/categories', {
      name: 'Hammers',
      parent_id: tools.body.id,
    });
    expect(child.body).toMatchObject({ parent_id: tools.body.id });
    expectProblem(await shop.call('POST', '/categories', { name: 'tools' }), 'conflict');
    const orphan = { name: 'Orphans', parent_id: randomUUID() };
    expectProblem(await shop.call('POST', '/categories', orphan), 'unprocessable');
    await shop.createLocation({ name: 'North' });
    expectProblem(await shop.call('POST', '/locations', { name: 'north' }), 'conflict');
    const kind = { name: 'South', kind: 'moon' };
    expectProblem(await shop.call('POST', '/locations', kind), 'validation-failed');
  });

  it('lists locations first to fulfil first, and changes a priority', async () => {
    const late = await shop.createLocation({ name: 'Late', fulfilment_priority: 500 });
    const early = await shop.createLocation({ name: 'Early', fulfilment_priority: 0 });
    const listed = (await shop.call('GET', '/locations')).body.items.map(
      (l: { id: string }) => l.id,
    );
    expect(listed.indexOf(early.id)).toBeLessThan(listed.indexOf(late.id));
    const moved = await shop.call('PATCH', `/locations/${late.id}`, { fulfilment_priority: 0 });
    expect(moved.body).toMatchObject({ fulfilment_priority: 0, version: 2 });
    const missing = await shop.call('PATCH', `/locations/${randomUUID()}`, { name: 'Nowhere' });
    expectProblem(missing, 'not-found');
  });
});
