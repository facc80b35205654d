import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkInvariants,
  ledgerRewrites,
  ledgerSnapshot,
  noViolations,
} from '../../test/inventory-invariants.ts';
import {
  type Command,
  command,
  items,
  levelKey,
  locations,
  Model,
  type ModelLevel,
  type ModelOrder,
  mergedReservations,
  type Refusal,
  release,
  shipOnModel,
} from '../../test/inventory-model.ts';
import { startTestCore, type TestCore } from '../../test/module-harness.ts';
import { createTravelClock } from '../platform/clock.ts';
import { createOrganisation, signUp } from '../platform/identity/service.ts';
import { Problem } from '../platform/problems.ts';
import { createItem, createLocation } from './catalogue.ts';
import { inventoryModule } from './module.ts';
import { cancelOrder, expireOrder, returnToStock, shipOrder } from './orders.ts';
import {
  type Actor,
  adjustStock,
  moveStock,
  receiveStock,
  setStock,
  transferStock,
} from './stock-operations.ts';
import type { StockState } from './store/tables.ts';
import { type Inventory, inventoryWriters } from './writers.ts';

// A model-based property test of the stock rules: random sequences of stock operations and
// order transitions run through the service functions on a real database, beside a small model
// of what each should do. After every command the organisation's levels and order states equal
// the model's, a refused command (a Problem) changed nothing, and the ledger was only appended
// to; after every sequence the invariants of test/inventory-invariants.ts hold.
//
// Each run has an organisation of its own (3 items, 3 locations), so that a run that breaks an
// invariant fails alone and shrinks to its shortest sequence. Replay a failure with the seed and
// path fast-check prints: INVENTORY_PROPERTY_SEED=<seed> INVENTORY_PROPERTY_PATH=<path>.

const clock = createTravelClock(new Date());
let shop: TestCore;
/** The stock writer and order creator, as the module's routes have them. */
let inventory: Inventory;
let userId: string;

beforeAll(async () => {
  shop = await startTestCore({ systems: [inventoryModule], clock });
  inventory = inventoryWriters(shop.core);
  const { user } = await signUp(shop.database.db, {
    email: `property-${Date.now()}@example.com`,
    password: 'correct horse battery',
    name: 'Property',
  });
  userId = user.id;
});

// ---- running a command, on the model and for real ------------------------------------------

interface Run {
  model: Model;
  actor: Actor;
}

