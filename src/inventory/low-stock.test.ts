import { beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../../test/helpers.ts';
import { type Shop, startShop } from '../../test/inventory-harness.ts';

// Low stock: the owners and admins hear once when available falls to the reorder point, and
// again only after it has been back above.

let shop: Shop;
let itemId: string;
let locationId: string;
let member: { id: string; email: string; token: string };

beforeAll(async () => {
  shop = await startShop();
  itemId = (await shop.createItem({ sku: 'LOW-1' })).id;
  locationId = (await shop.createLocation({ name: 'Depot' })).id;
  member = await signUp(shop.api, 'clerk');
  const added = await shop.api('POST', `/v1/orgs/${shop.orgId}/members`, {
    token: shop.owner.token,
    body: { email: member.email, role: 'member' },
  });
  expect(added.status).toBe(201);
  await shop.stock(itemId, locationId, 10);
  const thresholds = await shop.call('PUT', `/items/${itemId}/levels/${locationId}/thresholds`, {
    reorder_point: 3,
  });
  expect(thresholds.status).toBe(200);
});

const lowStockNotices = async (token: string) => {
  const inbox = await shop.api('GET', '/v1/notifications?limit=100', { token });
  return inbox.body.items.filter((n: { event: string }) => n.event === 'inventory.low_stock');
};
/** The alerts enqueued so far: each is enqueued in the transaction of the change that fell. */
const lowStockJobs = async () => {
  const { db } = shop.database;
  const jobs = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', 'inventory.low-stock')
    .execute();
  return jobs.length;
};
const adjust = (delta: number) =>
  shop.call('POST', '/adjustments', {
    item_id: itemId,
    location_id: locationId,
    delta,
    reason: delta > 0 ? 'restock' : 'sale',
  });

describe('low-stock alerts', () => {
  it('tells the owner once when available falls to the reorder point, not the members', async () => {
    expect((await adjust(-7)).body.levels[0]).toMatchObject({ available: 3, low_stock: true });
    await expect
      .poll(async () => (await lowStockNotices(shop.owner.token)).length, {
        timeout: 20_000,
      })
      .toBe(1);
    const [notice] = await lowStockNotices(shop.owner.token);
    expect(notice.title).toContain('LOW-1');
    expect(notice.data).toMatchObject({ item_id: itemId, available: 3, reorder_point: 3 });
    // Falling further while already low is not a new alert.
    await adjust(-1);
    const orderNow = await shop.call('POST', '/orders', {
      lines: [{ item_id: itemId, quantity: 1 }],
    });
    expect(orderNow.status).toBe(201);
    expect(await lowStockJobs()).toBe(1);
    expect(await lowStockNotices(member.token)).toEqual([]);
  });

  it('re-arms once available is back above the point, and alerts on the next fall', async () => {
    const back = await adjust(10);
    expect(back.body.levels[0]).toMatchObject({ low_stock: false });
    expect(await lowStockJobs()).toBe(1);
    await adjust(-10);
    expect(await lowStockJobs()).toBe(2);
    await expect
      .poll(async () => (await lowStockNotices(shop.owner.token)).length, {
        timeout: 20_000,
      })
      .toBe(2);
  });
});
