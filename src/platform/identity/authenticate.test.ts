import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiClient, signUp, startTestServer } from '../../../test/helpers.ts';

describe('authentication under the rate limit', () => {
  let api: Api;
  let token: string;
  beforeAll(async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    api = apiClient(server.url);
    // Sign-up is an open route: it spends one of this address's three requests.
    token = (await signUp(api)).token;
  });

  it('counts refused tokens against the address, so guessing stops at the limit', async () => {
    const invented = () => ({ token: `mrd_${randomBytes(32).toString('base64url')}` });
    expect((await api('GET', '/v1/me', invented())).status).toBe(401);
    expect((await api('GET', '/v1/me', invented())).status).toBe(401);
    const limited = await api('GET', '/v1/me', invented());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('gives a verified token an allowance of its own', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api('GET', '/v1/me', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
