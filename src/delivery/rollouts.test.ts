import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  type NodeFleet,
  startDelivery,
  startNodeFleet,
} from '../../test/delivery-harness.ts';
import { expectProblem, signUp } from '../../test/helpers.ts';

// Rollouts end to end: a whole service re-issued in slots through the dispatcher, stopped when
// the failed share passes its abort ratio, cancelled through the API; real nodes on 127.0.0.1.

let t: DeliveryTest;
let fleet: NodeFleet;
const poll = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  t = await startDelivery({
    env: { DELIVERY_EVALUATE_SECONDS: '1', DELIVERY_CALL_TIMEOUT_SECONDS: '2' },
  });
  fleet = await startNodeFleet();
});

/** A service of `count` nodes named `<prefix>-00…`, each with version 1 acknowledged. */
async function deliveredService(prefix: string, count: number) {
  const service = await t.createService({ push_url_template: fleet.template, concurrency: 16 });
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
  for (const name of names) {
    const response = await t.call('POST', `/v1/delivery/services/${service.id}/nodes`, { name });
    expect(response.status).toBe(201);
  }
  for (const name of names) {
    await expect.poll(async () => (await t.node(service.id, name)).current_version, poll).toBe(1);
  }
  return { service, names };
}

const start = (serviceId: string, body: unknown, token?: string) =>
  t.call('POST', `/v1/delivery/services/${serviceId}/rollouts`, body, token);
const progress = async (serviceId: string, rolloutId: string) =>
  (await t.call('GET', `/v1/delivery/services/${serviceId}/rollouts/${rolloutId}`)).body;

