import type { Consumer } from '../message-bus.port';
import { startTicker, type Ticker } from '../shared/ticker';
import { acquireLease, heartbeat, renewLease } from './redis-lease-scripts';
import {
  newConsumerId,
  PartitionWorker,
  stopWorkers,
  type PartitionWorkerContext,
} from './redis-partition-worker';

export type GroupConsumerContext = Omit<PartitionWorkerContext, 'consumerId' | 'closeSignal'> & {
  partitions: number;
};

/**
 * One member of a consumer group. Every lease period it says it is alive, renews its partition
 * leases, and takes or gives up partitions so each live member holds about partitions / members:
 * that is how competing consumers share work while one partition (and so one key) has one reader.
 */
export class RedisGroupConsumer implements Consumer {
  private readonly consumerId = newConsumerId();
  private readonly workers = new Map<number, PartitionWorker>();
  private readonly closeController = new AbortController();
  private ticker: Ticker | undefined;
  private closing: Promise<void> | undefined;

  private constructor(private readonly context: GroupConsumerContext) {}

  static async start(context: GroupConsumerContext): Promise<RedisGroupConsumer> {
    const { redis, keys, topic, group, partitions } = context;
    for (let partition = 0; partition < partitions; partition += 1) {
      // From 0: a group that subscribes late still gets what the stream retains, like the memory bus.
      await redis
        .call('XGROUP', 'CREATE', keys.stream(topic, partition), group, '0', 'MKSTREAM')
        .catch((error: unknown) => {
          if (!String(error).includes('BUSYGROUP')) throw error;
        });
    }
    const consumer = new RedisGroupConsumer(context);
    await consumer.tick();
    consumer.ticker = startTicker(() => consumer.tick(), Math.max(10, context.settings.leaseMs / 3));
    return consumer;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async tick(): Promise<void> {
    const { redis, keys, topic, group, settings, partitions } = this.context;
    try {
      const alive = await heartbeat(redis, keys.members(topic, group), this.consumerId, settings.leaseMs);
      await Promise.all(
        [...this.workers.values()].map(async (worker) => {
          const key = keys.lease(topic, group, worker.partition);
          if (!(await renewLease(redis, key, this.consumerId, settings.leaseMs))) worker.markLost();
        }),
      );
      const active = [...this.workers.values()].filter((worker) => !worker.isStopping);
      const share = Math.ceil(partitions / Math.max(1, alive));
      for (const worker of active.slice(share)) worker.stop();
      let holding = Math.min(active.length, share);
      for (const partition of shuffledPartitions(partitions)) {
        if (holding >= share || this.closing) break;
        if (this.workers.has(partition)) continue;
        const key = keys.lease(topic, group, partition);
        if (!(await acquireLease(redis, key, this.consumerId, settings.leaseMs))) continue;
        this.startWorker(partition);
        holding += 1;
      }
    } catch (error) {
      settings.onError(error);
    }
  }

  private startWorker(partition: number): void {
    const worker = new PartitionWorker(
      { ...this.context, consumerId: this.consumerId, closeSignal: this.closeController.signal },
      partition,
    );
    this.workers.set(partition, worker);
    void worker.done.finally(() => {
      if (this.workers.get(partition) === worker) this.workers.delete(partition);
    });
  }

  private async shutDown(): Promise<void> {
    const { redis, keys, topic, group, settings } = this.context;
    await this.ticker?.stop();
    this.closeController.abort();
    await stopWorkers([...this.workers.values()], settings.shutdownGraceMs);
    await redis.zrem(keys.members(topic, group), this.consumerId).catch(settings.onError);
  }
}

/** A random starting point, so members joining together do not all fight over partition 0 first. */
function shuffledPartitions(count: number): number[] {
  const start = Math.floor(Math.random() * count);
  return Array.from({ length: count }, (_, index) => (start + index) % count);
}
