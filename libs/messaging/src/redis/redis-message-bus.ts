import Redis from 'ioredis';
import type { ConsumeOptions, Consumer, MessageBus, OutgoingMessage } from '../message-bus.port';
import { resolveRetryPolicy } from '../shared/retry-policy';
import { asArray, encodeWireEnvelope, toWireEnvelope } from '../shared/wire-envelope';
import { partitionForKey } from './partition-for-key';
import { RedisBusKeys } from './redis-bus-keys';
import {
  resolveRedisBusSettings,
  type RedisBusSettings,
  type RedisMessageBusOptions,
} from './redis-bus-settings';
import { RedisEphemeralConsumer } from './redis-ephemeral-consumer';
import { RedisGroupConsumer } from './redis-group-consumer';

/**
 * Redis Streams: each topic is N partition streams (key -> partition), each group a Redis consumer
 * group on every partition, each partition leased to one member at a time. An ephemeral consumer
 * has groups of its own (`ephemeral:…`) and reads every partition without leases.
 */
export class RedisMessageBus implements MessageBus {
  private readonly keys: RedisBusKeys;
  private readonly partitionCounts = new Map<string, Promise<number>>();
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  private constructor(
    private readonly redis: Redis,
    private readonly settings: RedisBusSettings,
  ) {
    this.keys = new RedisBusKeys(settings.keyPrefix);
  }

  static async connect(options: RedisMessageBusOptions): Promise<RedisMessageBus> {
    const settings = resolveRedisBusSettings(options);
    const redis = new Redis(options.url, { lazyConnect: true });
    // ioredis reconnects by itself; without a listener it would print every reconnect attempt.
    redis.on('error', (error) => settings.onError(error));
    await redis.connect();
    return new RedisMessageBus(redis, settings);
  }

  async publish(topic: string, messages: OutgoingMessage | readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    const batch = asArray(messages);
    if (batch.length === 0) return;
    const commands = await Promise.all(batch.map((message) => this.xaddArguments(topic, message)));
    const transaction = this.redis.multi();
    for (const args of commands) transaction.call('XADD', ...args);
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error);
    if (!results) throw new Error('redis discarded the publish transaction');
    if (failed?.[0]) throw failed[0];
  }

  async consume<Payload = unknown>(options: ConsumeOptions<Payload>): Promise<Consumer> {
    this.assertOpen();
    const context = {
      redis: this.redis,
      keys: this.keys,
      settings: this.settings,
      topic: options.topic,
      group: options.group,
      handler: options.handler as ConsumeOptions['handler'],
      retry: resolveRetryPolicy(options.retry),
      partitions: await this.partitionCount(options.topic),
      xaddArguments: (topic: string, message: OutgoingMessage) => this.xaddArguments(topic, message),
    };
    const consumer = options.ephemeral
      ? await RedisEphemeralConsumer.start(context)
      : await RedisGroupConsumer.start(context);
    this.consumers.add(consumer);
    return {
      close: async () => {
        await consumer.close();
        this.consumers.delete(consumer);
      },
    };
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.redis.ping();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    await this.redis.quit().catch(() => {
      // Already ended (cut off): a second disconnect would only leave ioredis' 2 s destroy timer behind.
      if (this.redis.status !== 'end') this.redis.disconnect();
    });
  }

  private async xaddArguments(topic: string, message: OutgoingMessage): Promise<(string | number)[]> {
    const envelope = toWireEnvelope(message);
    const partition = partitionForKey(envelope.key ?? envelope.id, await this.partitionCount(topic));
    return [
      this.keys.stream(topic, partition),
      'MAXLEN',
      '~',
      this.settings.maxLenPerPartition,
      '*',
      'm',
      encodeWireEnvelope(envelope),
    ];
  }

  /** The first publisher or consumer of a topic fixes its partition count; everyone else reads it. */
  private partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      const key = this.keys.partitionCount(topic);
      count = this.redis
        .set(key, this.settings.partitions, 'NX')
        .then(() => this.redis.get(key))
        .then((stored) => Number(stored ?? this.settings.partitions));
      count.catch(() => this.partitionCounts.delete(topic));
      this.partitionCounts.set(topic, count);
    }
    return count;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the redis message bus is closed');
  }
}

export function createRedisMessageBus(options: RedisMessageBusOptions): Promise<MessageBus> {
  return RedisMessageBus.connect(options);
}
