import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signUp } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';
import { checkInvariants, noViolations } from '../../test/inventory-invariants.ts';

let shop: Shop;
let itemId: string;
let here: string;
let there: string;

beforeAll(async () => {
  shop = await startShop();
  itemId = (await shop.createItem()).id;
  here = (await shop.createLocation({ name: 'Here', fulfilment_priority: 1 })).id;
  there = (await shop.createLocation({ name: 'There', fulfilment_priority: 2 })).id;
});

const levelAt = async (locationId: string) => {
  const response = await shop.call('GET', `/items/${itemId}/levels`);
  return response.body.levels.find(
    (level: { location_id: string }) => level.location_id === locationId,
  );
};

describe('stock operations', () => {
  it('adjusts, writes the ledger and answers the new level', async () => {
    const response = await shop.call('POST', '/adjustments', {
      item_id: itemId,
      location_id: here,
      delta: 10,
      reason: 'received',
      reference: 'po-1',
    });
    expect(response.status).toBe(200);
    expect(response.body.levels[0]).toMatchObject({ on_hand: 10, available: 10, reserved: 0 });
    const ledger = await shop.call('GET', `/items/${itemId}/ledger`);
    expect(ledger.body.items[0]).toMatchObject({
      state: 'on_hand',
      delta: 10,
      quantity_after: 10,
      reason: 'received',
      reference: 'po-1',
      actor_id: shop.owner.id,
    });
  });

  it('refuses a change that would make a quantity negative, naming what is there', async () => {
    const before = await levelAt(here);
    const response = await shop.call('POST', '/adjustments', {
      item_id: itemId,
      location_id: here,
      delta: -(before.on_hand + 1),
      reason: 'shrinkage',
    });
    const problem = expectProblem(response, 'insufficient-stock');
    expect(problem).toMatchObject({ item_id: itemId, location_id: here, on_hand: before.on_hand });
    expect(await levelAt(here)).toMatchObject({ on_hand: before.on_hand });
  });

  it('sets with compare-and-set: a stale value is a 409 naming the current one', async () => {
    const { on_hand } = await levelAt(here);
    const stale = await shop.call('POST', '/set-quantity', {
      item_id: itemId,
      location_id: here,
      quantity: 3,
      change_from_quantity: on_hand + 5,
      reason: 'cycle_count',
    });
    expect(expectProblem(stale, 'quantity-stale')).toMatchObject({ current_quantity: on_hand });
    const fresh = await shop.call('POST', '/set-quantity', {
      item_id: itemId,
      location_id: here,
      quantity: 3,
      change_from_quantity: on_hand,
      reason: 'cycle_count',
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.levels[0]).toMatchObject({ on_hand: 3 });
  });

  it('refuses to adjust, set or move reserved: only orders change it', async () => {
    const before = await levelAt(here);
    const key = { item_id: itemId, location_id: here };
    const refusals = [
      await shop.call('POST', '/adjustments', {
        ...key,
        state: 'reserved',
        delta: 1,
        reason: 'correction',
      }),
      await shop.call('POST', '/set-quantity', { ...key, state: 'reserved', quantity: 1 }),
      await shop.call('POST', '/moves', { ...key, from: 'on_hand', to: 'reserved', quantity: 1 }),
    ];
    for (const refused of refusals) expectProblem(refused, 'unprocessable');
    expect(await levelAt(here)).toEqual(before);
  });

  it('transfers between locations in one operation', async () => {
    await shop.stock(itemId, here, 7);
    const { on_hand } = await levelAt(here);
    const response = await shop.call('POST', '/transfers', {
      item_id: itemId,
      from_location_id: here,
      to_location_id: there,
      quantity: 4,
    });
    expect(response.status).toBe(200);
    expect(await levelAt(here)).toMatchObject({ on_hand: on_hand - 4 });
    expect(await levelAt(there)).toMatchObject({ on_hand: 4 });
    const ledger = await shop.call('GET', `/items/${itemId}/ledger?limit=2`);
    const [first, second] = ledger.body.items;
    expect(first.operation_id).toBe(second.operation_id);
    expect(first.reason).toBe('transfer');
  });

  it('moves between states and receives incoming with a cost', async () => {
    await shop.call('POST', '/adjustments', {
      item_id: itemId,
      location_id: there,
      state: 'incoming',
      delta: 5,
      reason: 'restock',
    });
    const received = await shop.call('POST', '/receipts', {
      item_id: itemId,
      location_id: there,
      quantity: 6,
      unit_cost: 250,
    });
    expect(received.body.levels[0]).toMatchObject({ on_hand: 10, incoming: 0 });
    const moved = await shop.call('POST', '/moves', {
      item_id: itemId,
      location_id: there,
      from: 'on_hand',
      to: 'damaged',
      quantity: 2,
    });
    expect(moved.body.levels[0]).toMatchObject({ on_hand: 8, damaged: 2 });
  });

  it('replays an adjustment sent twice with one Idempotency-Key, applying it once', async () => {
    const before = await levelAt(here);
    const send = () =>
      shop.api('POST', shop.path('/adjustments'), {
        token: shop.owner.token,
        headers: { 'idempotency-key': `adjust-${itemId}` },
        body: { item_id: itemId, location_id: here, delta: 2, reason: 'restock' },
      });
    const [first, second] = [await send(), await send()];
    expect(second.body).toEqual(first.body);
    expect(await levelAt(here)).toMatchObject({ on_hand: before.on_hand + 2 });
  });

  it('refuses bad input with a problem, never a 500', async () => {
    const base = { item_id: itemId, location_id: here, reason: 'restock' };
    expectProblem(
      await shop.call('POST', '/adjustments', { ...base, delta: 1e10 }),
      'validation-failed',
    );
    expectProblem(
      await shop.call('POST', '/adjustments', { ...base, delta: 1.5 }),
      'validation-failed',
    );
    expectProblem(
      await shop.call('POST', '/adjustments', { ...base, delta: 1, reason: 'magic' }),
      'validation-failed',
    );
    const unknown = { ...base, item_id: '0190a0a0-0000-7000-8000-000000000000', delta: 1 };
    expectProblem(await shop.call('POST', '/adjustments', unknown), 'not-found');
    const big = await shop.call('POST', '/adjustments', { ...base, delta: 999_999_999 });
    if (big.status === 200) {
      const over = await shop.call('POST', '/adjustments', { ...base, delta: 999_999_999 });
      expectProblem(over, 'unprocessable');
    } else expectProblem(big, 'unprocessable');
  });

  it("answers another organisation's items and a stranger's requests with 404", async () => {
    const stranger = await signUp(shop.api, 'stranger');
    expectProblem(
      await shop.call('GET', `/items/${itemId}`, undefined, stranger.token),
      'not-found',
    );
    const other = await shop.api('POST', '/v1/orgs', {
      token: stranger.token,
      body: { name: 'B' },
    });
    const response = await shop.api('POST', `/v1/orgs/${other.body.id}/inventory/adjustments`, {
      token: stranger.token,
      body: { item_id: itemId, location_id: here, delta: 1, reason: 'restock' },
    });
    expectProblem(response, 'not-found');
    // Naming both the item and the location of another organisation reaches nothing either.
    const theirs = `/v1/orgs/${other.body.id}/inventory`;
    const as = { token: stranger.token };
    const item = await shop.api('POST', `${theirs}/items`, {
      ...as,
      body: { sku: 'X', name: 'X' },
    });
    const place = await shop.api('POST', `${theirs}/locations`, { ...as, body: { name: 'X' } });
    const theirLevel = { item_id: item.body.id, location_id: place.body.id };
    await shop.api('POST', `${theirs}/adjustments`, {
      ...as,
      body: { ...theirLevel, delta: 5, reason: 'restock' },
    });
    const reach = await shop.call('POST', '/adjustments', {
      ...theirLevel,
      delta: -5,
      reason: 'shrinkage',
    });
    expectProblem(reach, 'not-found');
    const thresholds = `/items/${item.body.id}/levels/${place.body.id}/thresholds`;
    expectProblem(await shop.call('PUT', thresholds, { reorder_point: 1 }), 'not-found');
    const levels = await shop.api('GET', `${theirs}/items/${item.body.id}/levels`, as);
    expect(levels.body.levels[0]).toMatchObject({ on_hand: 5 });
  });
});

describe('the ledger', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const { db } = shop.database;
    const refused = /append-only/;
    await expect(sql`UPDATE inventory_ledger SET delta = 1000`.execute(db)).rejects.toThrow(
      refused,
    );
    await expect(sql`DELETE FROM inventory_ledger`.execute(db)).rejects.toThrow(refused);
    await expect(sql`TRUNCATE inventory_ledger`.execute(db)).rejects.toThrow(refused);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM inventory_ledger`.execute(db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('equals every level, state by state, and every invariant holds', async () => {
    expect(await checkInvariants(shop.database.db, shop.orgId)).toEqual(noViolations);
  });
});

describe('item media', () => {
  it('keeps upload URLs and https URLs, refuses what is neither or not uploaded', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = await fetch(new URL('/v1/blobs', shop.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${shop.owner.token}`, 'content-type': 'image/png' },
      body: png,
    });
    const { url } = (await upload.json()) as { url: string };
    const item = await shop.createItem({ media: [url, 'https://cdn.example.com/a.jpg'] });
    const read = await shop.call('GET', `/items/${item.id}`);
    expect(read.body.media).toEqual([url, 'https://cdn.example.com/a.jpg']);
    const missing = url.replace(/[0-9a-f]{8}$/, '00000000');
    for (const media of [[missing], ['javascript:alert(1)'], ['http://plain.example.com/a.png']]) {
      expectProblem(
        await shop.call('POST', '/items', { sku: 'M-1', name: 'M', media }),
        'unprocessable',
      );
    }
  });
});