describe('rollouts', () => {
  it('re-issues every node, paced, and completes', async () => {
    const { service, names } = await deliveredService('ro', 6);
    const started = await start(service.id, { nodes_per_minute: 600, abort_ratio: 0.5 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ state: 'running', total: 6, nodes_per_minute: 600 });
    // Slots 100 ms apart: the last is half a second after the start.
    const span = Date.parse(started.body.last_slot_at) - Date.parse(started.body.started_at);
    expect(span).toBe(500);
    await expect
      .poll(async () => (await progress(service.id, started.body.id)).state, poll)
      .toBe('completed');
    expect(await progress(service.id, started.body.id)).toMatchObject({
      attempted: 6,
      acknowledged: 6,
      failed: 0,
      pending: 0,
      end_reason: 'every node had its delivery',
    });
    for (const name of names) expect((await t.node(service.id, name)).current_version).toBe(2);
  });

  it('aborts once the failed share reaches the ratio, and gives waiting nodes their schedule back', async () => {
    const { service, names } = await deliveredService('ab', 20);
    const before = await t.node(service.id, 'ab-19');
    for (const name of names.slice(0, 10)) fleet.set(name, 'down');
    // One node a second: the first ten fail within ten seconds, the last is due at 19 s.
    const started = await start(service.id, { nodes_per_minute: 60, abort_ratio: 0.5 });
    expect(started.status).toBe(201);
    await expect
      .poll(async () => (await progress(service.id, started.body.id)).state, poll)
      .toBe('aborted');
    const aborted = await progress(service.id, started.body.id);
    expect(aborted.failed).toBeGreaterThanOrEqual(5);
    expect(aborted.failed / aborted.attempted).toBeGreaterThanOrEqual(0.5);
    expect(aborted.attempted).toBeGreaterThanOrEqual(10);
    expect(aborted.end_reason).toMatch(/abort ratio 0.5/);
    const last = await t.node(service.id, 'ab-19');
    expect(last.current_version).toBe(1);
    expect(last.next_delivery_at).toBe(before.next_delivery_at);
    for (const name of names.slice(0, 10)) fleet.set(name, 'ack');
  });

  it('does not count a delivery that began before it, and delivers that node again', async () => {
    const { service } = await deliveredService('fl', 1);
    fleet.set('fl-00', 'hang');
    const forced = await t.call('POST', `/v1/delivery/services/${service.id}/nodes/fl-00/deliver`);
    expect(forced.body.delivering).toBe(true);
    // Its metadata built and sent: the node holds version 2 unanswered.
    await expect
      .poll(() => fleet.received.some((p) => p.node === 'fl-00' && p.body.version === 2), poll)
      .toBe(true);
    const started = await start(service.id, { nodes_per_minute: 60, abort_ratio: 0.5 });
    expect(started.status).toBe(201);
    fleet.set('fl-00', 'ack');
    // The hanging delivery fails at its 2 s deadline: not the rollout's; the next one is.
    await expect
      .poll(async () => (await progress(service.id, started.body.id)).state, poll)
      .toBe('completed');
    expect(await progress(service.id, started.body.id)).toMatchObject({
      acknowledged: 1,
      failed: 0,
    });
    expect((await t.node(service.id, 'fl-00')).current_version).toBe(3);
  });

  it('is cancelled through the API, one at a time per service', async () => {
    const { service } = await deliveredService('ca', 3);
    const before = await t.node(service.id, 'ca-02');
    // One node every two minutes: the first is due at once, the others wait.
    const started = await start(service.id, { nodes_per_minute: 0.5, abort_ratio: 0.2 });
    expect(started.status).toBe(201);
    expect((await t.node(service.id, 'ca-02')).next_delivery_at).not.toBe(before.next_delivery_at);
    expectProblem(await start(service.id, { nodes_per_minute: 1, abort_ratio: 0.2 }), 'conflict');
    const path = `/v1/delivery/services/${service.id}/rollouts/${started.body.id}/cancel`;
    const cancelled = await t.call('POST', path);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', total: 3 });
    expect((await t.node(service.id, 'ca-02')).next_delivery_at).toBe(before.next_delivery_at);
    expectProblem(await t.call('POST', path), 'conflict');
    // The next may start once the first has ended.
    const again = await start(service.id, { nodes_per_minute: 600, abort_ratio: 0.2 });
    expect(again.status).toBe(201);
    // Listed newest first, a page at a time.
    const listed = await t.call('GET', `/v1/delivery/services/${service.id}/rollouts?limit=1`);
    expect(listed.body.items.map((rollout: { id: string }) => rollout.id)).toEqual([again.body.id]);
    const next = await t.call(
      'GET',
      `/v1/delivery/services/${service.id}/rollouts?limit=1&cursor=${listed.body.next_cursor}`,
    );
    expect(next.body.items).toMatchObject([{ id: started.body.id, state: 'cancelled' }]);
    expect(next.body.next_cursor).toBeNull();
  });

  it('refuses hostile input, other roles and other organisations', async () => {
    const service = await t.createService({ push_url_template: fleet.template });
    expectProblem(await start(service.id, { nodes_per_minute: 10, abort_ratio: 0.5 }), 'conflict');
    for (const body of [
      {},
      { nodes_per_minute: 0, abort_ratio: 0.5 },
      { nodes_per_minute: -5, abort_ratio: 0.5 },
      { nodes_per_minute: 'fast', abort_ratio: 0.5 },
      { nodes_per_minute: 10, abort_ratio: 0 },
      { nodes_per_minute: 10, abort_ratio: 1.5 },
      { nodes_per_minute: 1e12, abort_ratio: 0.5 },
      { nodes_per_minute: 10, abort_ratio: 0.5, dry_run: true },
      [1, 2],
    ]) {
      expectProblem(await start(service.id, body), 'validation-failed');
    }
    expectProblem(await start(service.id, '{"nodes_per_minute": '), 'malformed-json');
    const stranger = await signUp(t.api, 'stranger');
    expectProblem(
      await start(service.id, { nodes_per_minute: 10, abort_ratio: 0.5 }, stranger.token),
      'not-found',
    );
    const member = await signUp(t.api, 'member');
    await t.call('POST', `/v1/orgs/${t.orgId}/members`, { email: member.email, role: 'member' });
    expectProblem(
      await start(service.id, { nodes_per_minute: 10, abort_ratio: 0.5 }, member.token),
      'forbidden',
    );
    const unknown = '00000000-0000-7000-8000-000000000000';
    expectProblem(
      await t.call('GET', `/v1/delivery/services/${service.id}/rollouts/${unknown}`),
      'not-found',
    );
    expectProblem(
      await t.call('GET', `/v1/delivery/services/${service.id}/rollouts/nope`),
      'validation-failed',
    );
    const list = `/v1/delivery/services/${service.id}/rollouts`;
    expectProblem(await t.call('GET', `${list}?cursor=nope`), 'invalid-cursor');
    expectProblem(await t.call('GET', `${list}?limit=0`), 'validation-failed');
    expectProblem(await t.call('GET', list, undefined, stranger.token), 'not-found');
    expectProblem(await t.call('GET', `/v1/delivery/services/${unknown}/rollouts`), 'not-found');
  });
});
