import Redis from 'ioredis';
import { cacheContract } from '../../../testing/src/contracts/cache.contract';
import {
  describeWithRedis,
  redisUrl,
  uniqueName,
} from '../../../testing/src/environment/integration-services';
import { createRedisCache } from './redis-cache';

const namespace = `${uniqueName('qb-test-cache')}:`;

describeWithRedis('Redis cache', () => {
  afterAll(async () => {
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`${namespace}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  cacheContract(
    'redis',
    async () => {
      const open = () => createRedisCache({ url: redisUrl as string, namespace });
      const cache = await open();
      return { cache, openShared: open, cleanup: () => cache.close() };
    },
    { sharedAcrossInstances: true },
  );
});
