import { cacheContract } from '../../../testing/src/contracts/cache.contract';
import { createMemoryCache } from './memory-cache';

cacheContract('memory', async () => {
  const cache = createMemoryCache();
  return { cache, cleanup: () => cache.close() };
});
