import { MemoryCache } from './memory/memory-cache';
import { openCache, UnsupportedCacheUrlError } from './open-cache';

describe('choosing a cache adapter from its URL', () => {
  it('opens an in-process cache for memory:', async () => {
    const cache = await openCache('memory:');
    expect(cache).toBeInstanceOf(MemoryCache);
    await cache.close();
  });

  it('refuses an unknown scheme, naming the ones it knows', async () => {
    await expect(openCache('memcached://10.0.0.1')).rejects.toThrow(UnsupportedCacheUrlError);
    await expect(openCache('memcached://10.0.0.1')).rejects.toThrow(/memory:, redis:\/\/ or rediss:\/\//);
  });
});
