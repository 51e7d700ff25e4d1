/**
 * Runs tasks for one key strictly one after another and tasks for different keys side by side.
 * Key_Shared sends all of a key to one consumer, but its listener fires per message, so order is ours to keep.
 */
export class KeyedSerialRunner {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  run(key: string | undefined, task: () => Promise<void>): void {
    const previous = key === undefined ? Promise.resolve() : (this.tails.get(key) ?? Promise.resolve());
    const next = previous.then(task).catch(() => undefined);
    this.running.add(next);
    if (key !== undefined) this.tails.set(key, next);
    void next.finally(() => {
      this.running.delete(next);
      if (key !== undefined && this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  /** Settles when every task started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
