import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryTest, startDelivery } from '../../test/delivery-harness.ts';
import { expectProblem, signUp, signUpOperator } from '../../test/helpers.ts';
import { isRefusedAddress, parseRanges } from '../platform/outbound/target-guard.ts';

// Private networks: with private targets refused (as in production), an operator allows an
// organisation's ranges; onboarding refuses other private targets with a clear error, and each
// connection is checked. The "node" is a TCP listener on 127.0.0.1 that counts connections and
// drops them (no TLS): a delivery that reaches it fails on the handshake, one refused never
// connects.

let t: DeliveryTest;
let operator: string;
/** A TCP listener on 127.0.0.1 that counts connections and drops them. */
interface Listener {
  port: number;
  connections: number;
}
const listeners: net.Server[] = [];
async function listen(): Promise<Listener> {
  const counted = { port: 0, connections: 0 };
  const server = net.createServer((socket) => {
    counted.connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listeners.push(server);
  counted.port = (server.address() as net.AddressInfo).port;
  return counted;
}
// `reached` takes the deliveries allowed to connect; `refused` the ones that must never connect
// (apart, so that retries of the others cannot count there).
let reached: Listener;
let refused: Listener;
let port: number;
const poll = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  t = await startDelivery({
    env: { OUTBOUND_ALLOW_PRIVATE: 'false', DELIVERY_CALL_TIMEOUT_SECONDS: '2' },
  });
  operator = (await signUpOperator(t.api, t.server)).token;
  reached = await listen();
  refused = await listen();
  port = reached.port;
});
afterAll(() =>
  Promise.all(listeners.map((server) => new Promise((resolve) => server.close(resolve)))),
);

const rangesPath = (orgId: string) => `/v1/admin/organisations/${orgId}/delivery-ranges`;
const onboard = (template: string, orgId = t.orgId) =>
  t.call('POST', '/v1/delivery/services', {
    org_id: orgId,
    name: `priv-${Math.random().toString(36).slice(2, 8)}`,
    kind: 'static',
    static_metadata: { a: 1 },
    lifetime_minutes: 60,
    push_url_template: template,
  });

