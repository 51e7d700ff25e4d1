/**
 * The event store port. Every adapter (SQL over Kysely, EventStoreDB) passes the same contract suite
 * (libs/testing/src/contracts/event-store.contract.ts).
 *
 * Revisions are per stream and start at 0n; positions are global, strictly increasing, and a
 * subscriber that resumes "after position p" never misses or repeats an event.
 */

/** `any`: no check; `no-stream`: the stream must not exist; `exists`: it must; a bigint: its last revision must equal it. */
export type ExpectedRevision = 'any' | 'no-stream' | 'exists' | bigint;

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface NewEvent<Data = unknown> {
  /** Appending an event whose id the stream already holds (a retried append) records nothing new. */
  id?: string;
  type: string;
  data: Data;
  metadata?: EventMetadata;
}

export interface RecordedEvent<Data = unknown> {
  id: string;
  type: string;
  streamName: string;
  revision: bigint;
  position: bigint;
  data: Data;
  metadata: EventMetadata;
  createdAt: Date;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The stream's last revision after the append: the `expectedRevision` of the next append. */
  nextExpectedRevision: bigint;
  /** The global position of the last event appended. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Defaults to the first revision (forwards) or the last (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  direction?: Direction;
  /** Exclusive: forwards reads events with position > after; backwards reads events with position < before. */
  after?: bigint;
  before?: bigint;
  maxCount?: number;
  /** Only streams named `<category>-...`. */
  categories?: readonly string[];
}

export type EventHandler = (event: RecordedEvent) => Promise<void>;

export interface SubscribeToAllOptions {
  /** Deliver events with position strictly greater than this (a checkpoint); `start` delivers everything. */
  after: bigint | 'start';
  categories?: readonly string[];
  handler: EventHandler;
  /**
   * Called when the handler throws or the connection fails. The subscription retries from the last
   * event the handler completed, with backoff, until closed: it never skips the failed event.
   */
  onError?: (error: unknown, attempt: number) => void;
}

export interface Subscription {
  /** Resolves when every event that existed when the subscription started has been handled. */
  readonly caughtUp: Promise<void>;
  /** Position of the last event the handler completed (or the start point). */
  readonly lastPosition: bigint | 'start';
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** An absent stream reads as []. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /** The position of the last committed event, or -1n when the store is empty. */
  headPosition(): Promise<bigint>;
  /** For readiness probes: resolves when the backing store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
