import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  type NodeFleet,
  startDelivery,
  startNodeFleet,
} from '../../test/delivery-harness.ts';
import { expectProblem, signUp, signUpOperator } from '../../test/helpers.ts';
import { createTravelClock } from '../platform/clock.ts';
import { serviceFailing } from './alarms.ts';
import { deliveryBehindRule } from './evaluation.ts';

// Alarms, metrics and the operators' delivery-behind alert, end to end: real nodes on 127.0.0.1,
// the evaluation job every second, the platform clock moved into a node's danger zone and past
// its expiry. Notifications are read from the owners' inboxes and the built-in mailbox.

let t: DeliveryTest;
let fleet: NodeFleet;
let admin: { id: string; email: string; token: string };
let member: { id: string; email: string; token: string };
let operator: string;
const clock = createTravelClock();
const poll = { timeout: 20_000, interval: 100 };
const minutes = (n: number) => n * 60_000;

beforeAll(async () => {
  t = await startDelivery({
    clock,
    env: { DELIVERY_EVALUATE_SECONDS: '1', DELIVERY_CALL_TIMEOUT_SECONDS: '5' },
  });
  fleet = await startNodeFleet();
  admin = await signUp(t.api, 'admin');
  member = await signUp(t.api, 'member');
  for (const [user, role] of [
    [admin, 'admin'],
    [member, 'member'],
  ] as const) {
    const added = await t.call('POST', `/v1/orgs/${t.orgId}/members`, {
      email: user.email,
      role,
    });
    expect(added.status).toBe(201);
  }
  operator = (await signUpOperator(t.api, t.server)).token;
});

async function register(serviceId: string, name: string) {
  const response = await t.call('POST', `/v1/delivery/services/${serviceId}/nodes`, { name });
  expect(response.status).toBe(201);
}

const notices = async (token: string, event: string) => {
  const inbox = await t.api('GET', '/v1/notifications?limit=100', { token });
  return inbox.body.items.filter((n: { event: string }) => n.event === event);
};
const alarmsOf = async (serviceId: string) =>
  (await t.call('GET', `/v1/delivery/services/${serviceId}/alarms`)).body;
const openKinds = async (serviceId: string) =>
  (await alarmsOf(serviceId)).open.map((a: { kind: string }) => a.kind).sort();
const travel = (ms: number) => clock.travelTo(new Date(clock.now().getTime() + ms));

describe('the failure ratio with hysteresis', () => {
  it('raises at the threshold and resolves only below half of it', () => {
    const at = (open: boolean, failing: number) =>
      serviceFailing({ open, failing, decided: 10, threshold: 0.2 });
    expect(at(false, 1)).toBe(false);
    expect(at(false, 2)).toBe(true);
    expect(at(true, 1)).toBe(true);
    expect(at(true, 0)).toBe(false);
    expect(serviceFailing({ open: false, failing: 0, decided: 0, threshold: 0.2 })).toBe(false);
  });
});

