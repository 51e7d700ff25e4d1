export * from './cache.port';
export * from './open-cache';
export { createMemoryCache, MemoryCache } from './memory/memory-cache';
export { createRedisCache, RedisCache, type RedisCacheOptions } from './redis/redis-cache';
