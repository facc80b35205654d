import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { contractCap, describeTimelineStore, idAt } from './contract.ts';
import { createRedisTimelines } from './redis.ts';

// The Redis store against the run's Redis (REDIS_URL: the Redis pass of .ci/run), under a key
// prefix of this file's own whose keys are deleted afterwards. Readers are plain ids: Redis needs
// nothing but the key.

const url = process.env.REDIS_URL;
const prefix = `test:timelines:${randomBytes(6).toString('hex')}:`;
let lastReader = 0;
const readers = async (count: number) => Array.from({ length: count }, () => String(++lastReader));

/** The run's Redis, emptied of this file's keys after it. */
function openRedis(): Redis {
  const redis = new Redis(url!, { lazyConnect: true });
  afterAll(async () => {
    // Every key is a numbered reader's: deleted by name, with no scan of a shared Redis.
    const keys = Array.from({ length: lastReader }, (_, i) => `${prefix}${i + 1}`);
    for (let at = 0; at < keys.length; at += 1000) await redis.del(...keys.slice(at, at + 1000));
    await redis.quit();
  });
  return redis;
}

describe.skipIf(!url)('the Redis timeline store', () => {
  const redis = openRedis();
  const store = createRedisTimelines(redis, { cap: contractCap, prefix });

  describeTimelineStore('Redis', async () => ({ store, readers }));

  it('reads a timeline whose key was lost (a Redis restart) as no timeline', async () => {
    const [reader] = await readers(1);
    const entry = { entryId: idAt(5, 1), originId: idAt(5, 1), authorId: '9' };
    await store.replace(reader!, [entry]);
    await redis.del(`${prefix}${reader}`);
    expect(await store.page(reader!, { limit: 5 })).toBeUndefined();
    await store.addToMany([reader!], entry);
    expect(await store.page(reader!, { limit: 5 })).toBeUndefined();
  });

  it('keeps entries as sorted-set members in id order with the millisecond as score', async () => {
    const [reader] = await readers(1);
    const entry = { entryId: idAt(1_700_000_000_000, 3), originId: '12', authorId: '9' };
    await store.replace(reader!, [entry]);
    expect(await redis.zrange(`${prefix}${reader}`, 0, -1, 'WITHSCORES')).toEqual([
      '0',
      '0',
      `${entry.entryId.padStart(20, '0')}:00000000000000000012:9`,
      '1700000000000',
    ]);
  });
});
