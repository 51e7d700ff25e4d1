import Redis from 'ioredis';
import { messageBusContract } from '../../../testing/src/contracts/message-bus.contract';
import {
  describeWithRedis,
  redisUrl,
  uniqueName,
} from '../../../testing/src/environment/integration-services';
import { createRedisMessageBus } from './redis-message-bus';
import type { RedisMessageBusOptions } from './redis-bus-settings';

const keyPrefix = uniqueName('qb-test-bus');

/** Short leases and idle times so a dead consumer's work moves within a second, not the production 10 s. */
const fastRedisBusOptions = (): RedisMessageBusOptions => ({
  url: redisUrl as string,
  keyPrefix,
  partitions: 4,
  leaseMs: 600,
  reclaimIdleMs: 300,
  blockMs: 100,
  shutdownGraceMs: 300,
});

describeWithRedis('Redis Streams message bus', () => {
  afterAll(async () => {
    const redis = new Redis(redisUrl as string);
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  messageBusContract('redis', () => createRedisMessageBus(fastRedisBusOptions()));
});
