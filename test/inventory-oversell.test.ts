import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../src/platform/db/database.ts';
import { type Api, type ApiResponse, apiClient, createTestDatabase, silentLog } from './helpers.ts';
import { openShop, type Shop } from './inventory-harness.ts';
import { checkInvariants, noViolations } from './inventory-invariants.ts';
import { killLeftovers, type MeridianProcess, startMeridian } from './processes.ts';

// Overselling is what a stock system must never do (Medusa does it from two processes:
// /work/shared/anchors/inventory-medusa.md). Two real Meridian processes share one database; a
// few hundred orders race for an item with fewer units than they ask, split across both; the
// sum of what was accepted must be what the levels hold reserved — never more than there was,
// and no less than the refusals prove was left — every refusal a 422 insufficient-stock, and the
// invariants (test/inventory-invariants.ts) must hold after the race and after fulfilling and
// cancelling from both processes at once. Nothing here waits on time: every request is awaited.

let processes: MeridianProcess[];
let database: Database;
let shop: Shop;
/** The inventory API of each process, as the shop's owner. */
let callers: Api[];

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '10',
    // Hundreds of requests from one client in a second: the limiter is not under test.
    RATE_LIMIT_PER_MINUTE: '0',
  };
  processes = await Promise.all([startMeridian(env), startMeridian(env)]);
  database = connectDatabase(databaseUrl, 4, silentLog);
  const first = processes[0] as MeridianProcess;
  shop = await openShop(apiClient(first.url), { url: first.url, database });
  callers = processes.map((p) => apiClient(p.url));
});

afterAll(async () => {
  await Promise.all(
    (processes ?? []).map(async (p) => {
      p.child.kill('SIGTERM');
      await p.exited;
    }),
  );
  await killLeftovers();
  await database?.close();
});

/** `method path` on process `index % 2`, as the owner. */
function callOn(index: number, method: string, path: string, body?: unknown) {
  const api = callers[index % 2] as Api;
  return api(method, shop.path(path), { token: shop.owner.token, body });
}

/** Each process's output when an answer is not what the test expects (a 500's stack). */
const outputs = () => processes.map((p, i) => `--- process ${i}\n${p.output().slice(-3_000)}`);

/** Asserts `response` has `status` (showing the processes' output if not); true. */
function answered(response: ApiResponse, status: number): true {
  expect(response.status, `${JSON.stringify(response.body)}\n${outputs()}`).toBe(status);
  return true;
}

/** Asserts a refusal is the 422 insufficient-stock problem, naming `itemId`. */
function expectInsufficient(response: ApiResponse, itemId: string) {
  expect(response.status, `${JSON.stringify(response.body)}\n${outputs()}`).toBe(422);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: '/problems/insufficient-stock', item_id: itemId });
}

interface Totals {
  on_hand: number;
  reserved: number;
}

async function levelsOf(itemId: string): Promise<Map<string, Totals>> {
  const { rows } = await sql<{ location_id: string; on_hand: string; reserved: string }>`
    SELECT location_id, on_hand, reserved FROM inventory_levels WHERE item_id = ${itemId}`.execute(
    database.db,
  );
  return new Map(
    rows.map((r) => [r.location_id, { on_hand: Number(r.on_hand), reserved: Number(r.reserved) }]),
  );
}

/**
 * Runs `tasks` with at most `limit` in flight. All of them race all the same — 128 requests in
 * flight are far more than the 20 connections of the two pools — but no request queues for a
 * connection long enough to meet the pool's 10 s timeout on a slow machine.
 */
