import type { ConsumeOptions, Consumer, MessageBus, OutgoingMessage } from '../message-bus.port';
import { resolveRetryPolicy } from '../shared/retry-policy';
import { asArray, encodeWireEnvelope, toWireEnvelope } from '../shared/wire-envelope';
import { MemoryConsumer } from './memory-consumer';
import { MemoryGroup, type StoredMessage } from './memory-group';

export interface MemoryMessageBusOptions {
  /** How long close() waits for handlers in hand before giving their messages back to the group. */
  shutdownGraceMs?: number;
  /** Messages a topic keeps so that a group subscribing later still receives them. */
  retainPerTopic?: number;
  /** Messages (of different keys) one consumer handles at the same time. */
  maxInFlightPerConsumer?: number;
}

interface Topic {
  readonly retained: StoredMessage[];
  readonly groups: Map<string, MemoryGroup>;
}

/**
 * The in-process broker for `npm start` and tests: same semantics as the Redis adapter (groups,
 * at-least-once, per-key order, retry, dead-letter), nothing survives the process.
 */
export class MemoryMessageBus implements MessageBus {
  private readonly topics = new Map<string, Topic>();
  private readonly consumers = new Set<MemoryConsumer<never>>();
  private closed = false;
  private ephemeralCount = 0;
  private readonly shutdownGraceMs: number;
  private readonly retainPerTopic: number;
  private readonly maxInFlightPerConsumer: number;

  constructor(options: MemoryMessageBusOptions = {}) {
    this.shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
    this.retainPerTopic = options.retainPerTopic ?? 10_000;
    this.maxInFlightPerConsumer = options.maxInFlightPerConsumer ?? 8;
  }

  async publish(topicName: string, messages: OutgoingMessage | readonly OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    this.append(topicName, messages);
  }

  private append(topicName: string, messages: OutgoingMessage | readonly OutgoingMessage[]): void {
    const topic = this.topic(topicName);
    const now = new Date();
    // Build every envelope first so a bad message in a batch publishes none of them.
    const stored = asArray(messages).map((message): StoredMessage => {
      const envelope = toWireEnvelope(message, now);
      return { topic: topicName, json: encodeWireEnvelope(envelope), lane: laneOf(envelope) };
    });
    for (const message of stored) {
      topic.retained.push(message);
      for (const group of topic.groups.values()) group.enqueue(message);
    }
    if (topic.retained.length > this.retainPerTopic * 2) {
      topic.retained.splice(0, topic.retained.length - this.retainPerTopic);
    }
  }

  async consume<Payload = unknown>(options: ConsumeOptions<Payload>): Promise<Consumer> {
    this.assertOpen();
    const retry = resolveRetryPolicy(options.retry);
    const topic = this.topic(options.topic);
    // An ephemeral group of its own, starting empty: it sees only what is published from now on.
    const groupKey = options.ephemeral
      ? `${ephemeralGroupPrefix}${options.group}:${(this.ephemeralCount += 1)}`
      : options.group;
    const group =
      topic.groups.get(groupKey) ??
      new MemoryGroup(options.ephemeral ? [] : topic.retained.slice(-this.retainPerTopic));
    topic.groups.set(groupKey, group);
    const consumer = new MemoryConsumer<Payload>({
      topic: options.topic,
      groupName: options.group,
      group,
      handler: options.handler,
      retry,
      maxInFlight: this.maxInFlightPerConsumer,
      shutdownGraceMs: this.shutdownGraceMs,
      // Dead-lettering still works while the bus is closing, so a failing message is never dropped.
      publish: async (deadTopic, message) => this.append(deadTopic, message),
      onClosed: (closed) => {
        this.consumers.delete(closed as MemoryConsumer<never>);
        if (!options.ephemeral) return;
        group.stop();
        topic.groups.delete(groupKey);
      },
    });
    this.consumers.add(consumer as MemoryConsumer<never>);
    group.join(consumer);
    return consumer;
  }

  /** The groups a topic has now (ephemeral ones as `ephemeral:<group>:<n>`): for tests and diagnostics. */
  groupsOf(topicName: string): string[] {
    return [...(this.topics.get(topicName)?.groups.keys() ?? [])];
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    for (const topic of this.topics.values()) for (const group of topic.groups.values()) group.stop();
    this.topics.clear();
  }

  private topic(name: string): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = { retained: [], groups: new Map() };
      this.topics.set(name, topic);
    }
    return topic;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the memory message bus is closed');
  }
}

const ephemeralGroupPrefix = 'ephemeral:';

function laneOf(envelope: { id: string; key?: string }): string {
  return envelope.key === undefined ? `id:${envelope.id}` : `key:${envelope.key}`;
}

export function createMemoryMessageBus(options: MemoryMessageBusOptions = {}): MessageBus {
  return new MemoryMessageBus(options);
}
