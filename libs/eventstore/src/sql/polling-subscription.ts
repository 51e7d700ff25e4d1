import type { EventHandler, RecordedEvent, Subscription } from '../event-store.port';
import {
  backoffDelayMs,
  caughtUpLatch,
  defaultRetryBackoff,
  reportSubscriptionError,
  sleep,
  type RetryBackoff,
} from '../subscription-lifecycle';

export interface PollingSubscriptionOptions {
  after: bigint | 'start';
  handler: EventHandler;
  onError?: (error: unknown, attempt: number) => void;
  /** Events with position > after, ascending, at most `limit` (already filtered by category). */
  readPage(after: bigint, limit: number): Promise<RecordedEvent[]>;
  pageSize: number;
  pollIntervalMs: number;
  retryBackoff?: RetryBackoff;
}

/**
 * Catch-up then live over a store whose positions are contiguous and committed in order: reading
 * `position > last` in pages never skips an event. New events are found by polling, or sooner through
 * wake() (called by the in-process append notifier).
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private last: bigint | 'start';
  private readonly stop = new AbortController();
  private readonly latch = caughtUpLatch();
  private readonly running: Promise<void>;
  private woken = false;
  private endWait: (() => void) | undefined;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.last = options.after;
    this.running = this.run();
  }

  get caughtUp(): Promise<void> {
    return this.latch.promise;
  }

  get lastPosition(): bigint | 'start' {
    return this.last;
  }

  /** Something was appended: read now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.endWait?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    this.endWait?.();
    // Returns only once the in-flight handler (if any) has finished.
    await this.running;
    this.latch.abandon();
  }

  private async run(): Promise<void> {
    let failedReads = 0;
    while (!this.closed) {
      // Cleared before reading: a wake() that arrives during the read or the handlers is kept.
      this.woken = false;
      let page: RecordedEvent[];
      try {
        page = await this.options.readPage(this.last === 'start' ? -1n : this.last, this.options.pageSize);
        failedReads = 0;
      } catch (error) {
        failedReads++;
        reportSubscriptionError(this.options.onError, error, failedReads);
        await sleep(
          backoffDelayMs(failedReads, this.options.retryBackoff ?? defaultRetryBackoff),
          this.stop.signal,
        );
        continue;
      }
      for (const event of page) {
        if (!(await this.deliver(event))) return;
      }
      if (page.length < this.options.pageSize) {
        this.latch.resolve();
        await this.waitForAppend();
      }
    }
  }

  /** Retries the same event until the handler succeeds: never skips it. False when closed first. */
  private async deliver(event: RecordedEvent): Promise<boolean> {
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        await this.options.handler(event);
        this.last = event.position;
        return true;
      } catch (error) {
        reportSubscriptionError(this.options.onError, error, attempt);
        await sleep(
          backoffDelayMs(attempt, this.options.retryBackoff ?? defaultRetryBackoff),
          this.stop.signal,
        );
      }
    }
    return false;
  }

  private waitForAppend(): Promise<void> {
    if (this.woken || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.endWait = undefined;
        resolve();
      };
      const timer = setTimeout(finish, this.options.pollIntervalMs);
      this.endWait = finish;
    });
  }
}