/** Runs `cmd` on the model; returns the expected refusal and the real call to make. */
function plan(run: Run, cmd: Command): { expected: Refusal; act: () => Promise<unknown> } | null {
  const { model, actor } = run;
  const core = shop.core;
  const itemId = (i: number) => model.itemIds[i] as string;
  const locationId = (l: number) => model.locationIds[l] as string;
  const order = (i: number) => model.orders[i % Math.max(model.orders.length, 1)];

  switch (cmd.kind) {
    case 'adjust': {
      const [i, l] = [itemId(cmd.item), locationId(cmd.location)];
      const expected =
        cmd.state === 'reserved' ? 'unprocessable' : model.change([[i, l, cmd.state, cmd.delta]]);
      const reason = cmd.delta > 0 ? ('restock' as const) : ('shrinkage' as const);
      const input = { item_id: i, location_id: l, state: cmd.state, delta: cmd.delta, reason };
      return { expected, act: () => adjustStock(inventory, actor, input) };
    }
    case 'set': {
      const [i, l] = [itemId(cmd.item), locationId(cmd.location)];
      const current = model.level(i, l)[cmd.state];
      const from = { none: undefined, right: current, stale: current + 1 + cmd.quantity }[cmd.from];
      let expected: Refusal;
      if (cmd.state === 'reserved') expected = 'unprocessable';
      else if (cmd.from === 'stale') expected = 'quantity-stale';
      else expected = model.change([[i, l, cmd.state, cmd.quantity - current]]);
      const input = {
        item_id: i,
        location_id: l,
        state: cmd.state,
        quantity: cmd.quantity,
        change_from_quantity: from,
        reason: 'cycle_count' as const,
      };
      return { expected, act: () => setStock(inventory, actor, input) };
    }
    case 'move': {
      const [i, l] = [itemId(cmd.item), locationId(cmd.location)];
      const expected =
        cmd.from === cmd.to || cmd.from === 'reserved' || cmd.to === 'reserved'
          ? 'unprocessable'
          : model.change([
              [i, l, cmd.from, -cmd.quantity],
              [i, l, cmd.to, cmd.quantity],
            ]);
      const input = {
        item_id: i,
        location_id: l,
        from: cmd.from,
        to: cmd.to,
        quantity: cmd.quantity,
      };
      return { expected, act: () => moveStock(inventory, actor, input) };
    }
    case 'transfer': {
      const [i, from, to] = [itemId(cmd.item), locationId(cmd.from), locationId(cmd.to)];
      const expected =
        from === to
          ? 'unprocessable'
          : model.change([
              [i, from, 'on_hand', -cmd.quantity],
              [i, to, 'on_hand', cmd.quantity],
            ]);
      const input = {
        item_id: i,
        from_location_id: from,
        to_location_id: to,
        quantity: cmd.quantity,
      };
      return { expected, act: () => transferStock(inventory, actor, input) };
    }
    case 'receive': {
      const [i, l] = [itemId(cmd.item), locationId(cmd.location)];
      const taken = Math.min(model.level(i, l).incoming, cmd.quantity);
      const expected = model.change([
        [i, l, 'incoming', -taken],
        [i, l, 'on_hand', cmd.quantity],
      ]);
      const input = { item_id: i, location_id: l, quantity: cmd.quantity };
      return { expected, act: () => receiveStock(inventory, actor, input) };
    }
    case 'order':
      return planOrder(run, cmd);
    case 'ship': {
      const target = order(cmd.order);
      if (!target) return null;
      return {
        expected: shipOnModel(model, target, cmd.partial),
        act: () => shipOrder(core, actor, target.id, cmd.partial ? { lines: [cmd.partial] } : {}),
      };
    }
    case 'cancel': {
      const target = order(cmd.order);
      if (!target) return null;
      const open = target.state === 'reserved' || target.state === 'partially_fulfilled';
      if (open) release(model, target, 'cancelled');
      return {
        expected: open ? null : 'order-state-conflict',
        act: () => cancelOrder(core, actor, target.id),
      };
    }
    case 'expire': {
      const target = order(cmd.order);
      if (!target) return null;
      return { expected: null, act: () => expire(run, target, cmd.viaJob) };
    }
    case 'return': {
      const target = order(cmd.order);
      if (!target) return null;
      const line = target.lines.find((l) => l.line_no === cmd.line_no);
      const to = cmd.location === null ? line?.shippedFrom[0] : locationId(cmd.location);
      let expected: Refusal = 'unprocessable';
      if (line && line.returned + cmd.quantity <= line.fulfilled && to) {
        expected = model.change([[line.item, to, 'on_hand', cmd.quantity]]);
        if (expected === null) line.returned += cmd.quantity;
      }
      const wanted = {
        line_no: cmd.line_no,
        quantity: cmd.quantity,
        ...(cmd.location === null ? {} : { location_id: locationId(cmd.location) }),
      };
      return { expected, act: () => returnToStock(core, actor, target.id, { lines: [wanted] }) };
    }
  }
}

/** Allocates as allocation.ts does: a named level as asked, else by priority from what is left. */
function planOrder(run: Run, cmd: Extract<Command, { kind: 'order' }>) {
  const { model, actor } = run;
  const lines = cmd.lines.map((line, index) => ({
    line_no: index + 1,
    item_id: model.itemIds[line.item] as string,
    quantity: line.quantity,
    location_id: line.location === null ? undefined : (model.locationIds[line.location] as string),
  }));
  // The levels that exist before the order, by priority: allocation's candidates.
  const stored = new Set(model.exists);
  const candidates = (i: string) => model.locationIds.filter((l) => stored.has(levelKey(i, l)));
  const left = new Map<string, number>();
  const availableAt = (i: string, l: string) =>
    left.get(levelKey(i, l)) ?? Math.max(model.available(i, l), 0);
  const allocations: { line_no: number; item: string; location: string; quantity: number }[] = [];
  let expected: Refusal = null;
  for (const line of lines) {
    const take = (location: string, quantity: number) => {
      allocations.push({ line_no: line.line_no, item: line.item_id, location, quantity });
      left.set(levelKey(line.item_id, location), availableAt(line.item_id, location) - quantity);
    };
    if (line.location_id) {
      take(line.location_id, line.quantity);
      continue;
    }
    let remaining = line.quantity;
    for (const location of candidates(line.item_id)) {
      const quantity = Math.min(availableAt(line.item_id, location), remaining);
      if (quantity <= 0) continue;
      take(location, quantity);
      remaining -= quantity;
      if (remaining === 0) break;
    }
    if (remaining > 0 && model.backorder.has(line.item_id)) {
      // The rest at the first candidate (or the first location): past what is available.
      const first = candidates(line.item_id)[0] ?? (model.locationIds[0] as string);
      allocations.push({
        line_no: line.line_no,
        item: line.item_id,
        location: first,
        quantity: remaining,
      });
    } else if (remaining > 0) expected = 'insufficient-stock';
  }
  // A backordered item with no level yet: its level at the first location is locked (created).
  const backorderLocks = [...new Set(lines.map((l) => l.item_id))]
    .filter((i) => model.backorder.has(i) && candidates(i).length === 0)
    .map((i) => levelKey(i, model.locationIds[0] as string));
  expected ??= model.change(
    allocations.map((a): [string, string, StockState, number] => [
      a.item,
      a.location,
      'reserved',
      a.quantity,
    ]),
    backorderLocks,
  );
  const holdUntil =
    cmd.hold === null ? null : new Date(clock.now().getTime() + cmd.hold * 3_600_000);
  const input = {
    lines: lines.map(({ line_no: _n, ...line }) =>
      line.location_id ? line : { item_id: line.item_id, quantity: line.quantity },
    ),
    ...(holdUntil ? { hold_until: holdUntil.toISOString() } : {}),
  };
  return {
    expected,
    act: async () => {
      const created = await inventory.createOrder(actor, input);
      // The model learns the order's id once it exists.
      model.orders.push({
        id: created.id,
        state: 'reserved',
        holdUntil,
        lines: lines.map((line) => ({
          line_no: line.line_no,
          item: line.item_id,
          quantity: line.quantity,
          fulfilled: 0,
          returned: 0,
          reservations: mergedReservations(allocations.filter((a) => a.line_no === line.line_no)),
          shippedFrom: [],
        })),
      });
      return created;
    },
  };
}

