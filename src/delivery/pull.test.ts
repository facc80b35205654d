import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryTest,
  startDelivery,
  startSourceServer,
} from '../../test/delivery-harness.ts';
import { expectProblem } from '../../test/helpers.ts';
import { createTravelClock } from '../platform/clock.ts';
import { newNodeKey } from './agent/keys.ts';

// Pull mode through its routes: join tokens, an agent's join, the long poll and the answers,
// over real HTTP with real CSRs and certificates (the agent process itself: test/delivery-agent).

let t: DeliveryTest;
const clock = createTravelClock();
const poll = { timeout: 15_000, interval: 50 };

beforeAll(async () => {
  t = await startDelivery({ clock });
});

async function pullService(fields: Record<string, unknown> = {}) {
  return t.createService({ mode: 'pull', ...fields });
}

async function joinToken(serviceId: string, body: Record<string, unknown> = {}) {
  const created = await t.call('POST', `/v1/delivery/services/${serviceId}/join-tokens`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const join = (body: Record<string, unknown>) => t.api('POST', '/v1/delivery/agent/join', { body });

async function joined(serviceId: string, node: string, csr?: string) {
  const { token } = await joinToken(serviceId);
  const response = await join({ token, node, csr });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.credential as string;
}

const metadata = (credential: string, version: number, wait: number) =>
  t.api('GET', `/v1/delivery/agent/metadata?version=${version}&wait=${wait}`, {
    token: credential,
  });

const ack = (credential: string, body: Record<string, unknown>) =>
  t.api('POST', '/v1/delivery/agent/ack', {
    token: credential,
    body: { agent_time: new Date().toISOString(), ...body },
  });

/** The first version, once the dispatcher has prepared it (the poll waits for it). */
async function firstOffer(credential: string) {
  const response = await metadata(credential, 0, 10);
  expect(response.status).toBe(200);
  return response.body;
}

describe('onboarding in pull mode', () => {
  it('takes a pull service without a push URL, and refuses one with, or a push one without', async () => {
    const service = await pullService();
    expect(service).toMatchObject({ mode: 'pull', push_url_template: null });
    const base = { org_id: t.orgId, kind: 'static', static_metadata: {}, lifetime_minutes: 60 };
    const withUrl = await t.call('POST', '/v1/delivery/services', {
      ...base,
      name: 'pull-with-url',
      mode: 'pull',
      push_url_template: 'https://{node}.example/meridian',
    });
    expect(expectProblem(withUrl, 'invalid-service').errors[0].field).toBe(
      'body/push_url_template',
    );
    const pushWithout = await t.call('POST', '/v1/delivery/services', { ...base, name: 'push' });
    expect(expectProblem(pushWithout, 'invalid-service').errors[0].field).toBe(
      'body/push_url_template',
    );
  });
});

describe('join tokens', () => {
  it('shows a token once, lists it without its secret, and refuses join tokens for push', async () => {
    const service = await pullService();
    const created = await joinToken(service.id, { name: 'rack 7' });
    expect(created.token).toMatch(/^mrdj_/);
    expect(created).toMatchObject({ name: 'rack 7', joins: 0, revoked_at: null });
    const listed = await t.call('GET', `/v1/delivery/services/${service.id}/join-tokens`);
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    const push = await t.createService({ push_url_template: 'http://127.0.0.1:9/{node}' });
    expectProblem(
      await t.call('POST', `/v1/delivery/services/${push.id}/join-tokens`, {}),
      'conflict',
    );
  });

  it('refuses an unknown, a revoked and an expired token with a 401 that says which', async () => {
    const service = await pullService();
    const unknown = expectProblem(await join({ token: 'mrdj_nope', node: 'n1' }), 'unauthorized');
    expect(unknown.detail).toMatch(/unknown/);
    expectProblem(await join({ token: t.owner.token, node: 'n1' }), 'unauthorized');

    const revoked = await joinToken(service.id);
    const deleted = await t.call(
      'DELETE',
      `/v1/delivery/services/${service.id}/join-tokens/${revoked.id}`,
    );
    expect(deleted.status).toBe(204);
    const refused = expectProblem(await join({ token: revoked.token, node: 'n1' }), 'unauthorized');
    expect(refused.detail).toMatch(/revoked/);

    const shortLived = await joinToken(service.id, { expires_in_minutes: 1 });
    clock.travelTo(new Date(clock.now().getTime() + 2 * 60_000));
    const expired = expectProblem(
      await join({ token: shortLived.token, node: 'n1' }),
      'unauthorized',
    );
    expect(expired.detail).toMatch(/expired/);
  });

  it('refuses a node that is not on the node source, and takes one that is', async () => {
    const source = await startSourceServer();
    source.serve('listed-1\n');
    const service = await pullService({ node_source: { location: source.url } });
    await expect
      .poll(async () => (await t.call('GET', `/v1/delivery/services/${service.id}/nodes`)).body)
      .toMatchObject({ items: [{ name: 'listed-1', origin: 'source', state: 'new' }] });
    // Nothing can be prepared before its agent joins: the node is not due until then.
    expect(await t.node(service.id, 'listed-1')).toMatchObject({
      next_delivery_at: null,
      delivered_version: 0,
    });
    // A forced delivery finds no agent to prepare for, and leaves the node waiting for one.
    const forced = await t.call(
      'POST',
      `/v1/delivery/services/${service.id}/nodes/listed-1/deliver`,
    );
    expect(forced.body.delivering).toBe(true);
    await expect
      .poll(() => t.node(service.id, 'listed-1'), poll)
      .toMatchObject({ delivering: false, next_delivery_at: null, delivered_version: 0 });
    const { token } = await joinToken(service.id);
    const stranger = expectProblem(await join({ token, node: 'stranger' }), 'node-not-listed');
    expect(stranger.detail).toMatch(/stranger is not on this service's node source/);
    const listed = await join({ token, node: 'listed-1' });
    expect(listed.status).toBe(201);
    expect((await firstOffer(listed.body.credential)).node).toBe('listed-1');
  });

  it('refuses a bad node name', async () => {
    const service = await pullService();
    const { token } = await joinToken(service.id);
    expectProblem(await join({ token, node: 'no spaces' }), 'invalid-service');
  });
});

describe('credentials', () => {
  it('keeps node credentials and API tokens each to their own routes', async () => {
    const service = await pullService();
    const credential = await joined(service.id, 'cred-1');
    expect(credential).toMatch(/^mrdn_/);
    expectProblem(
      await t.api('GET', `/v1/delivery/services/${service.id}`, { token: credential }),
      'unauthorized',
    );
    const userOnAgent = expectProblem(await metadata(t.owner.token, 0, 0), 'unauthorized');
    expect(userOnAgent.detail).toMatch(/node credential/);
    expectProblem(await ack(t.owner.token, { version: 1 }), 'unauthorized');
    expectProblem(await t.api('GET', '/v1/delivery/agent/metadata'), 'unauthorized');
    expectProblem(await metadata(`${credential}x`, 0, 0), 'unauthorized');
  });

  it('a second join of the node replaces its credential', async () => {
    const service = await pullService();
    const first = await joined(service.id, 'rejoin-1');
    const second = await joined(service.id, 'rejoin-1');
    expectProblem(await metadata(first, 0, 0), 'unauthorized');
    expect((await firstOffer(second)).version).toBeGreaterThanOrEqual(1);
  });
});

describe('certificates from CSRs', () => {
  it("certifies the agent's own key under Meridian's names, and never sends a private key", async () => {
    const service = await pullService({ kind: 'certificate', static_metadata: undefined });
    const { token } = await joinToken(service.id);
    expectProblem(await join({ token, node: 'cert-1' }), 'invalid-csr');
    const garbage = expectProblem(
      await join({ token, node: 'cert-1', csr: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA' }),
      'invalid-csr',
    );
    expect(garbage.detail).toMatch(/cut short/);
    // A CSR asking for another node's name is no problem: the names are Meridian's choice.
    const key = await newNodeKey('someone-else');
    const credential = (await join({ token, node: 'cert-1', csr: key.csrPem })).body.credential;
    const offer = await firstOffer(credential);
    expect(offer.metadata.private_key_pem).toBeUndefined();
    const leaf = new X509Certificate(offer.metadata.certificate_pem);
    const ca = new X509Certificate(
      (await t.call('GET', `/v1/delivery/authority?org_id=${t.orgId}`)).body.certificate_pem,
    );
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.publicKey.equals(createPublicKey(createPrivateKey(key.privateKeyPem)))).toBe(true);
    expect(leaf.subjectAltName).toContain(`/${service.name}/cert-1`);
    expect(leaf.subjectAltName).not.toContain('someone-else');

    expectProblem(
      await ack(credential, { version: offer.version, csr: 'not a csr' }),
      'invalid-csr',
    );
    // The next version certifies the key of the CSR sent with the acknowledgement.
    const next = await newNodeKey('cert-1');
    expect((await ack(credential, { version: offer.version, csr: next.csrPem })).status).toBe(200);
    await t.call('POST', `/v1/delivery/services/${service.id}/nodes/cert-1/deliver`);
    const renewed = await metadata(credential, offer.version, 10);
    expect(renewed.status).toBe(200);
    const nextLeaf = new X509Certificate(renewed.body.metadata.certificate_pem);
    expect(nextLeaf.publicKey.equals(createPublicKey(createPrivateKey(next.privateKeyPem)))).toBe(
      true,
    );
  });
});

describe('long poll and answers', () => {
  it('answers 204 after the wait, and at once when a new version is ready', async () => {
    const service = await pullService({ static_metadata: { colour: 'teal' } });
    const credential = await joined(service.id, 'poll-1');
    const offer = await firstOffer(credential);
    expect(offer).toMatchObject({ node: 'poll-1', version: 1, metadata: { colour: 'teal' } });
    expect(Date.parse(offer.server_time)).not.toBeNaN();

    const started = Date.now();
    const empty = await metadata(credential, 1, 1);
    expect(empty.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    // A poll waiting 20 s is answered by the next version as soon as it is ready. It must be
    // waiting before the version is made (else it is answered at once): a second poll, sent
    // after it, answering 204 after a second says that nothing new came meanwhile.
    const waiting = metadata(credential, 1, 20);
    const asked = Date.now();
    expect((await metadata(credential, 1, 1)).status).toBe(204);
    await t.call('POST', `/v1/delivery/services/${service.id}/nodes/poll-1/deliver`);
    const woken = await waiting;
    expect(woken.status).toBe(200);
    expect(woken.body.version).toBe(2);
    expect(Date.now() - asked).toBeLessThan(15_000);
  });

  it('records an ACK with the skew, a NACK with the error, and refuses another version', async () => {
    const service = await pullService();
    const credential = await joined(service.id, 'ack-1');
    const offer = await firstOffer(credential);
    const behind = new Date(clock.now().getTime() - 5 * 60_000).toISOString();
    const acked = await ack(credential, { version: offer.version, agent_time: behind });
    expect(acked.body).toMatchObject({ version: offer.version, state: 'acknowledged' });
    const status = await t.node(service.id, 'ack-1');
    expect(status).toMatchObject({ state: 'acknowledged', current_version: offer.version });
    expect(status.clock_skew_ms).toBeGreaterThanOrEqual(5 * 60_000);
    expect(status.clock_skew_ms).toBeLessThan(6 * 60_000);
    expect(status.agent_seen_at).not.toBeNull();
    // What the node runs now, as GetMetaData answers it: the version it acknowledged.
    const current = await t.call('GET', `/v1/delivery/services/${service.id}/nodes/ack-1/metadata`);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: offer.version });
    expect(current.body.metadata.certificate_pem).toBe(offer.metadata.certificate_pem);
    // The same acknowledgement again (a lost answer) is harmless.
    expect((await ack(credential, { version: offer.version })).status).toBe(200);
    expectProblem(await ack(credential, { version: offer.version + 5 }), 'conflict');

    await t.call('POST', `/v1/delivery/services/${service.id}/nodes/ack-1/deliver`);
    const next = await metadata(credential, offer.version, 10);
    const nacked = await ack(credential, { version: next.body.version, error: 'disk full' });
    expect(nacked.body.state).toBe('refused');
    await expect
      .poll(async () => t.node(service.id, 'ack-1'), poll)
      .toMatchObject({
        state: 'refused',
        refused_version: next.body.version,
        current_version: offer.version,
        last_error: 'disk full',
      });
  });

  it('subscribes once per node with polls waiting, and lets go when its clients leave', async () => {
    const service = await pullService();
    const credential = await joined(service.id, 'leaving-1');
    const { version } = await firstOffer(credential);
    const { events } = t.server.server.core;
    const waiting = () => events.localTopics('delivery:');
    const before = waiting().length;
    const clients = [new AbortController(), new AbortController()];
    const polls = clients.map((client) =>
      fetch(new URL(`/v1/delivery/agent/metadata?version=${version}&wait=60`, t.server.url), {
        headers: { authorization: `Bearer ${credential}` },
        signal: client.signal,
      }).catch(() => undefined),
    );
    await expect.poll(waiting, poll).toHaveLength(before + 1);
    for (const client of clients) client.abort();
    await Promise.all(polls);
    await expect.poll(waiting, poll).toHaveLength(before);
  });

  it('refuses malformed polls and answers', async () => {
    const service = await pullService();
    const credential = await joined(service.id, 'hostile-1');
    expectProblem(await metadata(credential, 0, 61), 'validation-failed');
    expectProblem(await metadata(credential, -1, 1), 'validation-failed');
    expectProblem(
      await ack(credential, { version: 1, agent_time: 'yesterday' }),
      'validation-failed',
    );
    expectProblem(await ack(credential, { version: 1, colour: 'red' }), 'validation-failed');
    expectProblem(await ack(credential, { version: 0 }), 'validation-failed');
    expectProblem(
      await t.api('POST', '/v1/delivery/agent/ack', { token: credential, body: '{"version":' }),
      'malformed-json',
    );
    expectProblem(await join({ node: 'x' }), 'validation-failed');
  });
});
