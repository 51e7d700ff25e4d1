import { assertPositiveMs, type Cache, type WindowHit } from '../cache.port';

interface Entry {
  json: string;
  expiresAt: number;
}

interface Window {
  count: number;
  endsAt: number;
}

// Expired entries are dropped on read; the sweep only bounds memory for keys nobody reads again.
const sweepEveryMs = 30_000;

/** One process's cache (`memory:`): per-process rate limits, fine for the embedded profile. */
export class MemoryCache implements Cache {
  readonly #values = new Map<string, Entry>();
  readonly #windows = new Map<string, Window>();
  readonly #sweeper: NodeJS.Timeout;
  #closed = false;

  constructor(private readonly now: () => number = Date.now) {
    this.#sweeper = setInterval(() => this.#sweep(), sweepEveryMs);
    this.#sweeper.unref();
  }

  async get<Value = unknown>(key: string): Promise<Value | undefined> {
    this.#assertOpen();
    const entry = this.#values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#values.delete(key);
      return undefined;
    }
    // Stored as JSON so callers get the same copies and types as from Redis, never a shared object.
    return JSON.parse(entry.json) as Value;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.#assertOpen();
    assertPositiveMs('ttlMs', ttlMs);
    this.#values.set(key, { json: JSON.stringify(value), expiresAt: this.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.#assertOpen();
    this.#values.delete(key);
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    this.#assertOpen();
    let deleted = 0;
    const now = this.now();
    for (const [key, entry] of this.#values) {
      if (!key.startsWith(prefix)) continue;
      this.#values.delete(key);
      if (entry.expiresAt > now) deleted += 1;
    }
    return deleted;
  }

  async hit(key: string, windowMs: number): Promise<WindowHit> {
    this.#assertOpen();
    assertPositiveMs('windowMs', windowMs);
    const now = this.now();
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async ping(): Promise<void> {
    this.#assertOpen();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sweeper);
    this.#values.clear();
    this.#windows.clear();
  }

  #sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.#values) if (entry.expiresAt <= now) this.#values.delete(key);
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the cache is closed');
  }
}

export function createMemoryCache(): MemoryCache {
  return new MemoryCache();
}
