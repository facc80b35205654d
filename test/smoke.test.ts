import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signUp, startTestServer } from './helpers.ts';

describe('a test server', () => {
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    api = apiClient((await startTestServer()).url);
  });

  it('signs a user up and knows them by token', async () => {
    const user = await signUp(api);
    const me = await api('GET', '/v1/me', { token: user.token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
  });
});
