import Redis from 'ioredis';
import { assertPositiveMs, type Cache, type WindowHit } from '../cache.port';
import { fixedWindowHitScript, globEscape } from './redis-cache-scripts';

export interface RedisCacheOptions {
  /** redis://[user:pass@]host:port[/db] or rediss://… */
  url: string;
  /** Every key the cache writes starts with this, so it can share a Redis with the bus. */
  namespace?: string;
  /** Connection errors while ioredis reconnects on its own. */
  onError?: (error: unknown) => void;
}

type RedisWithHit = Redis & {
  fixedWindowHit(key: string, windowMs: number): Promise<[number, number]>;
};

const scanBatch = 500;

/** Shared by every process on one Redis: rate limits hold across replicas. */
export class RedisCache implements Cache {
  private constructor(
    private readonly redis: RedisWithHit,
    private readonly namespace: string,
  ) {}

  static async connect(options: RedisCacheOptions): Promise<RedisCache> {
    const redis = new Redis(options.url, { lazyConnect: true }) as RedisWithHit;
    // Without a listener ioredis prints every reconnect attempt; readiness reports the outage instead.
    redis.on('error', options.onError ?? (() => undefined));
    redis.defineCommand('fixedWindowHit', { numberOfKeys: 1, lua: fixedWindowHitScript });
    await redis.connect();
    return new RedisCache(redis, options.namespace ?? 'qb:cache:');
  }

  async get<Value = unknown>(key: string): Promise<Value | undefined> {
    const json = await this.redis.get(this.valueKey(key));
    return json === null ? undefined : (JSON.parse(json) as Value);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    assertPositiveMs('ttlMs', ttlMs);
    await this.redis.set(this.valueKey(key), JSON.stringify(value), 'PX', ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.redis.unlink(this.valueKey(key));
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    const match = `${globEscape(this.valueKey(prefix))}*`;
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', match, 'COUNT', scanBatch);
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  }

  async hit(key: string, windowMs: number): Promise<WindowHit> {
    assertPositiveMs('windowMs', windowMs);
    const [count, resetInMs] = await this.redis.fixedWindowHit(this.counterKey(key), windowMs);
    return { count, resetInMs };
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  // Values and counters live apart so deleteByPrefix never resets someone's rate limit.
  private valueKey(key: string): string {
    return `${this.namespace}v:${key}`;
  }

  private counterKey(key: string): string {
    return `${this.namespace}n:${key}`;
  }
}

export function createRedisCache(options: RedisCacheOptions): Promise<RedisCache> {
  return RedisCache.connect(options);
}
