import type { AllStreamResolvedEvent, Position, ReadPosition } from '@eventstore/db-client';
import { matchesCategories } from '../category';
import type { EventHandler, Subscription } from '../event-store.port';
import {
  backoffDelayMs,
  caughtUpLatch,
  defaultRetryBackoff,
  reportSubscriptionError,
  sleep,
  type RetryBackoff,
} from '../subscription-lifecycle';
import { fromEsdbResolvedEvent } from './esdb-event-conversion';
import { comparePositions, encodePosition, positionFromCheckpoint } from './esdb-positions';

/** The part of the client's AllStreamSubscription (a Readable) this module uses. */
export interface CatchUpStream extends AsyncIterable<unknown> {
  readonly destroyed: boolean;
  on(event: 'caughtUp', listener: () => void): unknown;
  push(chunk: unknown): boolean;
  destroy(error?: Error): unknown;
  unsubscribe(): Promise<void>;
}

/** Starts a server subscription delivering events strictly after `from`. */
export type OpenCatchUpStream = (from: ReadPosition) => CatchUpStream;

export interface ResubscribingSubscriptionOptions {
  open: OpenCatchUpStream;
  after: bigint | 'start';
  categories?: readonly string[];
  handler: EventHandler;
  onError?: (error: unknown, attempt: number) => void;
  retryBackoff?: RetryBackoff;
}

/** Pushed into the stream's own buffer on 'caughtUp', so it is read in order after the events before it. */
const caughtUpMarker = Symbol('caughtUp');

/**
 * The EventStoreDB client does not resubscribe on its own. This does: when the server stream fails,
 * ends, or the handler throws, it resubscribes from the last event it completed (so the failed event
 * comes again: never skipped), with backoff, until closed.
 */
export class ResubscribingSubscription implements Subscription {
  private closed = false;
  private last: bigint | 'start';
  /** Where to resubscribe: the exact server position of the last event completed or skipped. */
  private resumeFrom: Position | undefined;
  private current: CatchUpStream | undefined;
  private readonly stop = new AbortController();
  private readonly latch = caughtUpLatch();
  private readonly running: Promise<void>;

  constructor(private readonly options: ResubscribingSubscriptionOptions) {
    this.last = options.after;
    this.resumeFrom = options.after === 'start' ? undefined : positionFromCheckpoint(options.after);
    this.running = this.run();
  }

  get caughtUp(): Promise<void> {
    return this.latch.promise;
  }

  get lastPosition(): bigint | 'start' {
    return this.last;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
    // Ends a pending read; an in-flight handler still runs to completion before `running` settles.
    this.current?.destroy();
    await this.running;
    this.latch.abandon();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      const stream = this.options.open(this.resumeFrom ?? 'start');
      this.current = stream;
      stream.on('caughtUp', () => {
        if (!stream.destroyed) stream.push(caughtUpMarker);
      });
      let failure: unknown;
      try {
        for await (const item of stream) {
          if (this.closed) break;
          if (item === caughtUpMarker) {
            this.latch.resolve();
            continue;
          }
          if (await this.process(item as AllStreamResolvedEvent)) failures = 0;
        }
        failure = new Error('the EventStoreDB subscription ended');
      } catch (error) {
        failure = error;
      } finally {
        this.current = undefined;
        await stream.unsubscribe().catch(() => undefined);
      }
      if (this.closed) break;
      failures++;
      reportSubscriptionError(this.options.onError, failure, failures);
      await sleep(
        backoffDelayMs(failures, this.options.retryBackoff ?? defaultRetryBackoff),
        this.stop.signal,
      );
    }
  }

  /** True when the handler ran and succeeded. A handler error propagates, which resubscribes. */
  private async process(resolved: AllStreamResolvedEvent): Promise<boolean> {
    const position = resolved.event?.position ?? resolved.link?.position;
    if (position && this.resumeFrom && comparePositions(position, this.resumeFrom) <= 0) return false;
    if (position && this.options.after !== 'start' && encodePosition(position) <= this.options.after) {
      this.resumeFrom = position;
      return false;
    }
    const event = fromEsdbResolvedEvent(resolved);
    let handled = false;
    if (event && matchesCategories(event.streamName, this.options.categories)) {
      await this.options.handler(event);
      this.last = event.position;
      handled = true;
    }
    if (position) this.resumeFrom = position;
    return handled;
  }
}
