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