/** After a travel, how long until the next hold runs out, at least (far more than a run lasts). */
const clearMs = 10 * 60_000;

/**
 * Lets the hold of `target` run out (travelling the clock past it), then has every order whose
 * hold is over expired: by the expiry job (waiting for it to act), or by calling `expireOrder` as
 * the job would. The job may run beside a direct call; the guarded transition makes it once.
 */
async function expire(run: Run, target: ModelOrder, viaJob: boolean) {
  const { model, actor } = run;
  if (target.holdUntil && target.holdUntil > clock.now()) {
    // Past the target's hold, and past any other that ends soon after it: the clock runs on at
    // real speed, and a hold that ran out while the test went on would be expired by the job
    // behind the model's back.
    let at = target.holdUntil.getTime() + 1;
    const holds = model.orders.flatMap((o) => (o.holdUntil ? [o.holdUntil.getTime()] : []));
    for (let soon = holds.find((h) => h >= at && h <= at + clearMs); soon !== undefined; ) {
      at = soon + 1;
      soon = holds.find((h) => h >= at && h <= at + clearMs);
    }
    clock.travelTo(new Date(at));
  }
  const now = clock.now();
  const due = model.orders.filter(
    (o) => o.state === 'reserved' && o.holdUntil && o.holdUntil <= now,
  );
  for (const order of due) release(model, order, 'expired');
  if (viaJob) {
    const ids = due.map((o) => o.id);
    await expect
      .poll(
        async () => {
          if (ids.length === 0) return 0;
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM inventory_orders
             WHERE id = ANY(${ids}::uuid[]) AND state <> 'expired'`.execute(shop.database.db);
          return rows[0]?.n;
        },
        { timeout: 15_000, interval: 20 },
      )
      .toBe(0);
  } else {
    for (const order of due)
      await expireOrder(shop.core, { orgId: actor.orgId, orderId: order.id });
  }
  // An order not (or no longer) held, or not due: expiring it does nothing.
  await expireOrder(shop.core, { orgId: actor.orgId, orderId: target.id });
}

// ---- what is checked ------------------------------------------------------------------------

/** The organisation's levels and orders as stored, for comparing with the model. */
async function stored(orgId: string) {
  const { rows } = await sql<{ snapshot: string }>`
    SELECT json_build_object(
      'levels', (SELECT coalesce(json_object_agg(item_id || '/' || location_id,
                          json_build_object('on_hand', on_hand, 'reserved', reserved,
                                            'incoming', incoming, 'damaged', damaged)), '{}')
                   FROM inventory_levels WHERE org_id = ${orgId}),
      'orders', (SELECT coalesce(json_object_agg(id, state), '{}')
                   FROM inventory_orders WHERE org_id = ${orgId}),
      'reservations', (SELECT coalesce(json_agg(r ORDER BY order_id, line_no, location_id), '[]')
                         FROM inventory_reservations r JOIN inventory_orders o ON o.id = r.order_id
                        WHERE o.org_id = ${orgId}),
      'lines', (SELECT coalesce(json_agg(l ORDER BY order_id, line_no), '[]')
                  FROM inventory_order_lines l JOIN inventory_orders o ON o.id = l.order_id
                 WHERE o.org_id = ${orgId}),
      'ledger', (SELECT count(*) FROM inventory_ledger WHERE org_id = ${orgId})
    )::text AS snapshot`.execute(shop.database.db);
  return JSON.parse(rows[0]?.snapshot as string) as {
    levels: Record<string, ModelLevel>;
    orders: Record<string, string>;
    ledger: number;
  };
}

/** The model's levels (those that hold anything) and order states, as `stored` shows them. */
function modelView(model: Model, storedLevels: Record<string, ModelLevel>) {
  const levels: Record<string, ModelLevel> = {};
  for (const key of new Set([...model.levels.keys(), ...Object.keys(storedLevels)])) {
    const [i, l] = key.split('/') as [string, string];
    levels[key] = model.level(i, l);
  }
  return { levels, orders: Object.fromEntries(model.orders.map((o) => [o.id, o.state])) };
}

async function newRun(): Promise<Run> {
  const org = await createOrganisation(shop.database.db, userId, 'Property shop');
  const locationIds: string[] = [];
  for (let l = 0; l < locations; l++) {
    const created = await createLocation(shop.database.db, org.id, {
      name: `L${l}`,
      fulfilment_priority: l + 1,
    });
    locationIds.push(created.id);
  }
  const itemIds: string[] = [];
  for (let i = 0; i < items; i++) {
    // The last item allows backorder: reservations may run past what is on hand.
    const allow_backorder = i === items - 1;
    const fields = { sku: `SKU-${i}`, name: `Item ${i}`, allow_backorder };
    itemIds.push((await createItem(shop.core, org.id, fields)).id);
  }
  const backorder = itemIds.slice(items - 1);
  return { model: new Model(itemIds, locationIds, backorder), actor: { orgId: org.id, userId } };
}

/** On hand at the start of a run, per item and location (item-major). */
const initialStock = fc.array(fc.nat({ max: 10 }), {
  minLength: items * locations,
  maxLength: items * locations,
});

async function runCommands(stock: number[], commands: Command[]) {
  const run = await newRun();
  const { orgId } = run.actor;
  for (const [index, quantity] of stock.entries()) {
    if (quantity === 0) continue;
    const itemId = run.model.itemIds[Math.floor(index / locations)] as string;
    const locationId = run.model.locationIds[index % locations] as string;
    const input = { item_id: itemId, location_id: locationId, delta: quantity };
    await adjustStock(inventory, run.actor, { ...input, reason: 'restock' });
    run.model.change([[itemId, locationId, 'on_hand', quantity]]);
  }
  let ledger = await ledgerSnapshot(shop.database.db, orgId);
  for (const [index, cmd] of commands.entries()) {
    const before = await stored(orgId);
    const step = plan(run, cmd);
    if (!step) continue;
    const where = `command ${index} ${JSON.stringify(cmd)}`;
    let refused: Refusal = null;
    try {
      await step.act();
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      refused = error.problem;
    }
    expect(refused, `${where}: refused or not as the model says`).toBe(step.expected);
    const after = await stored(orgId);
    // A refusal changes nothing: not a level, an order, a reservation, a line, nor the ledger.
    if (refused) expect(after, `${where}: a refused command changed something`).toEqual(before);
    expect(
      { levels: after.levels, orders: after.orders },
      `${where}: the stored levels and orders differ from the model's`,
    ).toEqual(modelView(run.model, after.levels));
    const appended = await ledgerSnapshot(shop.database.db, orgId);
    expect(ledgerRewrites(ledger, appended), `${where}: ledger rows changed`).toEqual([]);
    ledger = appended;
  }
  expect(await checkInvariants(shop.database.db, orgId)).toEqual(noViolations);
}

// By hand, a longer hunt: INVENTORY_PROPERTY_RUNS=500 (and a seed to replay a failure).
const seed = process.env.INVENTORY_PROPERTY_SEED;
const path = process.env.INVENTORY_PROPERTY_PATH;
const runs = Number(process.env.INVENTORY_PROPERTY_RUNS ?? 30);

describe('stock and orders, under random sequences of operations', () => {
  const timeout = Math.max(120_000, runs * 3_000);
  it('keep every invariant and do what the model does', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(
        initialStock,
        fc.array(command, { minLength: 1, maxLength: 20, size: 'max' }),
        runCommands,
      ),
      { numRuns: runs, ...(seed ? { seed: Number(seed) } : {}), ...(path ? { path } : {}) },
    );
    expect(await checkInvariants(shop.database.db)).toEqual(noViolations);
  });
});
