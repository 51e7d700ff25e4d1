import { deadLetterHeaders, deadLetterTopic, type MessageHandler } from '../message-bus.port';
import { openMessageBus } from '../open-message-bus';
import type {
  PulsarClient,
  PulsarConsumer,
  PulsarOutgoing,
  PulsarReceivedMessage,
  PulsarSubscribeConfig,
} from './pulsar-client-types';
import { createPulsarMessageBus, PulsarMessageBus } from './pulsar-message-bus';
import { loadPulsarClient, PulsarClientMissingError } from './load-pulsar-client';
import { attemptOf, fromPulsarMessage, retryTopic, toPulsarMessage } from './pulsar-message-mapping';
import { KeyedSerialRunner } from './keyed-serial-runner';

const missingPackageMessage =
  'BUS_URL is pulsar://… but the optional package pulsar-client is not installed: run `npm install pulsar-client` on a machine that can build it';

/** A double of Node's require for a machine where pulsar-client is not installed. */
const requireWithoutPulsarDouble = (id: string): never => {
  throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
};

/** A double of a received Pulsar message: only the getters the mapping reads. */
function receivedMessageDouble(
  sent: ReturnType<typeof toPulsarMessage>,
  redeliveryCount = 0,
): PulsarReceivedMessage {
  return {
    getData: () => sent.data,
    getProperties: () => sent.properties ?? {},
    getPartitionKey: () => sent.partitionKey ?? '',
    getPublishTimestamp: () => 1_700_000_000_000,
    getRedeliveryCount: () => redeliveryCount,
  };
}

const pulsarInstalled = (() => {
  try {
    require.resolve('pulsar-client');
    return true;
  } catch {
    return false;
  }
})();

describe('Pulsar adapter without the pulsar-client package', () => {
  it('explains how to install the optional package when it is missing', () => {
    expect(() => loadPulsarClient(requireWithoutPulsarDouble)).toThrow(PulsarClientMissingError);
    expect(() => loadPulsarClient(requireWithoutPulsarDouble)).toThrow(missingPackageMessage);
  });

  it('lets any other loading failure through unchanged', () => {
    const broken = new Error('native binding failed to load');
    expect(() =>
      loadPulsarClient(() => {
        throw broken;
      }),
    ).toThrow(broken);
  });

  it('fails at open, not at import, when a pulsar:// URL is configured', async () => {
    await expect(
      createPulsarMessageBus({
        url: 'pulsar://localhost:6650',
        loadModule: () => loadPulsarClient(requireWithoutPulsarDouble),
      }),
    ).rejects.toThrow(missingPackageMessage);
  });

  (pulsarInstalled ? it.skip : it)(
    'openMessageBus rejects pulsar:// and pulsar+ssl:// on this machine with that message',
    async () => {
      await expect(openMessageBus('pulsar://localhost:6650')).rejects.toThrow(missingPackageMessage);
      await expect(openMessageBus('pulsar+ssl://localhost:6651')).rejects.toThrow(missingPackageMessage);
    },
  );
});

describe('Pulsar message mapping', () => {
  const envelope = {
    id: 'm-1',
    type: 'OrderPlaced',
    key: 'order-7',
    payload: { total: 12.5, lines: ['a'] },
    headers: { 'correlation-id': 'c-9', 'qb-id': 'a header that looks like ours' },
    publishedAt: '2024-05-01T10:00:00.000Z',
  };

  it('round-trips id, type, key, payload, headers and publish time through properties and data', () => {
    const message = fromPulsarMessage('orders', receivedMessageDouble(toPulsarMessage(envelope)));
    expect(message).toEqual({
      id: 'm-1',
      topic: 'orders',
      type: 'OrderPlaced',
      key: 'order-7',
      payload: { total: 12.5, lines: ['a'] },
      headers: { 'correlation-id': 'c-9', 'qb-id': 'a header that looks like ours' },
      attempt: 1,
      publishedAt: new Date('2024-05-01T10:00:00.000Z'),
    });
  });

  it('uses the key as both partition key and ordering key, and sets none for keyless messages', () => {
    expect(toPulsarMessage(envelope)).toMatchObject({ partitionKey: 'order-7', orderingKey: 'order-7' });
    const keyless = toPulsarMessage({ ...envelope, key: undefined });
    expect(keyless.partitionKey).toBeUndefined();
    expect(fromPulsarMessage('orders', receivedMessageDouble(keyless)).key).toBeUndefined();
  });

  it('carries our attempt count and the retry delay on a republished copy', () => {
    const retried = toPulsarMessage(envelope, 3, 400);
    expect(retried.deliverAfter).toBe(400);
    expect(fromPulsarMessage('orders', receivedMessageDouble(retried)).attempt).toBe(3);
  });

  it('adds the broker redelivery count to our own count, which survives broker restarts', () => {
    expect(attemptOf({ 'qb-attempt': '3' }, 0)).toBe(3);
    expect(attemptOf({ 'qb-attempt': '3' }, 2)).toBe(5);
    expect(attemptOf({}, 1)).toBe(2);
    expect(attemptOf({ 'qb-attempt': 'garbage' }, 0)).toBe(1);
  });

  it('parks a group’s retries on a topic of that group only', () => {
    expect(retryTopic('orders', 'billing')).toBe('orders.billing.retry');
  });
});

