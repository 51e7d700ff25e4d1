import { openMessageBus } from '../open-message-bus';
import type { PulsarReceivedMessage } from './pulsar-client-types';
import { createPulsarMessageBus } from './pulsar-message-bus';
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
