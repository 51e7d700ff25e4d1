import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { openSqlDatabase } from '@quizbook/database';
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
import { notifyAppend, onAppend } from './append-notifier';
import { PollingSubscription } from './polling-subscription';
import { appendEvents } from './sql-append';
import { readAllEvents, readHeadPosition, readStreamEvents } from './sql-reads';
import { createEventStoreSchema, type EventStoreDatabase, type EventStoreSchema } from './sql-schema';

export interface SqlEventStoreOptions {
  /** How often live subscriptions look for events appended by other processes. Default 100 ms. */
  pollIntervalMs?: number;
  /** Events per catch-up read. Default 500. */
  subscriptionPageSize?: number;
  /** Backoff between retries of a failing handler or read. */
  retryBackoff?: RetryBackoff;
  /** MySQL connection pool size. */
  poolSize?: number;
}

/** The event store on MySQL/MariaDB or SQLite: one implementation, the dialect only picks the lock statement. */
export class SqlEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly storeKey: string;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly database: EventStoreDatabase,
    private readonly options: SqlEventStoreOptions,
  ) {
    this.storeKey = notifierKey(database.url);
  }

  /** `mysql://…` or `sqlite:…`; creates the tables if they do not exist. */
  static async open(url: string, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
    const database = await openSqlDatabase<EventStoreSchema>(
      url,
      options.poolSize === undefined ? {} : { poolSize: options.poolSize },
    );
    try {
      await createEventStoreSchema(database);
    } catch (error) {
      await database.close();
      throw error;
    }
    return new SqlEventStore(database, options);
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const result = await appendEvents(this.database, streamName, events, options.expectedRevision);
    notifyAppend(this.storeKey);
    return result;
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStreamEvents(this.database, streamName, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllEvents(this.database, options);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    if (this.closing) throw new Error('the event store is closed');
    const categories = options.categories;
    const subscription = new PollingSubscription({
      after: options.after,
      handler: options.handler,
      ...(options.onError ? { onError: options.onError } : {}),
      readPage: (after, limit) =>
        readAllEvents(this.database, { after, maxCount: limit, ...(categories ? { categories } : {}) }),
      pageSize: this.options.subscriptionPageSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
      ...(this.options.retryBackoff ? { retryBackoff: this.options.retryBackoff } : {}),
    });
    const stopListening = onAppend(this.storeKey, () => subscription.wake());
    const handle: Subscription = {
      caughtUp: subscription.caughtUp,
      get lastPosition() {
        return subscription.lastPosition;
      },
      close: async () => {
        stopListening();
        this.subscriptions.delete(handle);
        await subscription.close();
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  headPosition(): Promise<bigint> {
    return readHeadPosition(this.database);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.database.db);
  }

  /** Closes open subscriptions (awaiting their in-flight handlers), then the connection pool. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      this.subscriptions.clear();
      await this.database.close();
    })();
    return this.closing;
  }
}

/** Instances on the same database must share a key; separate in-memory SQLite databases must not. */
function notifierKey(url: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  if (file === '' || file === ':memory:') return `sqlite-memory:${randomUUID()}`;
  return `sqlite:${path.resolve(file)}`;
}
