import Redis from 'ioredis';
import { deadLetterHeaders, deadLetterTopic, type Message, type MessageBus } from '../message-bus.port';
import {
  describeWithRedis,
  redisUrl,
  uniqueName,
} from '../../../testing/src/environment/integration-services';
import { partitionForKey } from './partition-for-key';
import { RedisBusKeys } from './redis-bus-keys';
import { createRedisMessageBus } from './redis-message-bus';

/**
 * A consumer that really crashed never calls close(): its lease runs out, its entries stay pending.
 * These specs play that crashed consumer with raw Redis commands and check a live one recovers.
 */
describeWithRedis('Redis bus recovering from a crashed consumer', () => {
  const keyPrefix = uniqueName('qb-test-crash');
  const keys = new RedisBusKeys(keyPrefix);
  const partitions = 2;
  let redis: Redis;
  let bus: MessageBus;
  let topic: string;

  beforeEach(async () => {
    redis = new Redis(redisUrl as string);
    bus = await createRedisMessageBus({
      url: redisUrl as string,
      keyPrefix,
      partitions,
      leaseMs: 600,
      reclaimIdleMs: 200,
      blockMs: 100,
      shutdownGraceMs: 300,
    });
    topic = uniqueName('crash-topic');
  });

  afterEach(async () => {
    await bus.close();
    const leftovers = await redis.keys(`${keyPrefix}:*`);
    if (leftovers.length > 0) await redis.del(...leftovers);
    await redis.quit();
  });

  /** Plays a consumer that read the entry, holds the partition lease, and then died. */
  async function crashedConsumerHolding(key: string, attemptsStarted?: number): Promise<void> {
    const partition = partitionForKey(key, partitions);
    const stream = keys.stream(topic, partition);
    await redis.call('XGROUP', 'CREATE', stream, 'workers', '0', 'MKSTREAM');
    await redis.set(keys.lease(topic, 'workers', partition), 'crashed-consumer', 'PX', 500);
    await bus.publish(topic, { id: 'in-flight', type: 'T', key, payload: { n: 1 } });
    const read = await redis.call(
      'XREADGROUP',
      'GROUP',
      'workers',
      'crashed-consumer',
      'COUNT',
      1,
      'STREAMS',
      stream,
      '>',
    );
    expect(read).not.toBeNull();
    if (attemptsStarted !== undefined) {
      const [[, [[entryId]]]] = read as [[string, [[string]]]];
      await redis.hset(keys.attempts(topic, 'workers'), `${partition}:${entryId}`, attemptsStarted);
    }
  }

  async function waitFor(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('redelivers the entry a crashed consumer held once its lease expires, counting the lost attempt', async () => {
    await crashedConsumerHolding('order-1');
    const received: Message[] = [];
    await bus.consume({ topic, group: 'workers', handler: async (message) => void received.push(message) });

    await waitFor(() => received.length >= 1);
    expect(received[0]).toMatchObject({ id: 'in-flight', key: 'order-1', payload: { n: 1 }, attempt: 2 });
    const stream = keys.stream(topic, partitionForKey('order-1', partitions));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await redis.call('XPENDING', stream, 'workers')).toEqual([0, null, null, null]);
  });

  it('continues the attempt count a crashed consumer had stored', async () => {
    await crashedConsumerHolding('order-2', 3);
    const received: Message[] = [];
    await bus.consume({ topic, group: 'workers', handler: async (message) => void received.push(message) });
    await waitFor(() => received.length >= 1);
    expect(received[0]?.attempt).toBe(4);
  });

  it('dead-letters a message that took every attempt down with its consumer, without running it again', async () => {
    await crashedConsumerHolding('order-3', 5);
    const handled: Message[] = [];
    const deadLetters: Message[] = [];
    await bus.consume({
      topic: deadLetterTopic(topic, 'workers'),
      group: 'ops',
      handler: async (message) => void deadLetters.push(message),
    });
    await bus.consume({
      topic,
      group: 'workers',
      retry: { maxAttempts: 5 },
      handler: async (message) => void handled.push(message),
    });

    await waitFor(() => deadLetters.length >= 1);
    expect(handled).toEqual([]);
    expect(deadLetters[0]).toMatchObject({ id: 'in-flight', headers: { [deadLetterHeaders.attempts]: '5' } });
  });
});
