import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  type NodeFleet,
  startDelivery,
  startNodeFleet,
} from '../../test/delivery-harness.ts';
import { createTravelClock } from '../platform/clock.ts';

// Nodes that fail: a service whose nodes all hang holds no more than its concurrency of
// deliveries (and another service is served meanwhile); a node that is down is retried by its
// phase, so when it comes back it gets its metadata within the phase's bound, however many
// attempts failed before. Retries fall due by the platform clock, which the tests move ahead.

let t: DeliveryTest;
let fleet: NodeFleet;
const clock = createTravelClock();
const poll = { timeout: 15_000, interval: 50 };
const advance = (ms: number) => clock.travelTo(new Date(clock.now().getTime() + ms));

beforeAll(async () => {
  t = await startDelivery({ clock, env: { DELIVERY_CALL_TIMEOUT_SECONDS: '1' } });
  fleet = await startNodeFleet();
});

async function register(serviceId: string, name: string) {
  const response = await t.call('POST', `/v1/delivery/services/${serviceId}/nodes`, { name });
  expect(response.status).toBe(201);
}

describe('the per-service concurrency bound', () => {
  it("keeps a dead service's deliveries to its concurrency, and serves another service meanwhile", async () => {
    const groupTemplate = (group: string) => fleet.template.replace('{node}', `${group}/{node}`);
    const dead = await t.createService({
      push_url_template: groupTemplate('dead'),
      concurrency: 2,
    });
    const names = Array.from({ length: 6 }, (_, i) => `dead-${i}`);
    for (const name of names) fleet.set(name, 'hang');
    for (const name of names) await register(dead.id, name);
    const alive = await t.createService({ push_url_template: groupTemplate('alive') });
    await register(alive.id, 'alive-1');
    await expect
      .poll(async () => (await t.node(alive.id, 'alive-1')).state, poll)
      .toBe('acknowledged');
    // Every dead node is tried in turn as slots free up (each call ends by its 1 s deadline)…
    await expect
      .poll(() => new Set(fleet.received.map((push) => push.node)).size, poll)
      .toBeGreaterThanOrEqual(7);
    for (const name of names) {
      await expect.poll(async () => (await t.node(dead.id, name)).state, poll).toBe('failed');
    }
    // …never more than two at once.
    expect(fleet.maxInFlight.get('dead')).toBe(2);
    const status = await t.call('GET', `/v1/delivery/services/${dead.id}/status`);
    expect(status.body).toMatchObject({ nodes: 6, new: 6, failing: 6 });
  });
});

describe('a node that is down, then back', () => {
  it('gets its first metadata at most 30 s (by the clock) after it is back, however often it failed', async () => {
    const service = await t.createService({ push_url_template: fleet.template });
    fleet.set('flaky', 'down');
    await register(service.id, 'flaky');
    // Many failed attempts: each travel makes the pending retry due.
    for (let attempts = 1; attempts <= 6; attempts++) {
      await expect
        .poll(async () => (await t.node(service.id, 'flaky')).attempts, poll)
        .toBeGreaterThanOrEqual(attempts);
      const node = await t.node(service.id, 'flaky');
      // A node with nothing yet is retried as an expired one: never more than 30 s after the
      // failure was recorded, which was before now (the clock runs at real speed).
      expect(Date.parse(node.next_delivery_at) - clock.now().getTime()).toBeLessThanOrEqual(30_000);
      expect(node.last_error).toMatch(/ECONNRESET|socket|other side closed/i);
      advance(31_000);
    }
    fleet.set('flaky', 'ack');
    advance(31_000);
    await expect
      .poll(async () => (await t.node(service.id, 'flaky')).state, poll)
      .toBe('acknowledged');
    expect(await t.node(service.id, 'flaky')).toMatchObject({
      attempts: 0,
      last_error: null,
      phase: 'fresh',
    });
  });

  it('is retried every few seconds in its danger zone, and is fresh again once back', async () => {
    const service = await t.createService({
      push_url_template: fleet.template,
      lifetime_minutes: 60,
    });
    await register(service.id, 'ageing');
    await expect
      .poll(async () => (await t.node(service.id, 'ageing')).current_version, poll)
      .toBe(1);
    const first = await t.node(service.id, 'ageing');
    fleet.set('ageing', 'down');
    // To 91% of its hour: its planned renewal (50–60%) is past, and so is the danger point.
    clock.travelTo(new Date(Date.parse(first.issued_at) + 0.91 * 3_600_000));
    await expect.poll(async () => (await t.node(service.id, 'ageing')).state, poll).toBe('failed');
    const failing = await t.node(service.id, 'ageing');
    expect(failing.phase).toBe('danger');
    // 5 s ± 20% after the failure was recorded, which was before now.
    expect(Date.parse(failing.next_delivery_at) - clock.now().getTime()).toBeLessThanOrEqual(6_000);
    const summary = await t.call('GET', `/v1/delivery/services/${service.id}/status`);
    expect(summary.body).toMatchObject({ danger: 1, failing: 1 });
    fleet.set('ageing', 'ack');
    advance(6_000);
    await expect
      .poll(async () => (await t.node(service.id, 'ageing')).state, poll)
      .toBe('acknowledged');
    const renewed = await t.node(service.id, 'ageing');
    expect(renewed.phase).toBe('fresh');
    expect(renewed.current_version).toBeGreaterThan(1);
    expect(Date.parse(renewed.expires_at)).toBeGreaterThan(Date.parse(first.expires_at));
  });
});
