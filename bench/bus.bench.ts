import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createMemoryMessageBus, createRedisMessageBus, type MessageBus } from '@quizbook/messaging';
import type { BenchRow } from './bench-row';
import { formatLatency, latencyOf } from './latency';

/** Publish-to-consume latency (one message at a time) and throughput (a burst) per bus adapter. */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(...(await benchAdapter('memory', async () => createMemoryMessageBus())));
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const keyPrefix = `qb-bench-bus-${randomBytes(4).toString('hex')}`;
    try {
      rows.push(...(await benchAdapter('redis', () => createRedisMessageBus({ url: redisUrl, keyPrefix }))));
    } finally {
      await dropKeys(redisUrl, keyPrefix);
    }
  } else {
    progress('redis skipped: REDIS_URL is not set');
  }
  return rows;
}

async function benchAdapter(adapter: string, open: () => Promise<MessageBus>): Promise<BenchRow[]> {
  const bus = await open();
  try {
    progress(`${adapter}: latency`);
    const latency = await measureLatency(bus, 500, 5_000);
    progress(`${adapter}: throughput`);
    const throughput = await measureThroughput(bus, adapter === 'memory' ? 50_000 : 10_000, 10_000);
    return [
      {
        suite: 'bus',
        adapter,
        measure: `publish -> handled latency (${latency.count} messages, one at a time)`,
        result: formatLatency(latency),
      },
      {
        suite: 'bus',
        adapter,
        measure: `throughput, ${throughput.count} messages over 64 keys, 2 consumers`,
        result: `${Math.round(throughput.perSecond).toLocaleString('en-US')} messages/s`,
      },
    ];
  } finally {
    await bus.close();
  }
}

async function measureLatency(bus: MessageBus, count: number, budgetMs: number) {
  const topic = `bench-latency-${randomBytes(3).toString('hex')}`;
  let arrived: (() => void) | undefined;
  const consumer = await bus.consume({ topic, group: 'bench', handler: async () => arrived?.() });
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let n = 0; n < count && performance.now() < deadline; n += 1) {
    const handled = new Promise<void>((resolve) => (arrived = resolve));
    const start = performance.now();
    await bus.publish(topic, { type: 'BenchPing', key: `k-${n % 8}`, payload: { n } });
    await handled;
    samples.push(performance.now() - start);
  }
  await consumer.close();
  return latencyOf(samples);
}

async function measureThroughput(bus: MessageBus, count: number, budgetMs: number) {
  const topic = `bench-throughput-${randomBytes(3).toString('hex')}`;
  let handled = 0;
  let allHandled: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allHandled = resolve));
  const handler = async () => {
    handled += 1;
    if (handled === count) allHandled();
  };
  const consumers = [
    await bus.consume({ topic, group: 'bench', handler }),
    await bus.consume({ topic, group: 'bench', handler }),
  ];
  const start = performance.now();
  for (let offset = 0; offset < count; offset += 500) {
    const size = Math.min(500, count - offset);
    await bus.publish(
      topic,
      Array.from({ length: size }, (_, n) => ({
        type: 'BenchLoad',
        key: `k-${(offset + n) % 64}`,
        payload: { n: offset + n },
      })),
    );
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
  clearTimeout(timer);
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(consumers.map((consumer) => consumer.close()));
  return { count: handled, perSecond: handled / seconds };
}

async function dropKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

function progress(line: string): void {
  process.stderr.write(`[bench bus] ${line}\n`);
}
