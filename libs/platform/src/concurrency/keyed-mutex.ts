/**
 * Runs work one at a time per key, in arrival order. Optimistic concurrency alone lets a hundred
 * writers on one stream starve each other through bounded retries; queueing them in the process
 * leaves the expected-revision check for the rare race with another process.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      // The last one out removes the key, so the map holds only keys with work queued.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Keys with work running or queued (for specs). */
  get size(): number {
    return this.#tails.size;
  }
}
