import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../src/delivery/certificates/authority.ts';
import { createTravelClock } from '../src/platform/clock.ts';
import { type DeliveryTest, startDelivery } from './delivery-harness.ts';
import { type NodeSimulator, type ReceivedVersion, startNodeSimulator } from './node-simulator.ts';

// A fleet delivered through the node simulator, which checks every certificate as a node would
// (chain to the organisation's CA, validity by the platform clock, its SPIFFE ID, its key). Time
// is the platform's travel clock: renewals and retries fall due by travelling, never by waiting.

let t: DeliveryTest;
let simulator: NodeSimulator;
const clock = createTravelClock();
const poll = { timeout: 40_000, interval: 100 };
const advance = (ms: number) => clock.travelTo(new Date(clock.now().getTime() + ms));
const fleetSize = 200;
const hour = 3_600_000;

beforeAll(async () => {
  t = await startDelivery({ clock, env: { DELIVERY_CALL_TIMEOUT_SECONDS: '2' } });
  simulator = await startNodeSimulator({
    authority: { meridianUrl: t.server.url, orgId: t.orgId, token: t.owner.token },
    now: () => clock.now().getTime(),
  });
  return () => simulator.close();
});

const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

/** A certificate service of the simulator's nodes, all registered through the API. */
async function certificateFleet(prefix: string, count: number) {
  const service = await t.createService({
    kind: 'certificate',
    static_metadata: undefined,
    lifetime_minutes: 60,
    concurrency: 32,
    push_url_template: simulator.template,
  });
  const nodes = names(prefix, count);
  for (let i = 0; i < nodes.length; i += 20) {
    await Promise.all(
      nodes.slice(i, i + 20).map(async (name) => {
        const response = await t.call('POST', `/v1/delivery/services/${service.id}/nodes`, {
          name,
        });
        expect(response.status).toBe(201);
      }),
    );
  }
  return { id: service.id as string, nodes };
}

interface NodeState {
  name: string;
  state: string;
  current_version: number | null;
  serial_number: string | null;
  renew_at: Date;
  last_error: string | null;
}

/** The service's nodes as Meridian has them, by name. */
async function nodeStates(serviceId: string): Promise<Map<string, NodeState>> {
  const { rows } = await sql<NodeState>`
    SELECT name, state, current_version, serial_number, renew_at, last_error
      FROM delivery_nodes WHERE service_id = ${serviceId}`.execute(t.server.database.db);
  return new Map(rows.map((row) => [row.name, row]));
}

const acks = (node: string) => simulator.history(node).filter((got) => got.answer === 'ack');

/** Waits until every node of `nodes` has at least `count` acknowledged versions (simulator). */
async function untilAcknowledged(nodes: string[], count = (_node: string) => 1) {
  await expect
    .poll(() => nodes.filter((node) => acks(node).length < count(node)).length, poll)
    .toBe(0);
}

/** Whether every node of `nodes` has an acknowledged version within `timeout` ms. */
async function everyAcknowledgedWithin(nodes: string[], timeout: number): Promise<boolean> {
  try {
    await expect.poll(() => nodes.every((node) => acks(node).length > 0), { timeout }).toBe(true);
    return true;
  } catch {
    return false;
  }
}

/** Waits until Meridian has every node of the service acknowledged. */
async function untilRecorded(serviceId: string, count: number) {
  await expect
    .poll(async () => {
      const states = [...(await nodeStates(serviceId)).values()];
      return states.filter((node) => node.state === 'acknowledged').length;
    }, poll)
    .toBe(count);
}

