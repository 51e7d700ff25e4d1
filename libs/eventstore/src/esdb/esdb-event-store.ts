import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  StreamNotFoundError,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import type { RetryBackoff } from '../subscription-lifecycle';
import { categoryStreamFilter } from './esdb-category-filter';
import { toEsdbConnectionString } from './esdb-connection-string';
import { toAppendError } from './esdb-errors';
import { toEsdbEventData } from './esdb-event-conversion';
import { toEsdbExpectedRevision } from './esdb-expected-revision';
import { readAllPaged, readStreamPaged } from './esdb-paged-reads';
import { encodePosition } from './esdb-positions';
import { ResubscribingSubscription } from './resubscribing-subscription';

export interface EsdbEventStoreOptions {
  retryBackoff?: RetryBackoff;
}

/** The event store on EventStoreDB / KurrentDB. Positions encode `$all` positions (see encodePosition). */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {}

  /** `esdb://`, `esdb+discover://`, `kurrentdb://`: connects lazily, on the first call. */
  static connect(url: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(toEsdbConnectionString(url)), options);
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(streamName, events.map(toEsdbEventData), {
        expectedRevision: toEsdbExpectedRevision(options.expectedRevision),
      });
      return {
        nextExpectedRevision: result.nextExpectedRevision,
        position: result.position ? encodePosition(result.position) : -1n,
      };
    } catch (error) {
      throw toAppendError(error, streamName, options.expectedRevision);
    }
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStreamPaged(async (fromRevision, direction, maxCount) => {
      try {
        return await collect(this.client.readStream(streamName, { fromRevision, direction, maxCount }));
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
    }, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllPaged(
      (fromPosition, direction, maxCount) =>
        collect(this.client.readAll({ fromPosition, direction, maxCount })),
      options,
    );
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const filter = categoryStreamFilter(options.categories);
    const subscription = new ResubscribingSubscription({
      open: (fromPosition) => this.client.subscribeToAll({ fromPosition, filter }),
      after: options.after,
      handler: options.handler,
      ...(options.categories ? { categories: options.categories } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
      ...(this.options.retryBackoff ? { retryBackoff: this.options.retryBackoff } : {}),
    });
    const handle: Subscription = {
      caughtUp: subscription.caughtUp,
      get lastPosition() {
        return subscription.lastPosition;
      },
      close: async () => {
        this.subscriptions.delete(handle);
        await subscription.close();
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  async headPosition(): Promise<bigint> {
    const [last] = await collect(
      this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }),
    );
    return last?.event?.position ? encodePosition(last.event.position) : -1n;
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }
}

async function collect<E extends ResolvedEvent>(read: AsyncIterable<E>): Promise<E[]> {
  const events: E[] = [];
  for await (const event of read) events.push(event);
  return events;
}
