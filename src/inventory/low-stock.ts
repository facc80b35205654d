import { transaction } from '../platform/db/database.ts';
import { defineJob } from '../platform/jobs/define.ts';
import type { Core } from '../platform/module.ts';
import { availableOf, inventoryTables } from './store/tables.ts';

// Low-stock alerts. `changeStock` marks a level whose available fell to or below its reorder
// point (`low_stock_since`) and enqueues this job in the same transaction; the job tells the
// organisation's owners and admins, once. A level back above its point is unmarked, which
// re-arms the alert (stock.ts, `markLowStock`).

export const lowStockJob = defineJob<{ orgId: string; itemId: string; locationId: string }>(
  'inventory.low-stock',
  { maxAttempts: 5 },
);

/** Tells the keepers of the organisation, unless the level recovered before the job ran. */
export async function notifyLowStock(
  core: Core,
  { orgId, itemId, locationId }: { orgId: string; itemId: string; locationId: string },
): Promise<void> {
  const keepers = await core.identity.membersWithRole(orgId, ['owner', 'admin']);
  await transaction(core.database.db, async (tx) => {
    const level = await inventoryTables(tx)
      .selectFrom('inventory_levels as l')
      .innerJoin('inventory_items as i', 'i.id', 'l.item_id')
      .innerJoin('inventory_locations as loc', 'loc.id', 'l.location_id')
      .selectAll('l')
      .select(['i.sku', 'i.name', 'loc.name as location_name'])
      .where('l.item_id', '=', itemId)
      .where('l.location_id', '=', locationId)
      .executeTakeFirst();
    if (!level?.low_stock_since) return;
    const available = availableOf(level);
    for (const keeper of keepers) {
      await core.notify.send(tx, {
        userId: keeper.id,
        event: 'inventory.low_stock',
        title: `Low stock: ${level.sku} at ${level.location_name}`,
        body: `${level.name} (${level.sku}) has ${available} available at ${level.location_name}, at or below its reorder point of ${level.reorder_point}.`,
        data: {
          org_id: orgId,
          item_id: itemId,
          location_id: locationId,
          available,
          reorder_point: level.reorder_point,
        },
      });
    }
  });
}
