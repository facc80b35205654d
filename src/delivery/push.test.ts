import { createPrivateKey, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  type NodeFleet,
  startDelivery,
  startNodeFleet,
  startSourceServer,
} from '../../test/delivery-harness.ts';
import { createTravelClock } from '../platform/clock.ts';

// Push delivery end to end: real nodes on 127.0.0.1 acknowledge, refuse, hang or reset; the
// certificates they receive are checked with node:crypto against the organisation's CA.

let t: DeliveryTest;
let fleet: NodeFleet;
// Retries fall due by the platform clock: travelling past the longest wait of a never-delivered
// node (30 s) makes the next one due at once, so no test waits out a backoff.
const clock = createTravelClock();
const travelPastRetries = () => clock.travelTo(new Date(clock.now().getTime() + 31_000));
const poll = { timeout: 15_000, interval: 50 };

beforeAll(async () => {
  t = await startDelivery({ clock, env: { DELIVERY_CALL_TIMEOUT_SECONDS: '1' } });
  fleet = await startNodeFleet();
});

async function register(serviceId: string, name: string) {
  const response = await t.call('POST', `/v1/delivery/services/${serviceId}/nodes`, { name });
  expect(response.status).toBe(201);
  return response.body;
}

const pushesTo = (node: string) => fleet.received.filter((push) => push.node === node);

describe('certificates', () => {
  it('delivers each node its own certificate from the organisation CA, acknowledged', async () => {
    const service = await t.createService({
      name: 'payments',
      kind: 'certificate',
      static_metadata: undefined,
      push_url_template: fleet.template,
    });
    await register(service.id, 'web-1.acme.internal');
    await register(service.id, 'web-2.acme.internal');
    await expect
      .poll(async () => (await t.node(service.id, 'web-1.acme.internal')).state, poll)
      .toBe('acknowledged');
    await expect
      .poll(async () => (await t.node(service.id, 'web-2.acme.internal')).state, poll)
      .toBe('acknowledged');

    const authority = await t.call('GET', `/v1/delivery/authority?org_id=${t.orgId}`);
    const ca = new X509Certificate(authority.body.certificate_pem);
    const [one, two] = ['web-1.acme.internal', 'web-2.acme.internal'].map((name) => {
      const [push] = pushesTo(name);
      if (!push) throw new Error(`nothing pushed to ${name}`);
      return push;
    });
    for (const push of [one, two]) {
      const { metadata } = push!.body;
      const leaf = new X509Certificate(metadata.certificate_pem);
      expect(leaf.verify(ca.publicKey)).toBe(true);
      expect(leaf.checkIssued(ca)).toBe(true);
      expect(leaf.checkPrivateKey(createPrivateKey(metadata.private_key_pem))).toBe(true);
      expect(leaf.subjectAltName).toContain(`DNS:${push!.node}`);
      expect(leaf.subjectAltName).toContain(
        `URI:spiffe://${t.orgId}.delivery.meridian.local/payments/${push!.node}`,
      );
      const lifetime = Date.parse(leaf.validTo) - Date.parse(push!.body.issued_at);
      expect(Math.abs(lifetime - 3_600_000)).toBeLessThan(2_000);
      expect(push!.body).toMatchObject({ version: 1, kind: 'certificate', node: push!.node });
      expect(push!.headers['idempotency-key']).toMatch(/:1$/);
    }
    expect(one!.body.metadata.serial_number).not.toBe(two!.body.metadata.serial_number);
    expect(one!.body.metadata.private_key_pem).not.toBe(two!.body.metadata.private_key_pem);

    const status = await t.node(service.id, 'web-1.acme.internal');
    expect(status).toMatchObject({
      current_version: 1,
      phase: 'fresh',
      attempts: 0,
      last_error: null,
      serial_number: one!.body.metadata.serial_number,
    });
    // The next renewal falls in the window: 50–60% of the hour after issue.
    const issued = Date.parse(status.issued_at);
    const renewal = Date.parse(status.next_delivery_at) - issued;
    expect(renewal).toBeGreaterThanOrEqual(30 * 60_000);
    expect(renewal).toBeLessThanOrEqual(36 * 60_000);
    const summary = await t.call('GET', `/v1/delivery/services/${service.id}/status`);
    expect(summary.body).toMatchObject({ nodes: 2, healthy: 2, new: 0, failing: 0 });
  });
});

