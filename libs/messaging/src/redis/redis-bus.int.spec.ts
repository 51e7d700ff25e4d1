import Redis from 'ioredis';
import { messageBusContract } from '../../../testing/src/contracts/message-bus.contract';
import {
  describeWithRedis,
  redisUrl,
  uniqueName,
} from '../../../testing/src/environment/integration-services';
import { RedisBusKeys } from './redis-bus-keys';
import { createRedisMessageBus } from './redis-message-bus';
import type { RedisMessageBusOptions } from './redis-bus-settings';
import { parseGroupNames } from './redis-stream-replies';

const keyPrefix = uniqueName('qb-test-bus');
const partitions = 4;

/** Short leases and idle times so a dead consumer's work moves within a second, not the production 10 s. */
const fastRedisBusOptions = (): RedisMessageBusOptions => ({
  url: redisUrl as string,
  keyPrefix,
  partitions,
  leaseMs: 600,
  reclaimIdleMs: 300,
  blockMs: 100,
  shutdownGraceMs: 300,
});

describeWithRedis('Redis Streams message bus', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(redisUrl as string);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  /** XINFO GROUPS on every partition stream: what Redis itself keeps, whatever the adapter believes. */
  const groupsOf = async (_bus: unknown, topic: string): Promise<string[]> => {
    const keys = new RedisBusKeys(keyPrefix);
    const names = new Set<string>();
    for (let partition = 0; partition < partitions; partition += 1) {
      const reply = await redis.call('XINFO', 'GROUPS', keys.stream(topic, partition)).catch(() => []);
      for (const name of parseGroupNames(reply)) names.add(name);
    }
    return [...names].sort();
  };

  messageBusContract('redis', () => createRedisMessageBus(fastRedisBusOptions()), { groupsOf });
});
