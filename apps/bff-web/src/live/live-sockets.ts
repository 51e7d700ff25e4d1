import type { LiveMessage } from '@quizbook/contracts';
import type { LiveConnection } from './live-connection';

/** The sockets this bff-web instance holds, by user: where a message from the bus is delivered. */
export class LiveSockets {
  readonly #byUser = new Map<string, Set<LiveConnection>>();
  #count = 0;

  constructor(private readonly onCountChange: (count: number) => void = () => undefined) {}

  add(connection: LiveConnection): void {
    let held = this.#byUser.get(connection.userId);
    if (!held) {
      held = new Set();
      this.#byUser.set(connection.userId, held);
    }
    if (held.has(connection)) return;
    held.add(connection);
    this.#changeCount(1);
  }

  remove(connection: LiveConnection): void {
    const held = this.#byUser.get(connection.userId);
    if (!held?.delete(connection)) return;
    if (held.size === 0) this.#byUser.delete(connection.userId);
    this.#changeCount(-1);
  }

  /** Delivers to every socket of `userId` here; answers how many there were (none is normal). */
  deliver(userId: string, message: LiveMessage): number {
    const held = this.#byUser.get(userId);
    if (!held) return 0;
    for (const connection of held) connection.deliver(message);
    return held.size;
  }

  all(): LiveConnection[] {
    return [...this.#byUser.values()].flatMap((held) => [...held]);
  }

  get count(): number {
    return this.#count;
  }

  #changeCount(delta: number): void {
    this.#count += delta;
    this.onCountChange(this.#count);
  }
}