describe('ranges', () => {
  it('parses CIDR ranges and refuses what is not one', () => {
    const parsed = parseRanges(['10.20.0.0/16', 'fd00::/8', '192.168.1.7']);
    expect('list' in parsed).toBe(true);
    if (!('list' in parsed)) return;
    const allowed = { key: 'k', list: parsed.list };
    expect(isRefusedAddress('10.20.3.4', allowed)).toBe(false);
    expect(isRefusedAddress('10.21.3.4', allowed)).toBe(true);
    expect(isRefusedAddress('fd00::1', allowed)).toBe(false);
    expect(isRefusedAddress('192.168.1.7', allowed)).toBe(false);
    expect(isRefusedAddress('192.168.1.8', allowed)).toBe(true);
    expect(isRefusedAddress('127.0.0.1', allowed)).toBe(true);
    expect(isRefusedAddress('8.8.8.8')).toBe(false);
    expect(parseRanges(['10.0.0.0/33', 'nope', '::1/129', '10.0.0.0/8/1', '10.0.0.0/x'])).toEqual({
      errors: [
        { index: 0, message: 'the prefix must be 0–32 for IPv4' },
        { index: 1, message: '"nope" is not an address or a CIDR range' },
        { index: 2, message: 'the prefix must be 0–128 for IPv6' },
        { index: 3, message: '"10.0.0.0/8/1" is not an address or a CIDR range' },
        { index: 4, message: 'the prefix must be 0–32 for IPv4' },
      ],
    });
  });

  it('refuses a private target at onboarding, saying how it may be allowed', async () => {
    for (const template of [
      `https://127.0.0.1:${port}/push/{node}`,
      `https://localhost:${port}/push/{node}`,
    ]) {
      const refused = expectProblem(await onboard(template), 'target-refused');
      expect(refused.detail).toContain('private address');
      expect(refused.detail).toContain('delivery-ranges');
    }
  });

  it('lets operators, and only them, set ranges that parse, for an organisation that exists', async () => {
    expectProblem(
      await t.call('PUT', rangesPath(t.orgId), { ranges: ['127.0.0.0/8'] }),
      'forbidden',
    );
    const bad = expectProblem(
      await t.call(
        'PUT',
        rangesPath(t.orgId),
        { ranges: ['127.0.0.0/8', '300.1.1.1/8'] },
        operator,
      ),
      'validation-failed',
    );
    expect(bad.errors).toEqual([
      { field: 'body/ranges/1', message: expect.stringContaining('300.1.1.1') },
    ]);
    for (const body of [{}, { ranges: '10.0.0.0/8' }, { ranges: [''] }, { ranges: [], x: 1 }]) {
      expectProblem(await t.call('PUT', rangesPath(t.orgId), body, operator), 'validation-failed');
    }
    expectProblem(
      await t.call(
        'PUT',
        rangesPath('00000000-0000-7000-8000-000000000000'),
        { ranges: [] },
        operator,
      ),
      'not-found',
    );
    const set = await t.call(
      'PUT',
      rangesPath(t.orgId),
      { ranges: ['127.0.0.0/8', '::1/128'] },
      operator,
    );
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ org_id: t.orgId, ranges: ['127.0.0.0/8', '::1/128'] });
    expect((await t.call('GET', rangesPath(t.orgId), undefined, operator)).body).toEqual(set.body);
  });

  it("connects to targets in the organisation's ranges, and refuses every other private one", async () => {
    const literal = await onboard(`https://127.0.0.1:${port}/push/{node}`);
    expect(literal.status).toBe(201);
    const byName = await listen();
    const named = await onboard(`https://localhost:${byName.port}/push/{node}`);
    expect(named.status).toBe(201);
    const byNode = await onboard(`https://{node}:${refused.port}/push`);
    expect(byNode.status).toBe(201);
    for (const [service, node, listener] of [
      [literal.body, 'n1', reached],
      [named.body, 'n1', byName],
    ] as const) {
      await t.call('POST', `/v1/delivery/services/${service.id}/nodes`, { name: node });
      await expect.poll(async () => (await t.node(service.id, node)).state, poll).toBe('failed');
      // It reached the node: the handshake failed, not the guard.
      expect(listener.connections).toBeGreaterThan(0);
      expect((await t.node(service.id, node)).last_error).not.toMatch(/private address/);
    }
    await t.call('POST', `/v1/delivery/services/${byNode.body.id}/nodes`, { name: '192.168.0.1' });
    await expect
      .poll(async () => (await t.node(byNode.body.id, '192.168.0.1')).state, poll)
      .toBe('failed');
    expect((await t.node(byNode.body.id, '192.168.0.1')).last_error).toBe(
      '192.168.0.1 is a private address, outside the allowed ranges',
    );
    expect(refused.connections).toBe(0);
  });

  it("keeps another organisation's deliveries off those ranges", async () => {
    const other = await signUp(t.api, 'other');
    const org = await t.api('POST', '/v1/orgs', { token: other.token, body: { name: 'Other' } });
    const created = await t.call(
      'POST',
      '/v1/delivery/services',
      {
        org_id: org.body.id,
        name: 'other',
        kind: 'static',
        static_metadata: { a: 1 },
        lifetime_minutes: 60,
        push_url_template: `https://{node}:${refused.port}/push`,
      },
      other.token,
    );
    expect(created.status).toBe(201);
    await t.call(
      'POST',
      `/v1/delivery/services/${created.body.id}/nodes`,
      { name: '127.0.0.1' },
      other.token,
    );
    await expect
      .poll(async () => {
        const node = await t.call(
          'GET',
          `/v1/delivery/services/${created.body.id}/nodes/127.0.0.1`,
          undefined,
          other.token,
        );
        return node.body.last_error;
      }, poll)
      .toBe('127.0.0.1 is a private address');
    expect(refused.connections).toBe(0);
    // Ranges emptied: onboarding refuses again.
    await t.call('PUT', rangesPath(t.orgId), { ranges: [] }, operator);
    expectProblem(await onboard(`https://127.0.0.1:${port}/push/{node}`), 'target-refused');
  });
});