async function inFlight<T>(tasks: (() => Promise<T>)[], limit = 128): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const runner = async () => {
    for (let i = next++; i < tasks.length; i = next++) {
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, runner));
  return results;
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** A catalogue for one race: the scarce item at two locations, a plentiful one for 2-line orders. */
async function stockedRace(atFirst: number, atSecond: number) {
  const here = (await shop.createLocation({ fulfilment_priority: 1 })).id;
  const there = (await shop.createLocation({ fulfilment_priority: 2 })).id;
  const scarce = (await shop.createItem()).id;
  const plenty = (await shop.createItem()).id;
  await shop.stock(scarce, here, atFirst);
  await shop.stock(scarce, there, atSecond);
  await shop.stock(plenty, here, 100_000);
  return { here, there, scarce, plenty };
}

interface Ask {
  quantity: number;
  /** The location it names, or none (allocation across both). */
  location: string | undefined;
  body: unknown;
}

/**
 * `count` orders of 1–3 units of `scarce`: one in five names a location (alternately), one in
 * four has a second line of `plenty`.
 */
function asks(count: number, race: Awaited<ReturnType<typeof stockedRace>>): Ask[] {
  return Array.from({ length: count }, (_, i) => {
    const quantity = 1 + (i % 3);
    const location = i % 5 === 0 ? (i % 10 === 0 ? race.here : race.there) : undefined;
    const line = { item_id: race.scarce, quantity, ...(location ? { location_id: location } : {}) };
    const lines = i % 4 === 1 ? [line, { item_id: race.plenty, quantity: 2 }] : [line];
    return { quantity, location, body: { lines, reference: `race-${i}` } };
  });
}

/**
 * Sends every ask at once, half to each process; returns the accepted ones with their order ids,
 * having checked that every other answer is an insufficient-stock refusal.
 */
async function race(all: Ask[], scarce: string) {
  const answers = await inFlight(all.map((ask, i) => () => callOn(i, 'POST', '/orders', ask.body)));
  const accepted: (Ask & { orderId: string })[] = [];
  const refused: Ask[] = [];
  for (const [i, answer] of answers.entries()) {
    const ask = all[i] as Ask;
    if (answer.status === 201) accepted.push({ ...ask, orderId: answer.body.id as string });
    else {
      expectInsufficient(answer, scarce);
      refused.push(ask);
    }
  }
  return { accepted, refused };
}

