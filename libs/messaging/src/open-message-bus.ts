import type { MessageBus } from './message-bus.port';
import { createMemoryMessageBus } from './memory/memory-message-bus';

export class UnsupportedBusUrlError extends Error {
  override readonly name = 'UnsupportedBusUrlError';
}

/**
 * The one place that picks a bus adapter: `memory:`, `redis://` / `rediss://`, `pulsar://` / `pulsar+ssl://`.
 * Adapters for servers are loaded on demand so that `memory:` needs none of their packages.
 */
export async function openMessageBus(url: string): Promise<MessageBus> {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  switch (scheme) {
    case 'memory:':
      return createMemoryMessageBus();
    case 'redis:':
    case 'rediss:': {
      const { createRedisMessageBus } = await import('./redis/redis-message-bus');
      return createRedisMessageBus(redisBusOptions(url));
    }
    case 'pulsar:':
    case 'pulsar+ssl:': {
      const { createPulsarMessageBus } = await import('./pulsar/pulsar-message-bus');
      return createPulsarMessageBus({ url });
    }
    default:
      throw new UnsupportedBusUrlError(
        `BUS_URL must start with memory:, redis://, rediss://, pulsar:// or pulsar+ssl://, got "${scheme || url}"`,
      );
  }
}

/**
 * `redis://host:6379/0?prefix=tenant-a` keeps every key of the bus under `tenant-a:` (default `qb:bus`),
 * so several deployments or test runs can share one Redis without seeing each other's topics.
 */
export function redisBusOptions(url: string): { url: string; keyPrefix?: string } {
  const parsed = new URL(url);
  const prefix = parsed.searchParams.get('prefix');
  if (prefix === null) return { url };
  parsed.searchParams.delete('prefix');
  return { url: parsed.toString(), keyPrefix: prefix };
}
