import { groupCommit } from '../platform/db/group-commit.ts';
import type { Core } from '../platform/module.ts';
import { type CreateOrder, orderCreator } from './order-creation.ts';
import { changeStockTogether, type StockOperation } from './stock.ts';

// The inventory of one running Meridian: the core, and the writers that gather the stock
// operations and new orders arriving together into one transaction each (group commit). A hot
// level is then locked once per transaction for dozens of requests instead of once per request,
// which is what keeps ten best-sellers from serialising a shop. Built once per process, in
// module.ts, and handed to the routes.

export interface Inventory {
  core: Core;
  writeStock: WriteStock;
  createOrder: CreateOrder;
}

export type WriteStock = ReturnType<typeof stockWriter>;

export function inventoryWriters(core: Core): Inventory {
  return { core, writeStock: stockWriter(core), createOrder: orderCreator(core) };
}

/** Runs a stock operation with whatever else arrived meanwhile; a refusal is thrown. */
function stockWriter(core: Core) {
  const write = groupCommit(core.database.db, (tx, operations: StockOperation[]) =>
    changeStockTogether(core, tx, operations),
  );
  return async (operation: StockOperation) => {
    const outcome = await write(operation);
    if (outcome.refused) throw outcome.refused;
    return outcome;
  };
}
