import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestServer, waitForJobState } from '../../test/helpers.ts';
import { openShop, type Shop } from '../../test/inventory-harness.ts';
import { createTravelClock } from '../platform/clock.ts';
import type { Core } from '../platform/module.ts';
import { inventoryModule } from './module.ts';
import { currentDrift, reconcile, reconcileJob } from './reconcile.ts';
import { refreshSnapshots } from './snapshots.ts';

// The reconcile job proves the invariants and records drift without fixing it. History spans a
// closed day (so the ledger's sums start from a snapshot) and the open one.

const clock = createTravelClock(new Date('2032-06-01T10:00:00Z'));
let shop: Shop;
let core: Core;
let itemId: string;
let locationId: string;

beforeAll(async () => {
  const server = await startTestServer({ systems: [inventoryModule], clock });
  core = server.server.core;
  shop = await openShop(apiClient(server.url), server);
  itemId = (await shop.createItem({ sku: 'R-1' })).id;
  locationId = (await shop.createLocation({ name: 'Depot' })).id;
  await shop.stock(itemId, locationId, 10);
  clock.travelTo(new Date('2032-06-02T10:00:00Z'));
  await refreshSnapshots(shop.database.db, clock.now());
  await shop.stock(itemId, locationId, 5);
  const moved = await shop.call('POST', '/moves', {
    item_id: itemId,
    location_id: locationId,
    from: 'on_hand',
    to: 'damaged',
    quantity: 2,
  });
  expect(moved.status).toBe(200);
});

/** Runs the job through the queue, as the periodic entry does, and waits for it. */
async function runReconcileJob() {
  const job = await core.jobs.enqueue(reconcileJob.spec());
  await waitForJobState(core.jobs, job.id, 'completed');
}

describe('reconcile', () => {
  it('finds no drift in a shop changed only through stock operations', async () => {
    const { driftFound } = await reconcile(shop.database.db);
    expect(driftFound).toBe(0);
    expect(await currentDrift(shop.database.db)).toEqual([]);
  });

  it('records a level changed behind the ledger, and leaves it as it is', async () => {
    await sql`
      UPDATE inventory_levels SET on_hand = on_hand + 3, reserved = 1
       WHERE item_id = ${itemId} AND location_id = ${locationId}`.execute(shop.database.db);
    await runReconcileJob();
    const drift = await currentDrift(shop.database.db);
    expect(drift.map((entry) => entry.summary)).toEqual([
      'R-1 at Depot: on_hand is 16, its ledger rows sum to 13',
      'R-1 at Depot: reserved is 1, its ledger rows sum to 0',
      'R-1 at Depot: reserved is 1, its open reservations hold 0',
    ]);
    expect(drift[0]?.key).toBe(`${shop.orgId}/${itemId}/${locationId}/ledger/on_hand`);
    const level = await shop.call('GET', `/items/${itemId}/levels`);
    expect(level.body.levels[0]).toMatchObject({ on_hand: 16, reserved: 1 });
  });

  it('reports the drift gone once a run finds the level right again', async () => {
    await sql`
      UPDATE inventory_levels SET on_hand = on_hand - 3, reserved = 0
       WHERE item_id = ${itemId} AND location_id = ${locationId}`.execute(shop.database.db);
    await runReconcileJob();
    expect(await currentDrift(shop.database.db)).toEqual([]);
  });
});
