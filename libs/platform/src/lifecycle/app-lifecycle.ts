import type { Logger } from 'pino';

type Closer = () => Promise<void> | void;

/**
 * Where an app registers what must stop before its connections close: consumers, subscriptions,
 * projections, timers. Closers run newest first, so something started later (and possibly depending
 * on an earlier one) stops first.
 */
export class AppLifecycle {
  readonly #closers: { name: string; close: Closer }[] = [];

  onShutdown(name: string, close: Closer): void {
    this.#closers.push({ name, close });
  }

  /** Runs every closer even when one fails, so one stuck consumer does not keep the others open. */
  async runClosers(logger: Logger): Promise<void> {
    const closers = this.#closers.splice(0).reverse();
    for (const { name, close } of closers) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error, closer: name }, 'closing failed');
      }
    }
  }
}
