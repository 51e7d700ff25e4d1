import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  deadLetterTopic,
  type ConsumeOptions,
  type Consumer,
  type Message,
  type MessageBus,
  type OutgoingMessage,
} from '../message-bus.port';
import { settlesWithin } from '../shared/abortable-sleep';
import { toDeadLetter } from '../shared/dead-letter';
import { backoffDelayMs, resolveRetryPolicy } from '../shared/retry-policy';
import { asArray, toWireEnvelope } from '../shared/wire-envelope';
import { KeyedSerialRunner } from './keyed-serial-runner';
import { loadPulsarClient } from './load-pulsar-client';
import type {
  PulsarClient,
  PulsarModule,
  PulsarProducer,
  PulsarReceivedMessage,
} from './pulsar-client-types';
import { fromPulsarMessage, retryTopic, toPulsarMessage } from './pulsar-message-mapping';

export interface PulsarMessageBusOptions {
  /** pulsar://host:6650 or pulsar+ssl://host:6651 */
  url: string;
  shutdownGraceMs?: number;
  /** For tests and odd setups: how to load the `pulsar-client` package. */
  loadModule?: () => PulsarModule;
}

/**
 * Pulsar: one subscription per group (Key_Shared, so a key has one consumer at a time), our own
 * attempt count in a message property. A failed message is republished with attempt + 1 to the
 * group's retry topic with deliverAfter = backoff, then acknowledged; after maxAttempts it is
 * published to the dead-letter topic instead. Limitation: a retried message is handled after later
 * messages of its key that were already published (Pulsar's own retry topic behaves the same).
 *
 * An ephemeral consumer gets an Exclusive subscription of its own (`ephemeral-<group>-…`) starting
 * at `Latest`, unsubscribed at close. pulsar-client has no non-durable subscription mode (its C API
 * does not expose one), so a crashed consumer's subscription stays until the namespace's
 * `subscriptionExpirationTimeMinutes` removes it: set that policy where ephemeral consumers run.
 * A failure is negatively acknowledged (the broker redelivers it, counting the attempt) rather than
 * parked on a retry topic, which would be one more topic per consumer; after maxAttempts it is
 * dead-lettered as usual.
 */
export class PulsarMessageBus implements MessageBus {
  private readonly producers = new Map<string, Promise<PulsarProducer>>();
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  constructor(
    private readonly client: PulsarClient,
    private readonly shutdownGraceMs: number,
  ) {}

  async publish(topic: string, messages: OutgoingMessage | readonly OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new Error('the pulsar message bus is closed');
    const producer = await this.producer(topic);
    const envelopes = asArray(messages).map((message) => toWireEnvelope(message));
    await Promise.all(envelopes.map((envelope) => producer.send(toPulsarMessage(envelope))));
  }

  async consume<Payload = unknown>(options: ConsumeOptions<Payload>): Promise<Consumer> {
    if (this.closed) throw new Error('the pulsar message bus is closed');
    const retry = resolveRetryPolicy(options.retry);
    const runner = new KeyedSerialRunner();
    let stopping = false;
    const handleOne = async (received: PulsarReceivedMessage, ack: () => Promise<void>, nack: () => void) => {
      const message = fromPulsarMessage<Payload>(options.topic, received);
      try {
        await options.handler(message);
        await ack();
      } catch (error) {
        if (options.ephemeral && message.attempt < retry.maxAttempts) return nack();
        try {
          await this.reroute(message as Message, options.group, retry, error);
          await ack();
        } catch {
          // Could not park it anywhere: let the broker redeliver; its redelivery count adds to our attempt.
          nack();
        }
      }
    };
    const subscription = await this.client.subscribe({
      ...(options.ephemeral
        ? {
            topics: [options.topic],
            subscription: ephemeralSubscription(options.group),
            subscriptionType: 'Exclusive',
            subscriptionInitialPosition: 'Latest',
          }
        : {
            topics: [options.topic, retryTopic(options.topic, options.group)],
            subscription: options.group,
            subscriptionType: 'KeyShared',
            // Like the other adapters: a group that subscribes late still gets what the topic retains.
            subscriptionInitialPosition: 'Earliest',
          }),
      nAckRedeliverTimeoutMs: retry.initialBackoffMs,
      listener: (received, pulsarConsumer) => {
        if (stopping) return; // unacknowledged: redelivered to another consumer after we close
        runner.run(received.getProperties()['qb-key'], () =>
          handleOne(
            received,
            async () => void (await pulsarConsumer.acknowledge(received)),
            () => pulsarConsumer.negativeAcknowledge(received),
          ),
        );
      },
    });
    const consumer: Consumer = {
      close: async () => {
        if (stopping) return;
        stopping = true;
        await settlesWithin(runner.idle(), this.shutdownGraceMs);
        if (options.ephemeral) {
          // Deletes the subscription; if that fails, the namespace's subscription expiry removes it.
          // Unsubscribing also ends the consumer, so the close after it may answer "already closed".
          await subscription.unsubscribe().catch(() => undefined);
          await subscription.close().catch(() => undefined);
        } else await subscription.close();
        this.consumers.delete(consumer);
      },
    };
    this.consumers.add(consumer);
    return consumer;
  }

  async ping(): Promise<void> {
    // The client has no ping: creating (or reusing) a producer proves the broker answers.
    await this.producer('qb-bus-ping');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    const producers = await Promise.allSettled([...this.producers.values()]);
    await Promise.all(
      producers.flatMap((result) => (result.status === 'fulfilled' ? [result.value.close()] : [])),
    );
    await this.client.close();
  }

  private async reroute(
    message: Message,
    group: string,
    retry: ReturnType<typeof resolveRetryPolicy>,
    error: unknown,
  ): Promise<void> {
    if (message.attempt >= retry.maxAttempts) {
      const dead = toWireEnvelope(toDeadLetter(message, group, error));
      await (await this.producer(deadLetterTopic(message.topic, group))).send(toPulsarMessage(dead));
      return;
    }
    const envelope = { ...toWireEnvelope(message), publishedAt: message.publishedAt.toISOString() };
    const delay = backoffDelayMs(message.attempt, retry);
    const producer = await this.producer(retryTopic(message.topic, group));
    await producer.send(toPulsarMessage(envelope, message.attempt + 1, delay));
  }

  private producer(topic: string): Promise<PulsarProducer> {
    let producer = this.producers.get(topic);
    if (!producer) {
      producer = this.client.createProducer({ topic, batchingEnabled: false });
      producer.catch(() => this.producers.delete(topic));
      this.producers.set(topic, producer);
    }
    return producer;
  }
}

function ephemeralSubscription(group: string): string {
  return `ephemeral-${group}-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export async function createPulsarMessageBus(options: PulsarMessageBusOptions): Promise<MessageBus> {
  const pulsar = (options.loadModule ?? loadPulsarClient)();
  const client = new pulsar.Client({ serviceUrl: options.url, operationTimeoutSeconds: 30 });
  return new PulsarMessageBus(client, options.shutdownGraceMs ?? 10_000);
}
