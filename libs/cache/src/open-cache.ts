import type { Cache } from './cache.port';
import { createMemoryCache } from './memory/memory-cache';

export class UnsupportedCacheUrlError extends Error {
  override readonly name = 'UnsupportedCacheUrlError';
}

/** The one place that picks a cache adapter: `memory:` or `redis://` / `rediss://`. */
export async function openCache(url: string): Promise<Cache> {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  switch (scheme) {
    case 'memory:':
      return createMemoryCache();
    case 'redis:':
    case 'rediss:': {
      // Loaded on demand so that `memory:` needs no Redis client.
      const { createRedisCache } = await import('./redis/redis-cache');
      return createRedisCache({ url });
    }
    default:
      throw new UnsupportedCacheUrlError(
        `CACHE_URL must start with memory:, redis:// or rediss://, got "${scheme || url}"`,
      );
  }
}