describe('orders racing from two processes for too few units', () => {
  it('reserve exactly what was there, and fulfil and cancel from both without drift', {
    timeout: 120_000,
  }, async () => {
    const units = { here: 20, there: 30 };
    const n = units.here + units.there;
    const race1 = await stockedRace(units.here, units.there);
    const all = asks(300, race1);
    expect(sum(all.map((a) => a.quantity))).toBeGreaterThan(n);

    const { accepted, refused } = await race(all, race1.scarce);
    const levels = await levelsOf(race1.scarce);
    const reserved = sum([...levels.values()].map((l) => l.reserved));
    // Every accepted unit is reserved, and no more than there was.
    expect(sum(accepted.map((a) => a.quantity))).toBe(reserved);
    expect(reserved).toBeLessThanOrEqual(n);
    for (const [location, level] of levels) {
      expect(level.on_hand).toBe(location === race1.here ? units.here : units.there);
      expect(level.reserved).toBeLessThanOrEqual(level.on_hand);
    }
    const twoLines = accepted.filter((a) => (a.body as { lines: unknown[] }).lines.length === 2);
    const plenty = await levelsOf(race1.plenty);
    expect(plenty.get(race1.here)?.reserved).toBe(2 * twoLines.length);
    // No undersell: stock only fell during the race, so what is left now is less than each
    // refusal asked (at the location it named, or across both).
    for (const ask of refused) {
      const left = ask.location
        ? (levels.get(ask.location) as Totals).on_hand -
          (levels.get(ask.location) as Totals).reserved
        : n - reserved;
      expect(left, `a refusal of ${ask.quantity} with ${left} left`).toBeLessThan(ask.quantity);
    }
    // With refusals of a single unit among them, nothing at all is left: exactly n reserved.
    if (refused.some((ask) => ask.quantity === 1 && !ask.location)) expect(reserved).toBe(n);
    expect(await checkInvariants(database.db)).toEqual(noViolations);

    // Half the orders worked from both processes at once: a quarter shipped, a quarter
    // cancelled, and for some both at once from the two processes, where exactly one may win.
    const work = accepted.map((order, i) => async () => {
      const ship = () => callOn(i, 'POST', `/orders/${order.orderId}/fulfilments`, {});
      const cancel = () => callOn(i + 1, 'POST', `/orders/${order.orderId}/cancel`);
      if (i % 4 === 0) return { order, shipped: answered(await ship(), 201), cancelled: false };
      if (i % 4 === 1) return { order, shipped: false, cancelled: answered(await cancel(), 200) };
      if (i % 8 === 2) {
        const [shipped, cancelled] = await Promise.all([ship(), cancel()]);
        const won = [shipped.status === 201, cancelled.status === 200];
        expect(won.filter(Boolean), JSON.stringify([shipped.body, cancelled.body])).toHaveLength(1);
        for (const lost of [shipped, cancelled].filter((r) => r.status >= 400)) {
          expect(lost.status, JSON.stringify(lost.body)).toBe(409);
          expect(lost.body).toMatchObject({ type: '/problems/order-state-conflict' });
        }
        return { order, shipped: won[0] as boolean, cancelled: won[1] as boolean };
      }
      return { order, shipped: false, cancelled: false };
    });
    const outcomes = await inFlight(work);
    const shippedUnits = sum(outcomes.filter((o) => o.shipped).map((o) => o.order.quantity));
    const stillHeld = sum(
      outcomes.filter((o) => !o.shipped && !o.cancelled).map((o) => o.order.quantity),
    );
    const after = await levelsOf(race1.scarce);
    expect(sum([...after.values()].map((l) => l.on_hand))).toBe(n - shippedUnits);
    expect(sum([...after.values()].map((l) => l.reserved))).toBe(stillHeld);
    expect(await checkInvariants(database.db)).toEqual(noViolations);
  });

  it('never oversells while shrinkage adjustments race the orders', {
    timeout: 120_000,
  }, async () => {
    const units = { here: 25, there: 25 };
    const n = units.here + units.there;
    const race2 = await stockedRace(units.here, units.there);
    const all = asks(240, race2);
    // Forty shrinkages of one or two units, alternating locations, sent among the orders.
    const shrinkages = Array.from({ length: 40 }, (_, i) => ({
      location: i % 2 === 0 ? race2.here : race2.there,
      delta: -(1 + (i % 2)),
    }));
    const [orders, adjusted] = await Promise.all([
      race(all, race2.scarce),
      inFlight(
        shrinkages.map((s, i) => async () => {
          const body = {
            item_id: race2.scarce,
            location_id: s.location,
            delta: s.delta,
            reason: 'shrinkage',
          };
          const answer = await callOn(i, 'POST', '/adjustments', body);
          if (answer.status !== 200) expectInsufficient(answer, race2.scarce);
          return { ...s, applied: answer.status === 200 };
        }),
      ),
    ]);
    const levels = await levelsOf(race2.scarce);
    const reserved = sum([...levels.values()].map((l) => l.reserved));
    const shrunk = sum(adjusted.filter((a) => a.applied).map((a) => -a.delta));
    expect(sum(orders.accepted.map((a) => a.quantity))).toBe(reserved);
    expect(sum([...levels.values()].map((l) => l.on_hand))).toBe(n - shrunk);
    expect(reserved + shrunk).toBeLessThanOrEqual(n);
    for (const [location, level] of levels) {
      expect(level.reserved, location).toBeLessThanOrEqual(level.on_hand);
      const shrunkHere = sum(
        adjusted.filter((a) => a.applied && a.location === location).map((a) => -a.delta),
      );
      const start = location === race2.here ? units.here : units.there;
      expect(level.on_hand).toBe(start - shrunkHere);
    }
    expect(await checkInvariants(database.db)).toEqual(noViolations);
  });
});