describe('acknowledgements and refusals', () => {
  it('records a NACK with the node error, and a timeout, and retries both', async () => {
    const service = await t.createService({ push_url_template: fleet.template });
    fleet.set('picky', 'refuse');
    fleet.set('silent', 'hang');
    await register(service.id, 'picky');
    await register(service.id, 'silent');
    await expect.poll(async () => (await t.node(service.id, 'picky')).state, poll).toBe('refused');
    const picky = await t.node(service.id, 'picky');
    expect(picky).toMatchObject({
      refused_version: 1,
      current_version: null,
      last_error: 'cannot parse certificate',
      phase: 'new',
    });
    expect(picky.attempts).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await t.node(service.id, 'silent')).state, poll).toBe('failed');
    expect((await t.node(service.id, 'silent')).last_error).toMatch(/timeout/);
    // Retried: the node that refused is asked again with the next version, and then takes it.
    fleet.set('picky', 'ack');
    travelPastRetries();
    await expect
      .poll(async () => (await t.node(service.id, 'picky')).state, poll)
      .toBe('acknowledged');
    const taken = await t.node(service.id, 'picky');
    expect(taken.current_version).toBeGreaterThan(1);
    expect(taken).toMatchObject({ attempts: 0, last_error: null });
    const summary = await t.call('GET', `/v1/delivery/services/${service.id}/status`);
    expect(summary.body).toMatchObject({ nodes: 2, new: 1, healthy: 1, failing: 1 });
  });

  it('delivers static metadata as given', async () => {
    const service = await t.createService({
      push_url_template: fleet.template,
      static_metadata: { region: 'eu-west-1', tags: ['a', 'b'] },
    });
    await register(service.id, 'static-1');
    await expect
      .poll(async () => (await t.node(service.id, 'static-1')).state, poll)
      .toBe('acknowledged');
    expect(pushesTo('static-1')[0]?.body.metadata).toEqual({
      region: 'eu-west-1',
      tags: ['a', 'b'],
    });
  });
});

describe('fetched metadata', () => {
  it("delivers what the service's URL gives for the node, and fails while that URL fails", async () => {
    const origin = await startSourceServer();
    origin.serve('rack=7');
    const service = await t.createService({
      kind: 'fetched',
      static_metadata: undefined,
      fetch_url_template: `${origin.url}?node={node}`,
      push_url_template: fleet.template,
    });
    await register(service.id, 'fetched-1');
    await expect
      .poll(async () => (await t.node(service.id, 'fetched-1')).state, poll)
      .toBe('acknowledged');
    expect(pushesTo('fetched-1')[0]?.body.metadata).toMatchObject({ content: 'rack=7' });
    origin.fail(503);
    await register(service.id, 'fetched-2');
    await expect
      .poll(async () => (await t.node(service.id, 'fetched-2')).state, poll)
      .toBe('failed');
    expect((await t.node(service.id, 'fetched-2')).last_error).toMatch(/metadata URL answered 503/);
    expect(pushesTo('fetched-2')).toHaveLength(0);
  });
});

describe('forced delivery', () => {
  it('delivers a fresh version to one node now, and to no other', async () => {
    const service = await t.createService({ push_url_template: fleet.template });
    await register(service.id, 'forced-1');
    await register(service.id, 'forced-2');
    for (const name of ['forced-1', 'forced-2']) {
      await expect.poll(async () => (await t.node(service.id, name)).current_version, poll).toBe(1);
    }
    const forced = await t.call(
      'POST',
      `/v1/delivery/services/${service.id}/nodes/forced-1/deliver`,
    );
    expect(forced.status).toBe(202);
    await expect
      .poll(async () => (await t.node(service.id, 'forced-1')).current_version, poll)
      .toBe(2);
    expect((await t.node(service.id, 'forced-2')).current_version).toBe(1);
    expect(pushesTo('forced-2')).toHaveLength(1);
  });
});
