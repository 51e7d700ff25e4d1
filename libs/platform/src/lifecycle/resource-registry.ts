export interface Closable {
  close(): Promise<void>;
}

/** One app's hold on a shared resource; releasing twice is harmless. */
export interface Lease<T> {
  readonly resource: T;
  release(): Promise<void>;
}

interface Entry {
  opening: Promise<Closable>;
  users: number;
}

/**
 * Shares one event store, bus or database handle per URL between the apps of a process, and closes
 * it when the last one lets go. Sharing is not an optimisation: a `memory:` bus only carries messages
 * between apps holding the same instance, and two pools on one SQLite file only add lock contention.
 */
export class ResourceRegistry {
  readonly #entries = new Map<string, Entry>();

  /** Opens the resource on first use of `key` (concurrent first uses share one open). */
  async acquire<T extends Closable>(key: string, open: () => Promise<T>): Promise<Lease<T>> {
    let entry = this.#entries.get(key);
    if (!entry) {
      const opening = open();
      entry = { opening, users: 0 };
      this.#entries.set(key, entry);
      // A failed open must not poison the key for the next attempt.
      opening.catch(() => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      });
    }
    entry.users += 1;
    const held = entry;
    let resource: T;
    try {
      resource = (await held.opening) as T;
    } catch (error) {
      held.users -= 1;
      throw error;
    }
    let released = false;
    return {
      resource,
      release: async () => {
        if (released) return;
        released = true;
        held.users -= 1;
        if (held.users > 0) return;
        if (this.#entries.get(key) === held) this.#entries.delete(key);
        await resource.close();
      },
    };
  }

  /** Keys currently open, for diagnostics and tests. */
  keys(): string[] {
    return [...this.#entries.keys()];
  }
}

/** The registry of this process: `npm start` and standalone apps use it unless given their own. */
export const processResources = new ResourceRegistry();
