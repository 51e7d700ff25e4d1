/**
 * The cache port: short-lived JSON values and rate-limit counters. Every adapter (memory, Redis)
 * passes libs/testing/src/contracts/cache.contract.ts.
 */

/** One counted hit in a fixed window. */
export interface WindowHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  resetInMs: number;
}

export interface Cache {
  /** The value stored under `key`, or undefined when absent or expired. */
  get<Value = unknown>(key: string): Promise<Value | undefined>;
  /** Stores a JSON value; every entry expires, so a forgotten invalidation heals by itself. */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes every value whose key starts with `prefix` (`course:42:`); returns how many. Counters are kept. */
  deleteByPrefix(prefix: string): Promise<number>;
  /**
   * Counts one hit on `key` in a fixed window of `windowMs` that starts with the first hit. Atomic:
   * concurrent hits, from any number of processes sharing the cache, each get a distinct count.
   */
  hit(key: string, windowMs: number): Promise<WindowHit>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function assertPositiveMs(what: string, ms: number): void {
  if (!Number.isInteger(ms) || ms < 1) throw new RangeError(`${what} must be a positive integer, got ${ms}`);
}
