import type Redis from 'ioredis';
import type { Consumer } from '../message-bus.port';
import { startTicker, type Ticker } from '../shared/ticker';
import type { RedisBusKeys } from './redis-bus-keys';
import type { GroupConsumerContext } from './redis-group-consumer';
import { newConsumerId, PartitionWorker, stopWorkers } from './redis-partition-worker';
import { parseGroupNames } from './redis-stream-replies';

/**
 * An ephemeral consumer (`ConsumeOptions.ephemeral`): a Redis group of its own on every partition
 * stream, created at `$` so it sees only entries added from now on, read by this one consumer, so no
 * partition leases. It keeps a heartbeat key alive while it runs and destroys its groups at close; a
 * crashed one cannot, so every ephemeral consumer of the topic sweeps away groups whose heartbeat
 * has lapsed, when it starts and every `ephemeralTtlMs` after.
 */
export class RedisEphemeralConsumer implements Consumer {
  private readonly consumerId = newConsumerId();
  private readonly redisGroup: string;
  private readonly aliveKey: string;
  private readonly closeController = new AbortController();
  private workers: PartitionWorker[] = [];
  private ticker: Ticker | undefined;
  private closing: Promise<void> | undefined;
  private lastSweep = 0;

  private constructor(private readonly context: GroupConsumerContext) {
    this.redisGroup = context.keys.ephemeralGroup(context.group, this.consumerId);
    this.aliveKey = context.keys.ephemeralAlive(context.topic, this.redisGroup);
  }

  static async start(context: GroupConsumerContext): Promise<RedisEphemeralConsumer> {
    const consumer = new RedisEphemeralConsumer(context);
    const { settings, partitions } = context;
    // Alive before the groups exist, so a sweep running meanwhile never takes them for a dead consumer's.
    await consumer.beat();
    await consumer.sweep();
    for (let partition = 0; partition < partitions; partition += 1) await consumer.createGroup(partition);
    const workerContext = {
      ...context,
      group: consumer.redisGroup,
      deadLetterGroup: context.group,
      consumerId: consumer.consumerId,
      closeSignal: consumer.closeController.signal,
      // Swept while alive (the heartbeat lapsed during a stall): carry on from new entries.
      recreateGroup: async (partition: number) => {
        await consumer.beat();
        await consumer.createGroup(partition);
      },
    };
    consumer.workers = Array.from(
      { length: partitions },
      (_, partition) => new PartitionWorker(workerContext, partition),
    );
    consumer.ticker = startTicker(() => consumer.tick(), Math.max(10, settings.ephemeralTtlMs / 3));
    return consumer;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async tick(): Promise<void> {
    try {
      await this.beat();
      if (Date.now() - this.lastSweep >= this.context.settings.ephemeralTtlMs) await this.sweep();
    } catch (error) {
      this.context.settings.onError(error);
    }
  }

  private async beat(): Promise<void> {
    await this.context.redis.set(this.aliveKey, this.consumerId, 'PX', this.context.settings.ephemeralTtlMs);
  }

  private async sweep(): Promise<void> {
    this.lastSweep = Date.now();
    const { redis, keys, topic, partitions, settings } = this.context;
    await sweepEphemeralGroups(redis, keys, topic, partitions, this.redisGroup).catch(settings.onError);
  }

  private async createGroup(partition: number): Promise<void> {
    const { redis, keys, topic } = this.context;
    await redis
      .call('XGROUP', 'CREATE', keys.stream(topic, partition), this.redisGroup, '$', 'MKSTREAM')
      .catch((error: unknown) => {
        if (!String(error).includes('BUSYGROUP')) throw error;
      });
  }

  private async shutDown(): Promise<void> {
    const { redis, keys, topic, partitions, settings } = this.context;
    await this.ticker?.stop();
    this.closeController.abort();
    await stopWorkers(this.workers, settings.shutdownGraceMs);
    await destroyGroup(redis, keys, topic, partitions, this.redisGroup).catch(settings.onError);
  }
}

/**
 * Destroys the ephemeral groups on the topic's partition streams whose heartbeat key is gone: their
 * consumer crashed (or stalled past its TTL; it then recreates its groups). Returns what it destroyed.
 */
export async function sweepEphemeralGroups(
  redis: Redis,
  keys: RedisBusKeys,
  topic: string,
  partitions: number,
  except?: string,
): Promise<string[]> {
  const pipeline = redis.pipeline();
  for (let partition = 0; partition < partitions; partition += 1) {
    pipeline.call('XINFO', 'GROUPS', keys.stream(topic, partition));
  }
  // A partition stream that does not exist yet answers an error: it has no groups to sweep.
  const replies = (await pipeline.exec()) ?? [];
  const candidates = new Set(
    replies
      .flatMap(([error, reply]) => (error ? [] : parseGroupNames(reply)))
      .filter((group) => keys.isEphemeralGroup(group) && group !== except),
  );
  const destroyed: string[] = [];
  for (const group of candidates) {
    if ((await redis.exists(keys.ephemeralAlive(topic, group))) > 0) continue;
    await destroyGroup(redis, keys, topic, partitions, group);
    destroyed.push(group);
  }
  return destroyed;
}

async function destroyGroup(
  redis: Redis,
  keys: RedisBusKeys,
  topic: string,
  partitions: number,
  group: string,
): Promise<void> {
  const pipeline = redis.pipeline();
  for (let partition = 0; partition < partitions; partition += 1) {
    pipeline.call('XGROUP', 'DESTROY', keys.stream(topic, partition), group);
  }
  pipeline.del(keys.attempts(topic, group), keys.ephemeralAlive(topic, group));
  await pipeline.exec();
}