describe('alarms', () => {
  let service: Record<string, any>;

  it('tells owners and admins once when a node enters its danger zone and the service fails', async () => {
    service = await t.createService({
      push_url_template: fleet.template,
      failure_alarm_ratio: 0.5,
    });
    expect(service.failure_alarm_ratio).toBe(0.5);
    await register(service.id, 'al-ok');
    await register(service.id, 'al-down');
    for (const name of ['al-ok', 'al-down']) {
      await expect
        .poll(async () => (await t.node(service.id, name)).state, poll)
        .toBe('acknowledged');
    }
    const issued = Date.parse((await t.node(service.id, 'al-down')).issued_at);
    fleet.set('al-down', 'down');
    // 40 minutes into an hour: past the renewal window. al-ok renews, al-down cannot.
    clock.travelTo(new Date(issued + minutes(40)));
    await expect
      .poll(async () => (await t.node(service.id, 'al-ok')).current_version, poll)
      .toBe(2);
    // 55 minutes: past al-down's danger point (90%); al-ok is fresh.
    clock.travelTo(new Date(issued + minutes(55)));
    await expect
      .poll(() => openKinds(service.id), poll)
      .toEqual(['node-danger', 'service-failing']);
    const alarms = await alarmsOf(service.id);
    expect(alarms.open_count).toBe(2);
    expect(alarms.open.find((a: { kind: string }) => a.kind === 'node-danger')).toMatchObject({
      node: 'al-down',
      resolved_at: null,
    });
    for (const token of [t.owner.token, admin.token]) {
      await expect
        .poll(async () => (await notices(token, 'delivery.node_danger')).length, poll)
        .toBe(1);
      await expect
        .poll(async () => (await notices(token, 'delivery.service_failing')).length, poll)
        .toBe(1);
    }
    const [danger] = await notices(t.owner.token, 'delivery.node_danger');
    expect(danger.title).toContain('al-down');
    expect(danger.data).toMatchObject({ service_id: service.id, count: 1, kind: 'node-danger' });
    expect(await notices(member.token, 'delivery.node_danger')).toEqual([]);
  });

  it('raises the expired alarm past expiry, keeps the danger alarm, and emails it', async () => {
    travel(minutes(6));
    await expect
      .poll(() => openKinds(service.id), poll)
      .toEqual(['node-danger', 'node-expired', 'service-failing']);
    await expect
      .poll(async () => (await notices(t.owner.token, 'delivery.node_expired')).length, poll)
      .toBe(1);
    // Still open: each alarm is told once, not at every evaluation.
    expect(await notices(t.owner.token, 'delivery.node_danger')).toHaveLength(1);
    await expect
      .poll(async () => {
        const mailbox = await t.api('GET', '/v1/admin/mailbox?limit=100', { token: operator });
        return mailbox.body.items.some(
          (mail: { to_address: string; subject: string }) =>
            mail.to_address.includes((t.owner as { email?: string }).email ?? '-') &&
            /al-down .* expired/.test(mail.subject),
        );
      }, poll)
      .toBe(true);
  });

  it('resolves every alarm once the node takes fresh metadata, and tells once', async () => {
    fleet.set('al-down', 'ack');
    travel(31_000);
    await expect.poll(async () => (await t.node(service.id, 'al-down')).phase, poll).toBe('fresh');
    await expect.poll(async () => (await alarmsOf(service.id)).open_count, poll).toBe(0);
    const { recent } = await alarmsOf(service.id);
    expect(recent.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'node-danger',
      'node-expired',
      'service-failing',
    ]);
    for (const alarm of recent) expect(alarm.resolved_at).not.toBeNull();
    await expect
      .poll(async () => (await notices(t.owner.token, 'delivery.alarm_resolved')).length, poll)
      .toBeGreaterThanOrEqual(1);
    const resolved = await notices(t.owner.token, 'delivery.alarm_resolved');
    expect(resolved.reduce((sum: number, n: any) => sum + n.data.count, 0)).toBe(3);
  });

  it('counts the service at /metrics: nodes by phase, deliveries by outcome, expiry, backlog', async () => {
    const line = (text: string, name: string, labels: string) =>
      text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    await expect
      .poll(async () => {
        const text = await (await fetch(new URL('/metrics', t.server.url))).text();
        return line(text, 'meridian_delivery_nodes', `service="${service.id}",phase="healthy"`);
      }, poll)
      .toBe(`meridian_delivery_nodes{service="${service.id}",phase="healthy"} 2`);
    const text = await (await fetch(new URL('/metrics', t.server.url))).text();
    const outcome = (kind: string) =>
      Number(
        line(
          text,
          'meridian_delivery_deliveries_total',
          `service="${service.id}",outcome="${kind}"`,
        )
          ?.split(' ')
          .at(-1),
      );
    expect(outcome('acknowledged')).toBeGreaterThanOrEqual(4);
    expect(outcome('failed')).toBeGreaterThanOrEqual(1);
    const expiry = line(
      text,
      'meridian_delivery_earliest_expiry_timestamp_seconds',
      `service="${service.id}"`,
    );
    expect(Number(expiry?.split(' ').at(-1)) * 1000).toBeGreaterThan(clock.now().getTime());
    expect(line(text, 'meridian_delivery_due_backlog', `service="${service.id}"`)).toMatch(/ 0$/);
  });

  it('refuses a bad threshold and hides another organisation’s alarms', async () => {
    for (const ratio of [0, 1.5, -1, 'high']) {
      const response = await t.call('PATCH', `/v1/delivery/services/${service.id}`, {
        failure_alarm_ratio: ratio,
      });
      expectProblem(response, 'validation-failed');
    }
    const stranger = await signUp(t.api, 'stranger');
    expectProblem(
      await t.call('GET', `/v1/delivery/services/${service.id}/alarms`, undefined, stranger.token),
      'not-found',
    );
    expectProblem(
      await t.call('GET', '/v1/delivery/services/not-a-uuid/alarms'),
      'validation-failed',
    );
    expectProblem(await t.api('GET', `/v1/delivery/services/${service.id}/alarms`), 'unauthorized');
  });
});

describe('delivery-behind', () => {
  it('alerts operators when due deliveries wait past the threshold to start', async () => {
    const { core } = t.server.server;
    const service = await t.createService({ push_url_template: fleet.template, concurrency: 1 });
    fleet.set('behind-1', 'hang');
    await register(service.id, 'behind-1');
    await expect
      .poll(async () => (await t.node(service.id, 'behind-1')).delivering, poll)
      .toBe(true);
    await register(service.id, 'behind-2');
    expect(await deliveryBehindRule.evaluate(core, new Date())).toEqual([]);
    // behind-1 holds the only slot (it hangs for the 5 s call deadline): behind-2 waits, due.
    travel(10 * 60_000);
    const [firing] = await deliveryBehindRule.evaluate(core, new Date());
    expect(firing).toMatchObject({ key: 'all', value: expect.any(Number) });
    expect(firing?.value).toBeGreaterThanOrEqual(1);
    expect(firing?.summary).toMatch(/due deliveries of \d+ services have waited/);
    fleet.set('behind-1', 'ack');
  });
});
