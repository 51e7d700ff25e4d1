import Redis from 'ioredis';
import { deadLetterHeaders, deadLetterTopic, type Message, type MessageBus } from '../message-bus.port';
import {
  describeWithRedis,
  redisUrl,
  uniqueName,
} from '../../../testing/src/environment/integration-services';
import { partitionForKey } from './partition-for-key';
import { RedisBusKeys } from './redis-bus-keys';
import type { RedisMessageBusOptions } from './redis-bus-settings';
import { createRedisMessageBus } from './redis-message-bus';
import { parseGroupNames } from './redis-stream-replies';

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

  const busOptions: RedisMessageBusOptions = {
    url: redisUrl as string,
    keyPrefix,
    partitions,
    leaseMs: 600,
    reclaimIdleMs: 200,
    blockMs: 100,
    shutdownGraceMs: 300,
    ephemeralTtlMs: 200,
  };

  beforeEach(async () => {
    redis = new Redis(redisUrl as string);
    bus = await createRedisMessageBus(busOptions);
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

  async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
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

  describe('ephemeral consumers', () => {
    async function groupsOnPartition(partition: number): Promise<string[]> {
      const reply = await redis.call('XINFO', 'GROUPS', keys.stream(topic, partition)).catch(() => []);
      return parseGroupNames(reply);
    }

    /** The groups Redis keeps on any of the topic's partition streams. */
    async function groupsOnTopic(): Promise<string[]> {
      const names = new Set<string>();
      for (let partition = 0; partition < partitions; partition += 1) {
        for (const name of await groupsOnPartition(partition)) names.add(name);
      }
      return [...names].sort();
    }

    let crashed: MessageBus[] = [];
    afterEach(async () => {
      await Promise.all(crashed.map((doomed) => doomed.close().catch(() => undefined)));
      crashed = [];
    });

    /**
     * A real ephemeral consumer on a bus of its own whose process then "dies": its connections are
     * cut without close(), so its heartbeat stops and nothing destroys its group.
     */
    async function crashedEphemeralConsumer(): Promise<string> {
      const doomed = await createRedisMessageBus({ ...busOptions, onError: () => undefined });
      crashed.push(doomed);
      const before = new Set(await groupsOnTopic());
      await doomed.consume({ topic, group: 'live', ephemeral: true, handler: async () => undefined });
      const [group] = (await groupsOnTopic()).filter((name) => !before.has(name));
      (doomed as unknown as { redis: Redis }).redis.disconnect();
      const alive = keys.ephemeralAlive(topic, group as string);
      await waitFor(async () => (await redis.exists(alive)) === 0);
      return group as string;
    }

    it('destroys the group of a consumer that crashed when the next ephemeral consumer starts', async () => {
      const left = await crashedEphemeralConsumer();
      expect(left).toMatch(/^ephemeral:live:/);
      await redis.hset(keys.attempts(topic, left), '0:1-0', 2);

      await bus.consume({ topic, group: 'live', ephemeral: true, handler: async () => undefined });

      const groups = await groupsOnTopic();
      expect(groups).toHaveLength(1);
      expect(groups).not.toContain(left);
      expect(await redis.exists(keys.attempts(topic, left))).toBe(0);
    });

    it('has running ephemeral consumers sweep a crashed one periodically, and leaves live ones alone', async () => {
      const received: Message[] = [];
      await bus.consume({
        topic,
        group: 'live',
        ephemeral: true,
        handler: async (message) => void received.push(message),
      });
      const [survivor] = await groupsOnTopic();
      await bus.consume({ topic, group: 'durable', handler: async () => undefined });
      const left = await crashedEphemeralConsumer();
      expect(await groupsOnTopic()).toContain(left);

      await waitFor(async () => !(await groupsOnTopic()).includes(left));
      expect(await groupsOnTopic()).toEqual(['durable', survivor].sort());
      await bus.publish(topic, { id: 'still-live', type: 'T', key: 'k', payload: null });
      await waitFor(() => received.length >= 1);
      expect(received[0]?.id).toBe('still-live');
    });

    it('carries on from new messages when its group was destroyed under it (a stall past its heartbeat)', async () => {
      const received: Message[] = [];
      const errors: unknown[] = [];
      const stalled = await createRedisMessageBus({ ...busOptions, onError: (error) => errors.push(error) });
      try {
        await stalled.consume({
          topic,
          group: 'live',
          ephemeral: true,
          handler: async (message) => void received.push(message),
        });
        const [group] = await groupsOnTopic();
        for (let partition = 0; partition < partitions; partition += 1) {
          await redis.call('XGROUP', 'DESTROY', keys.stream(topic, partition), group as string);
        }
        await waitFor(() => errors.some((error) => String(error).includes('NOGROUP')));
        const recreated = async (partition: number) =>
          (await groupsOnPartition(partition)).includes(group as string);
        await waitFor(async () =>
          (
            await Promise.all(Array.from({ length: partitions }, (_, partition) => recreated(partition)))
          ).every(Boolean),
        );
        await bus.publish(topic, { id: 'after-the-stall', type: 'T', key: 'k', payload: null });
        await waitFor(() => received.length >= 1);
        expect(received.map((message) => message.id)).toEqual(['after-the-stall']);
      } finally {
        await stalled.close();
      }
    });
  });
});
