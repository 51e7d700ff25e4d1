/**
 * The message bus port: at-least-once delivery to named groups of competing consumers.
 * Every adapter (memory, Redis Streams, Pulsar) passes libs/testing/src/contracts/message-bus.contract.ts.
 */

export interface OutgoingMessage<Payload = unknown> {
  /** Stable id: redeliveries and republishes of the same fact keep it, so inboxes can drop duplicates. */
  id?: string;
  type: string;
  /** Messages with the same key are handled in publish order within a group. */
  key?: string;
  payload: Payload;
  /** Carried end to end: correlation-id and the like. */
  headers?: Record<string, string>;
}

export interface Message<Payload = unknown> {
  id: string;
  topic: string;
  type: string;
  key: string | undefined;
  payload: Payload;
  headers: Record<string, string>;
  /** 1 on first delivery; counted by us, not the broker (Pulsar resets its count on restart). */
  attempt: number;
  publishedAt: Date;
}

export type MessageHandler<Payload = unknown> = (message: Message<Payload>) => Promise<void>;

export interface RetryPolicy {
  /** Deliveries before the message goes to the dead-letter topic. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 30_000,
};

export interface ConsumeOptions<Payload = unknown> {
  topic: string;
  /** Consumers in one group share the work; each group gets every message. */
  group: string;
  handler: MessageHandler<Payload>;
  retry?: Partial<RetryPolicy>;
  /**
   * A group that lives only as long as this consumer: it starts at messages published after it
   * subscribed (what the bus retains from before is never delivered to it), and the bus forgets it
   * when the consumer closes or its process dies. For fan-out to every running instance (live
   * updates, cache invalidation), where a durable group per instance would be left behind.
   *
   * `group` is then a label, not a shared group: every ephemeral consume gets a group of its own
   * with exactly one consumer, so two ephemeral consumers with the same label each receive every
   * message. What holds: at-least-once delivery while the consumer is open (a handler that throws is
   * retried, then dead-lettered on `deadLetterTopic(topic, group)` with the label as group), per-key
   * order as for any group. What does not: nothing is kept for it after close or a crash, and a
   * message published while `consume` is still resolving may or may not be delivered.
   * Adapters: memory drops the group at close; Redis creates its stream groups at `$`, keeps a
   * heartbeat key, destroys them at close, and every ephemeral consumer of the topic destroys groups
   * whose heartbeat has expired; Pulsar uses an Exclusive subscription at `Latest`, unsubscribed at
   * close (a crashed one is removed by the namespace's subscription expiry).
   */
  ephemeral?: boolean;
}

export interface Consumer {
  /** Stops taking new messages, waits for the ones in hand, then resolves. */
  close(): Promise<void>;
}

/** A dead-lettered message lands on `deadLetterTopic(topic, group)` with these headers set. */
export const deadLetterHeaders = {
  error: 'x-dead-letter-error',
  attempts: 'x-dead-letter-attempts',
  originalTopic: 'x-dead-letter-topic',
  group: 'x-dead-letter-group',
} as const;

export function deadLetterTopic(topic: string, group: string): string {
  return `${topic}.${group}.dead-letter`;
}

export interface MessageBus {
  publish(topic: string, messages: OutgoingMessage | readonly OutgoingMessage[]): Promise<void>;
  consume<Payload = unknown>(options: ConsumeOptions<Payload>): Promise<Consumer>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
