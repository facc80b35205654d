import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';
import { openStream } from '../../test/stream-clients.ts';
import { createTravelClock } from '../platform/clock.ts';

const clock = createTravelClock(new Date());
let shop: Shop;
let first: string;
let second: string;

beforeAll(async () => {
  shop = await startShop({ clock });
  first = (await shop.createLocation({ name: 'First', fulfilment_priority: 1 })).id;
  second = (await shop.createLocation({ name: 'Second', fulfilment_priority: 2 })).id;
});

async function stockedItem(atFirst: number, atSecond = 0, fields = {}) {
  const item = await shop.createItem(fields);
  if (atFirst) await shop.stock(item.id, first, atFirst);
  if (atSecond) await shop.stock(item.id, second, atSecond);
  return item.id;
}

async function levels(itemId: string) {
  const response = await shop.call('GET', `/items/${itemId}/levels`);
  const at = (locationId: string) =>
    response.body.levels.find((l: { location_id: string }) => l.location_id === locationId);
  return { first: at(first), second: at(second) };
}

const order = (lines: unknown[], more = {}) => shop.call('POST', '/orders', { lines, ...more });

describe('orders', () => {
  it('reserves at once, taking from locations in priority order', async () => {
    const itemId = await stockedItem(3, 5);
    const response = await order([{ item_id: itemId, quantity: 6 }]);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ state: 'reserved' });
    expect(response.body.lines[0].allocations).toEqual([
      { location_id: first, quantity: 3, open: 3 },
      { location_id: second, quantity: 3, open: 3 },
    ]);
    const after = await levels(itemId);
    expect(after.first).toMatchObject({ on_hand: 3, reserved: 3, available: 0 });
    expect(after.second).toMatchObject({ on_hand: 5, reserved: 3, available: 2 });
  });

  it('refuses an order it cannot cover, all or nothing, naming the item', async () => {
    const plenty = await stockedItem(10);
    const scarce = await stockedItem(1, 1);
    const response = await order([
      { item_id: plenty, quantity: 2 },
      { item_id: scarce, quantity: 3 },
    ]);
    const problem = expectProblem(response, 'insufficient-stock');
    expect(problem).toMatchObject({ item_id: scarce, available: 2, requested: 3, line_no: 2 });
    expect((await levels(plenty)).first).toMatchObject({ reserved: 0, available: 10 });
  });

  it('ships partially, then fully; an impossible transition is a 409', async () => {
    const itemId = await stockedItem(10);
    const created = await order([{ item_id: itemId, quantity: 4 }]);
    const orderId = created.body.id;
    const partial = await shop.call('POST', `/orders/${orderId}/fulfilments`, {
      lines: [{ line_no: 1, quantity: 1 }],
      carrier: 'UPS',
      tracking_number: '1Z999',
    });
    expect(partial.status).toBe(201);
    expect(partial.body.order).toMatchObject({ state: 'partially_fulfilled' });
    expect(partial.body.shipment).toMatchObject({ carrier: 'UPS', tracking_number: '1Z999' });
    expect((await levels(itemId)).first).toMatchObject({ on_hand: 9, reserved: 3 });
    // No body: every open unit ships.
    const rest = await shop.call('POST', `/orders/${orderId}/fulfilments`);
    expect(rest.body.order).toMatchObject({ state: 'fulfilled' });
    expect((await levels(itemId)).first).toMatchObject({ on_hand: 6, reserved: 0 });
    const cancel = await shop.call('POST', `/orders/${orderId}/cancel`);
    expect(expectProblem(cancel, 'order-state-conflict')).toMatchObject({ state: 'fulfilled' });
    const returned = await shop.call('POST', `/orders/${orderId}/returns`, {
      lines: [{ line_no: 1, quantity: 2 }],
    });
    expect(returned.status).toBe(200);
    expect((await levels(itemId)).first).toMatchObject({ on_hand: 8 });
    const tooMany = await shop.call('POST', `/orders/${orderId}/returns`, {
      lines: [{ line_no: 1, quantity: 3 }],
    });
    expectProblem(tooMany, 'unprocessable');
  });

  it('cancels: what is still held goes back to available', async () => {
    const itemId = await stockedItem(5);
    const created = await order([{ item_id: itemId, quantity: 5 }]);
    const cancelled = await shop.call('POST', `/orders/${created.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    expect((await levels(itemId)).first).toMatchObject({ reserved: 0, available: 5 });
  });

  it('releases an expired checkout hold exactly once', async () => {
    const itemId = await stockedItem(5);
    const holdUntil = new Date(clock.now().getTime() + 15 * 60_000);
    const created = await order([{ item_id: itemId, quantity: 2 }], {
      hold_until: holdUntil.toISOString(),
    });
    expect(created.body).toMatchObject({ state: 'reserved' });
    clock.travelTo(new Date(holdUntil.getTime() + 1_000));
    await expect
      .poll(async () => (await shop.call('GET', `/orders/${created.body.id}`)).body.state, {
        timeout: 20_000,
      })
      .toBe('expired');
    expect((await levels(itemId)).first).toMatchObject({ reserved: 0, available: 5 });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM inventory_ledger
       WHERE reference = ${`order:${created.body.id}`} AND reason = 'release'`.execute(
      shop.database.db,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('ships many orders in one request, with a result per row', async () => {
    const itemId = await stockedItem(10);
    const a = (await order([{ item_id: itemId, quantity: 1 }])).body.id;
    const b = (await order([{ item_id: itemId, quantity: 1 }])).body.id;
    await shop.call('POST', `/orders/${b}/cancel`);
    const response = await shop.call('POST', '/orders/fulfilments', {
      orders: [{ order_id: a }, { order_id: b }],
    });
    expect(response.status).toBe(200);
    expect(response.body.counts).toMatchObject({ updated: 1, failed: 1 });
    expect(response.body.results[1].error).toMatchObject({
      type: '/problems/order-state-conflict',
      status: 409,
    });
  });

  it('lists orders by state, each as GET shows it, in pages', async () => {
    const itemId = await stockedItem(10);
    const kept = (await order([{ item_id: itemId, quantity: 2 }])).body;
    const other = (await order([{ item_id: itemId, quantity: 1 }])).body;
    await shop.call('POST', `/orders/${other.id}/cancel`);
    const listed = await shop.call('GET', '/orders?state=reserved&limit=100');
    expect(listed.status).toBe(200);
    const found = listed.body.items.find((o: { id: string }) => o.id === kept.id);
    expect(found).toEqual((await shop.call('GET', `/orders/${kept.id}`)).body);
    expect(listed.body.items.some((o: { id: string }) => o.id === other.id)).toBe(false);
    const first = await shop.call('GET', '/orders?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    expectProblem(await shop.call('GET', '/orders?state=lost'), 'validation-failed');
    expectProblem(await shop.call('GET', '/orders?cursor=garbage'), 'invalid-cursor');
  });

  it('never deadlocks on multi-line orders naming the same items in opposite orders', async () => {
    const x = await stockedItem(1_000);
    const y = await stockedItem(1_000);
    const forward = [
      { item_id: x, quantity: 1 },
      { item_id: y, quantity: 1 },
    ];
    const backward = [...forward].reverse();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => order(i % 2 ? forward : backward)),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    expect((await levels(x)).first).toMatchObject({ reserved: 40 });
    expect((await levels(y)).first).toMatchObject({ reserved: 40 });
  });

  it('reserves a backordered item past what is on hand', async () => {
    const itemId = await stockedItem(1, 0, { allow_backorder: true });
    const response = await order([{ item_id: itemId, quantity: 3 }]);
    expect(response.status).toBe(201);
    expect((await levels(itemId)).first).toMatchObject({ on_hand: 1, reserved: 3, available: -2 });
  });

  it('sends the level change of an order live on inventory:<org>', async () => {
    const itemId = await stockedItem(4);
    const stream = await openStream(shop.url, { token: shop.owner.token });
    expect(await stream.subscribe([`inventory:${shop.orgId}`])).toMatchObject({
      type: 'subscribed',
    });
    await order([{ item_id: itemId, quantity: 1 }]);
    const event = await stream.next(
      (m) =>
        m.type === 'event' &&
        m.event === 'inventory.levels_changed' &&
        m.data.levels.some((l: { item_id: string }) => l.item_id === itemId),
    );
    expect(event.data.levels[0]).toMatchObject({ reserved: 1, available: 3 });
    stream.ws.close();
  });
});
