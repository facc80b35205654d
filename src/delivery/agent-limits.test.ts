import { beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryTest, startDelivery } from '../../test/delivery-harness.ts';

// Agents are rate-limited by their node once authenticated, not by their address: a fleet
// behind one NAT is as many clients as nodes.

let t: DeliveryTest;

beforeAll(async () => {
  t = await startDelivery({ env: { RATE_LIMIT_PER_MINUTE: '20' } });
});

describe('rate limits of the agent API', () => {
  it('counts each node on its own, from the same address', async () => {
    const service = await t.createService({ mode: 'pull' });
    const { body } = await t.call('POST', `/v1/delivery/services/${service.id}/join-tokens`, {});
    const credentials: string[] = [];
    for (const node of ['nat-1', 'nat-2']) {
      const joined = await t.api('POST', '/v1/delivery/agent/join', {
        body: { token: body.token, node },
      });
      credentials.push(joined.body.credential);
    }
    const [first, second] = credentials as [string, string];
    const ask = (credential: string) =>
      t.api('GET', '/v1/delivery/agent/metadata?version=0&wait=0', { token: credential });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await ask(first)).status);
    expect(statuses.slice(0, 20).every((status) => status === 200 || status === 204)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect([200, 204]).toContain((await ask(second)).status);
  });
});