describe('a fleet of 200 nodes', { timeout: 60_000 }, () => {
  // Made by the first test; the others go on with it.
  let fleet: { id: string; nodes: string[] };

  it('gives every node its own valid certificate, checked by the node', async () => {
    fleet = await certificateFleet('fleet', fleetSize);
    await untilAcknowledged(fleet.nodes);
    await untilRecorded(fleet.id, fleetSize);
    const states = await nodeStates(fleet.id);
    const serials = new Set<string>();
    for (const node of fleet.nodes) {
      const [first, ...more] = simulator.history(node);
      expect(more, node).toEqual([]);
      expect(first).toMatchObject({ version: 1, answer: 'ack' });
      serials.add(first?.serial as string);
      expect(states.get(node)).toMatchObject({ current_version: 1, serial_number: first?.serial });
    }
    expect(serials.size).toBe(fleetSize);
    const status = await t.call('GET', `/v1/delivery/services/${fleet.id}/status`);
    expect(status.body).toMatchObject({ nodes: fleetSize, healthy: fleetSize, failing: 0 });
  });

  it('delivers a forced version to the one node named, and to no other', async () => {
    const [forced] = fleet.nodes;
    const pushesBefore = simulator.summary().pushes;
    const response = await t.call(
      'POST',
      `/v1/delivery/services/${fleet.id}/nodes/${forced}/deliver`,
    );
    expect(response.status).toBe(202);
    await untilAcknowledged([forced as string], () => 2);
    await expect
      .poll(async () => (await t.node(fleet.id, forced as string)).current_version, poll)
      .toBe(2);
    expect(simulator.summary().pushes).toBe(pushesBefore + 1);
    for (const node of fleet.nodes.slice(1)) expect(simulator.history(node)).toHaveLength(1);
  });

  it('renews every node before expiry, spread over the renewal window', async () => {
    const before = new Map(fleet.nodes.map((node) => [node, acks(node).length]));
    const firstExpiry = new Map(fleet.nodes.map((node) => [node, acks(node).at(-1)?.notAfter]));
    const states = await nodeStates(fleet.id);
    const due = new Map(
      fleet.nodes.map((node) => [node, states.get(node)?.renew_at.getTime() ?? 0]),
    );
    const [from, to] = [Math.min(...due.values()), Math.max(...due.values())];
    // The window (50–60 % of the hour) is 6 minutes wide: walked through in 12 steps, each
    // waited out until every node due by then is renewed; a renewal counts in its step.
    const buckets = 12;
    const step = (to - from) / buckets;
    const counts = new Array<number>(buckets).fill(0);
    const renewed = (node: string) => acks(node).length > (before.get(node) as number);
    let counted = new Set<string>();
    for (let b = 1; b <= buckets; b++) {
      const at = from + b * step;
      if (clock.now().getTime() < at) clock.travelTo(new Date(at));
      const dueNow = fleet.nodes.filter((node) => (due.get(node) as number) <= at);
      await untilAcknowledged(dueNow, (node) => (before.get(node) as number) + 1);
      const fresh = fleet.nodes.filter((node) => renewed(node) && !counted.has(node));
      counts[b - 1] = fresh.length;
      counted = new Set([...counted, ...fresh]);
    }
    expect(counted.size).toBe(fleetSize);
    for (const node of fleet.nodes) {
      const renewal = acks(node)[before.get(node) as number] as ReceivedVersion;
      expect(renewal.at).toBeGreaterThanOrEqual(due.get(node) as number);
      expect(renewal.at).toBeLessThan(firstExpiry.get(node) as number);
      expect(renewal.serial).not.toBe(acks(node)[0]?.serial);
    }
    // Uniform in the window: the mean is 200 / 12 ≈ 17 a bucket; all at once would be 200.
    const mean = fleetSize / buckets;
    expect(Math.max(...counts), JSON.stringify(counts)).toBeLessThanOrEqual(3 * mean);
    expect(to - from).toBeGreaterThan(0.08 * hour); // 6 minutes, less the issue-time spread
  });
});

describe('nodes that fail', { timeout: 60_000 }, () => {
  it('delivers the 10% of nodes that were down soon after they are back', async () => {
    simulator.setFraction(0.1, 'down', 'outage');
    const fleet = await certificateFleet('outage', 100);
    const down = fleet.nodes.filter((node) => simulator.behaviourOf(node) === 'down');
    const up = fleet.nodes.filter((node) => !down.includes(node));
    expect(down.length).toBeGreaterThan(2);
    await untilAcknowledged(up);
    await expect
      .poll(async () => {
        const states = await nodeStates(fleet.id);
        return down.filter((node) => states.get(node)?.state === 'failed').length;
      }, poll)
      .toBe(down.length);
    simulator.reset();
    const backAt = clock.now().getTime();
    // A node with nothing delivered yet waits at most 30 s (by the clock) after a failed
    // attempt. One under way at the reset may still fail, its retry then 30 s after that: the
    // clock moves once more if a node is left, so each is back within two such waits.
    advance(31_000);
    if (!(await everyAcknowledgedWithin(down, 15_000))) advance(31_000);
    await untilAcknowledged(down);
    await untilRecorded(fleet.id, 100);
    for (const node of down) {
      expect(acks(node)[0]?.at).toBeLessThanOrEqual(backAt + 2 * 31_000 + 10_000);
    }
  });

  it('records a node answering garbage or another version as failed, with what it answered', async () => {
    const service = await t.createService({ push_url_template: simulator.template });
    simulator.set('garbled', 'garbage');
    simulator.set('confused', 'wrong-version');
    for (const name of ['garbled', 'confused']) {
      const response = await t.call('POST', `/v1/delivery/services/${service.id}/nodes`, { name });
      expect(response.status).toBe(201);
    }
    await expect.poll(async () => (await t.node(service.id, 'garbled')).state, poll).toBe('failed');
    expect((await t.node(service.id, 'garbled')).last_error).toBe(
      'the node answered 200 with no JSON object: <html><body>Welcome to nginx!</body></html>',
    );
    await expect
      .poll(async () => (await t.node(service.id, 'confused')).state, poll)
      .toBe('failed');
    expect((await t.node(service.id, 'confused')).last_error).toBe(
      'the node answered version 0, not 1',
    );
  });

  it('has a certificate from another CA refused by the node, with its reason', async () => {
    const stranger = await createCertificateAuthority({
      organisationName: 'Someone else',
      secret: randomBytes(32).toString('base64'),
      now: new Date(),
    });
    const strict = await startNodeSimulator({
      caCertificatePem: stranger.certificatePem,
      now: () => clock.now().getTime(),
    });
    try {
      const service = await t.createService({
        kind: 'certificate',
        static_metadata: undefined,
        push_url_template: strict.template,
      });
      await t.call('POST', `/v1/delivery/services/${service.id}/nodes`, { name: 'wary' });
      await expect.poll(async () => (await t.node(service.id, 'wary')).state, poll).toBe('refused');
      expect(await t.node(service.id, 'wary')).toMatchObject({
        refused_version: 1,
        last_error: 'the certificate is not signed by the organisation CA',
      });
    } finally {
      await strict.close();
    }
  });
});
