import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/helpers.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('REDIS_URL', () => {
  it('is refused unless a redis: or rediss: URL, naming the variable', () => {
    for (const bad of ['http://x', 'localhost:6379', 'redis//x']) {
      expect(() => loadConfig({ REDIS_URL: bad }, '/nonexistent')).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: bad }, '/nonexistent')).toThrow(/REDIS_URL/);
    }
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380/2' }, '/nonexistent').redisUrl).toBe(
      'rediss://cache:6380/2',
    );
    expect(loadConfig({}, '/nonexistent').redisUrl).toBeUndefined();
  });

  it('lets a server start and close cleanly while its Redis is unreachable', async () => {
    // Nothing listens on port 1: the client connects on first use, so the server starts; a
    // command fails after a few reconnections rather than hanging; closing ends the client.
    const { server } = await startTestServer({ env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });
    const redis = server.core.redis;
    expect(redis?.status).toBe('wait');
    await expect(redis?.ping()).rejects.toThrow();
    await server.close();
    expect(redis?.status).toBe('end');
  });

  it('lets a server that never used its Redis close without connecting', async () => {
    const { server } = await startTestServer({ env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });
    await server.close();
    expect(server.core.redis?.status).toBe('wait');
  });
});