describe('KeyedSerialRunner', () => {
  it('runs one key’s tasks in order while other keys run alongside', async () => {
    const runner = new KeyedSerialRunner();
    const log: string[] = [];
    const task = (name: string, ms: number) => () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          log.push(name);
          resolve();
        }, ms),
      );
    runner.run('a', task('a1', 30));
    runner.run('a', task('a2', 1));
    runner.run('b', task('b1', 5));
    await runner.idle();
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a task of the same key fails', async () => {
    const runner = new KeyedSerialRunner();
    const log: string[] = [];
    runner.run('a', async () => {
      throw new Error('boom');
    });
    runner.run('a', async () => void log.push('after'));
    await runner.idle();
    expect(log).toEqual(['after']);
  });
});

interface SubscriptionDouble {
  config: PulsarSubscribeConfig;
  consumer: PulsarConsumer;
  acknowledged: number;
  negativelyAcknowledged: number;
  unsubscribed: boolean;
  closed: boolean;
}

/**
 * A double of pulsar-client's Client, only as deep as the ephemeral specs need: it records each
 * subscription and what was sent, and lets a spec hand a subscription's listener a message.
 */
function pulsarClientDouble() {
  const subscriptions: SubscriptionDouble[] = [];
  const sent: { topic: string; message: PulsarOutgoing }[] = [];
  const client: PulsarClient = {
    createProducer: async ({ topic }) => ({
      send: async (message) => void sent.push({ topic, message }),
      flush: async () => null,
      close: async () => null,
    }),
    subscribe: async (config) => {
      const subscription = {
        config,
        acknowledged: 0,
        negativelyAcknowledged: 0,
        unsubscribed: false,
        closed: false,
      } as SubscriptionDouble;
      subscription.consumer = {
        acknowledge: async () => {
          subscription.acknowledged += 1;
          return null;
        },
        negativeAcknowledge: () => void (subscription.negativelyAcknowledged += 1),
        unsubscribe: async () => {
          subscription.unsubscribed = subscription.closed = true;
          return null;
        },
        close: async () => {
          subscription.closed = true;
          return null;
        },
      };
      subscriptions.push(subscription);
      return subscription.consumer;
    },
    close: async () => null,
  };
  const deliver = (subscription: SubscriptionDouble, message: PulsarOutgoing, redeliveryCount = 0) =>
    subscription.config.listener?.(receivedMessageDouble(message, redeliveryCount), subscription.consumer);
  return { client, subscriptions, sent, deliver };
}

describe('Pulsar ephemeral consumers (through a client double)', () => {
  const topic = 'live-updates';
  const published = toPulsarMessage({
    id: 'u-1',
    type: 'LiveUpdatePublished',
    key: 'ada',
    payload: { n: 1 },
    headers: {},
    publishedAt: '2024-05-01T10:00:00.000Z',
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  const noop: MessageHandler = async () => undefined;

  it('gives each one an Exclusive subscription of its own on the topic alone, starting at Latest', async () => {
    const double = pulsarClientDouble();
    const bus = new PulsarMessageBus(double.client, 100);
    await bus.consume({ topic, group: 'live', ephemeral: true, handler: noop });
    await bus.consume({ topic, group: 'live', ephemeral: true, handler: noop });

    const [first, second] = double.subscriptions.map((subscription) => subscription.config);
    expect(first).toMatchObject({
      topics: [topic],
      subscriptionType: 'Exclusive',
      subscriptionInitialPosition: 'Latest',
    });
    expect(first?.subscription).toMatch(/^ephemeral-live-/);
    expect(second?.subscription).toMatch(/^ephemeral-live-/);
    expect(second?.subscription).not.toBe(first?.subscription);
    await bus.close();
  });

  it('unsubscribes at close, so the broker forgets it; a durable group is only closed', async () => {
    const double = pulsarClientDouble();
    const bus = new PulsarMessageBus(double.client, 100);
    const ephemeral = await bus.consume({ topic, group: 'live', ephemeral: true, handler: noop });
    const durable = await bus.consume({ topic, group: 'durable', handler: noop });
    await ephemeral.close();
    await durable.close();

    const [ephemeralSubscription, durableSubscription] = double.subscriptions;
    expect(ephemeralSubscription).toMatchObject({ unsubscribed: true, closed: true });
    expect(durableSubscription).toMatchObject({ unsubscribed: false, closed: true });
    await bus.close();
  });

  it('has the broker redeliver a failure, then dead-letters it under the group name it was given', async () => {
    const double = pulsarClientDouble();
    const bus = new PulsarMessageBus(double.client, 100);
    await bus.consume({
      topic,
      group: 'live',
      ephemeral: true,
      retry: { maxAttempts: 3 },
      handler: async () => {
        throw new Error('socket write failed');
      },
    });
    const [subscription] = double.subscriptions as [SubscriptionDouble];

    double.deliver(subscription, published);
    await settle();
    expect(subscription).toMatchObject({ negativelyAcknowledged: 1, acknowledged: 0 });
    expect(double.sent).toEqual([]);

    double.deliver(subscription, published, 2);
    await settle();
    expect(subscription).toMatchObject({ negativelyAcknowledged: 1, acknowledged: 1 });
    expect(double.sent.map((entry) => entry.topic)).toEqual([deadLetterTopic(topic, 'live')]);
    expect(double.sent[0]?.message.properties).toMatchObject({
      [`qb-header:${deadLetterHeaders.group}`]: 'live',
      [`qb-header:${deadLetterHeaders.attempts}`]: '3',
    });
    await bus.close();
  });
});
