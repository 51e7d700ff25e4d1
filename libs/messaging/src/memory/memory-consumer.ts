import {
  deadLetterTopic,
  type Consumer,
  type MessageHandler,
  type OutgoingMessage,
  type RetryPolicy,
} from '../message-bus.port';
import { settlesWithin } from '../shared/abortable-sleep';
import { toDeadLetter } from '../shared/dead-letter';
import { backoffDelayMs } from '../shared/retry-policy';
import { decodeWireEnvelope, toMessage } from '../shared/wire-envelope';
import type { GroupMember, MemoryGroup, PendingDelivery } from './memory-group';

export interface MemoryConsumerSettings<Payload> {
  topic: string;
  groupName: string;
  group: MemoryGroup;
  handler: MessageHandler<Payload>;
  retry: RetryPolicy;
  maxInFlight: number;
  shutdownGraceMs: number;
  publish(topic: string, message: OutgoingMessage): Promise<void>;
  onClosed(consumer: MemoryConsumer<Payload>): void;
}

interface InHand {
  lane: string;
  done: Promise<void>;
}

export class MemoryConsumer<Payload = unknown> implements Consumer, GroupMember {
  private readonly inHand = new Map<symbol, InHand>();
  private closing: Promise<void> | undefined;

  constructor(private readonly settings: MemoryConsumerSettings<Payload>) {}

  hasCapacity(): boolean {
    return !this.closing && this.inHand.size < this.settings.maxInFlight;
  }

  take(lane: string, delivery: PendingDelivery): void {
    const token = Symbol(lane);
    this.inHand.set(token, { lane, done: this.deliver(token, lane, delivery) });
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.settings.group.leave(this);
    const handlers = [...this.inHand.values()].map((entry) => entry.done);
    const finished = await settlesWithin(Promise.all(handlers), this.settings.shutdownGraceMs);
    if (!finished) {
      // Like a crashed process: whatever is still in hand goes back to the group, unacknowledged.
      for (const [token, entry] of this.inHand) {
        this.inHand.delete(token);
        this.settings.group.release(entry.lane);
      }
    }
    this.settings.onClosed(this);
  }

  private async deliver(token: symbol, lane: string, delivery: PendingDelivery): Promise<void> {
    // Never run a handler inside the publisher's call stack.
    await Promise.resolve();
    const { topic, groupName, group, handler, retry } = this.settings;
    const message = toMessage<Payload>(topic, decodeWireEnvelope(delivery.stored.json), delivery.attempt);
    let failure: { error: unknown } | undefined;
    try {
      await handler(message);
    } catch (error) {
      failure = { error };
    }
    // Abandoned at close: the group already gave this message to someone else.
    if (!this.inHand.delete(token)) return;
    if (!failure) return group.completed(lane);
    if (message.attempt >= retry.maxAttempts) {
      await this.settings.publish(
        deadLetterTopic(topic, groupName),
        toDeadLetter(message, groupName, failure.error),
      );
      return group.completed(lane);
    }
    group.retryAfter(lane, backoffDelayMs(message.attempt, retry));
  }
}
