import {
  deadLetterHeaders,
  deadLetterTopic,
  type ConsumeOptions,
  type Consumer,
  type Message,
  type MessageBus,
  type OutgoingMessage,
} from '@quizbook/messaging';
import { uniqueName } from '../environment/integration-services';

/** What the suite may look at beyond the port, where an adapter can show it. */
export interface MessageBusInspection {
  /** The names of the groups the broker keeps for a topic now (ephemeral ones included), read at the wire. */
  groupsOf(bus: MessageBus, topic: string): Promise<string[]>;
}

/**
 * The behaviour every MessageBus adapter promises, written once. `open` must give a fresh bus whose
 * consumers give up on a stuck handler quickly at close (a shutdown grace of a few hundred ms) and
 * whose broker hands an abandoned message to another consumer within a few seconds: the suite
 * simulates a consumer dying mid-message that way.
 */
export function messageBusContract(
  name: string,
  open: () => Promise<MessageBus>,
  inspection?: MessageBusInspection,
): void {
  describe(`${name}: MessageBus contract`, () => {
    let bus: MessageBus;
    let consumers: Consumer[] = [];
    let topic: string;

    beforeEach(async () => {
      bus = await open();
      consumers = [];
      topic = uniqueName('contract-topic');
    });

    afterEach(async () => {
      await Promise.all(consumers.map((consumer) => consumer.close()));
      await bus.close();
    });

    const consume = async <Payload>(options: ConsumeOptions<Payload>): Promise<Consumer> => {
      const consumer = await bus.consume(options);
      consumers.push(consumer);
      return consumer;
    };

    it('delivers every published message to a group, with id, type, key, payload and publish time', async () => {
      const received: Message[] = [];
      await consume({ topic, group: 'billing', handler: async (message) => void received.push(message) });
      const published = numbered(10, (n) => ({
        id: `m-${n}`,
        type: 'OrderPlaced',
        key: `order-${n % 3}`,
        payload: { n },
      }));
      await bus.publish(topic, published.slice(0, 4));
      for (const message of published.slice(4)) await bus.publish(topic, message);

      await waitFor('10 messages', () => received.length >= 10);
      expect(received.map((message) => message.id).sort()).toEqual(
        published.map((message) => message.id).sort(),
      );
      const third = received.find((message) => message.id === 'm-3');
      expect(third).toMatchObject({
        topic,
        type: 'OrderPlaced',
        key: 'order-0',
        payload: { n: 3 },
        attempt: 1,
      });
      expect(third?.publishedAt).toBeInstanceOf(Date);
      expect(Number.isNaN(third?.publishedAt.getTime())).toBe(false);
    });

    it('gives a message without an id a fresh unique one', async () => {
      const received: Message[] = [];
      await consume({ topic, group: 'g', handler: async (message) => void received.push(message) });
      await bus.publish(topic, [
        { type: 'Ping', payload: 1 },
        { type: 'Ping', payload: 2 },
      ]);
      await waitFor('2 messages', () => received.length >= 2);
      expect(new Set(received.map((message) => message.id)).size).toBe(2);
      expect(received.every((message) => message.id.length > 0)).toBe(true);
    });

    it('carries headers such as the correlation id from publisher to handler unchanged', async () => {
      const received: Message[] = [];
      await consume({ topic, group: 'g', handler: async (message) => void received.push(message) });
      await bus.publish(topic, {
        type: 'SeatReserved',
        payload: {},
        headers: { 'correlation-id': 'corr-42', 'causation-id': 'cmd-7' },
      });
      await waitFor('1 message', () => received.length >= 1);
      expect(received[0]?.headers).toEqual({ 'correlation-id': 'corr-42', 'causation-id': 'cmd-7' });
    });

    it('delivers every message to each of two groups', async () => {
      const byGroup: Record<string, string[]> = { email: [], projection: [] };
      for (const group of Object.keys(byGroup)) {
        await consume({ topic, group, handler: async (message) => void byGroup[group]?.push(message.id) });
      }
      const published = numbered(12, (n) => ({ id: `m-${n}`, type: 'T', key: `k-${n % 4}`, payload: n }));
      await bus.publish(topic, published);

      await waitFor(
        'both groups to have 12',
        () => byGroup.email?.length === 12 && byGroup.projection?.length === 12,
      );
      const ids = published.map((message) => message.id).sort();
      expect([...(byGroup.email ?? [])].sort()).toEqual(ids);
      expect([...(byGroup.projection ?? [])].sort()).toEqual(ids);
    });

    it('lets competing consumers in one group share the work, each message handled by exactly one', async () => {
      const handledBy = new Map<string, string[]>();
      const handler = (consumerName: string) => async (message: Message) => {
        handledBy.set(message.id, [...(handledBy.get(message.id) ?? []), consumerName]);
        await sleep(1);
      };
      await consume({ topic, group: 'workers', handler: handler('a') });
      await consume({ topic, group: 'workers', handler: handler('b') });

      // Brokers may rebalance for a moment after a consumer joins, so publish until both have had work.
      let published = 0;
      const names = () => new Set([...handledBy.values()].flat());
      await waitFor('both consumers to handle messages', async () => {
        await bus.publish(
          topic,
          numbered(16, (n) => ({
            id: `m-${published + n}`,
            type: 'T',
            key: `k-${published + n}`,
            payload: n,
          })),
        );
        published += 16;
        await sleep(50);
        return names().size === 2;
      });
      await waitFor(`all ${published} messages`, () => handledBy.size === published);
      await sleep(100);

      expect(names()).toEqual(new Set(['a', 'b']));
      expect([...handledBy.values()].filter((consumerNames) => consumerNames.length !== 1)).toEqual([]);
    });

    it('hands a message whose consumer died mid-message to another consumer of the group', async () => {
      const inDyingHandler = deferred<Message>();
      const dying = await bus.consume({
        topic,
        group: 'workers',
        handler: (message) => {
          inDyingHandler.resolve(message);
          return new Promise<void>(() => undefined);
        },
      });
      await bus.publish(topic, { id: 'precious', type: 'T', key: 'k', payload: { keep: true } });
      const firstDelivery = await inDyingHandler.promise;
      expect(firstDelivery.id).toBe('precious');

      const survivor: Message[] = [];
      await consume({ topic, group: 'workers', handler: async (message) => void survivor.push(message) });
      // Closing gives up on the stuck handler without acknowledging, as a crash would.
      await dying.close();

      await waitFor('the survivor to get the message', () => survivor.length >= 1);
      expect(survivor[0]).toMatchObject({ id: 'precious', payload: { keep: true } });
    });

    it('retries a failing handler with growing backoff until it succeeds', async () => {
      const attempts: { attempt: number; at: number }[] = [];
      await consume({
        topic,
        group: 'g',
        retry: { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 2_000 },
        handler: async (message) => {
          attempts.push({ attempt: message.attempt, at: performance.now() });
          if (message.attempt < 3) throw new Error(`transient failure ${message.attempt}`);
        },
      });
      await bus.publish(topic, { id: 'flaky', type: 'T', payload: null });

      await waitFor('3 attempts', () => attempts.length >= 3);
      await sleep(300);
      expect(attempts.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
      const [first, second, third] = attempts.map((entry) => entry.at) as [number, number, number];
      // Loose on purpose: the second wait is longer than the first, nothing about exact durations.
      expect(third - second).toBeGreaterThan(second - first);
    });

    it('dead-letters a message after maxAttempts with the error, attempts, topic and group in its headers', async () => {
      const seenAttempts: number[] = [];
      const deadLetters: Message[] = [];
      await consume({
        topic: deadLetterTopic(topic, 'payments'),
        group: 'operator',
        handler: async (message) => void deadLetters.push(message),
      });
      await consume({
        topic,
        group: 'payments',
        retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 20 },
        handler: async (message) => {
          seenAttempts.push(message.attempt);
          throw new Error('card declined');
        },
      });
      await bus.publish(topic, {
        id: 'doomed',
        type: 'ChargeCard',
        key: 'order-1',
        payload: { amount: 5 },
        headers: { 'correlation-id': 'c-1' },
      });

      await waitFor('the dead letter', () => deadLetters.length >= 1);
      await sleep(100);
      expect(seenAttempts).toEqual([1, 2, 3]);
      expect(deadLetters).toHaveLength(1);
      const [dead] = deadLetters as [Message];
      expect(dead).toMatchObject({
        id: 'doomed',
        type: 'ChargeCard',
        key: 'order-1',
        payload: { amount: 5 },
      });
      expect(dead.headers).toMatchObject({
        'correlation-id': 'c-1',
        [deadLetterHeaders.attempts]: '3',
        [deadLetterHeaders.originalTopic]: topic,
        [deadLetterHeaders.group]: 'payments',
      });
      expect(dead.headers[deadLetterHeaders.error]).toContain('card declined');
    });

    it('keeps each key in publish order across competing consumers, even when a message is retried', async () => {
      const keys = ['k0', 'k1', 'k2', 'k3', 'k4'];
      const handledPerKey = new Map<string, number[]>(keys.map((key) => [key, []]));
      let failedOnce = false;
      const handler = async (message: Message<{ seq: number }>) => {
        await sleep(Math.random() < 0.3 ? 2 : 0);
        if (message.key === 'k2' && message.payload.seq === 5 && !failedOnce) {
          failedOnce = true;
          throw new Error('fail once to force a retry mid-sequence');
        }
        handledPerKey.get(message.key as string)?.push(message.payload.seq);
      };
      const retry = { maxAttempts: 5, initialBackoffMs: 50, maxBackoffMs: 50 };
      await consume({ topic, group: 'ordered', retry, handler });
      await consume({ topic, group: 'ordered', retry, handler });

      for (let seq = 0; seq < 20; seq += 1) {
        await bus.publish(
          topic,
          keys.map((key) => ({ type: 'T', key, payload: { seq } })),
        );
      }

      const expected = Array.from({ length: 20 }, (_, seq) => seq);
      await waitFor('100 messages', () => [...handledPerKey.values()].every((seqs) => seqs.length >= 20));
      expect(failedOnce).toBe(true);
      for (const key of keys) expect({ key, seqs: handledPerKey.get(key) }).toEqual({ key, seqs: expected });
    });

    describe('ephemeral consumers', () => {
      it('does not receive messages published before it subscribed', async () => {
        await bus.publish(
          topic,
          numbered(3, (n) => ({ id: `before-${n}`, type: 'T', key: `k-${n}`, payload: n })),
        );
        const received: string[] = [];
        await consume({
          topic,
          group: 'live',
          ephemeral: true,
          handler: async (message) => void received.push(message.id),
        });
        await bus.publish(
          topic,
          numbered(3, (n) => ({ id: `after-${n}`, type: 'T', key: `k-${n}`, payload: n })),
        );

        await waitFor('the 3 later messages', () => received.length >= 3);
        await sleep(100);
        expect(received.sort()).toEqual(['after-0', 'after-1', 'after-2']);
      });

      it('gives each of two ephemeral consumers of one topic every message, even under one group name', async () => {
        const byConsumer: string[][] = [[], []];
        for (const ids of byConsumer) {
          await consume({
            topic,
            group: 'live',
            ephemeral: true,
            handler: async (message) => void ids.push(message.id),
          });
        }
        const published = numbered(12, (n) => ({ id: `m-${n}`, type: 'T', key: `k-${n % 4}`, payload: n }));
        await bus.publish(topic, published);

        await waitFor('both consumers to have 12', () => byConsumer.every((ids) => ids.length >= 12));
        await sleep(100);
        const ids = published.map((message) => message.id).sort();
        for (const received of byConsumer) expect([...received].sort()).toEqual(ids);
      });

      it('is forgotten when it closes: nothing more reaches it, and no group is left behind', async () => {
        const received: string[] = [];
        await consume({ topic, group: 'durable', handler: async () => undefined });
        const ephemeral = await bus.consume({
          topic,
          group: 'live',
          ephemeral: true,
          handler: async (message) => void received.push(message.id),
        });
        if (inspection) {
          const live = (await inspection.groupsOf(bus, topic)).filter((group) => group !== 'durable');
          expect(live).toEqual([expect.stringContaining('live')]);
        }
        await bus.publish(topic, { id: 'while-open', type: 'T', payload: null });
        await waitFor('the message while open', () => received.length >= 1);

        await ephemeral.close();
        await bus.publish(topic, { id: 'after-close', type: 'T', payload: null });
        await sleep(100);
        expect(received).toEqual(['while-open']);
        if (inspection) expect(await inspection.groupsOf(bus, topic)).toEqual(['durable']);
      });

      it('dead-letters a message that keeps failing under the group name it was given', async () => {
        const deadLetters: Message[] = [];
        await consume({
          topic: deadLetterTopic(topic, 'live'),
          group: 'operator',
          handler: async (message) => void deadLetters.push(message),
        });
        await consume({
          topic,
          group: 'live',
          ephemeral: true,
          retry: { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 10 },
          handler: async () => {
            throw new Error('socket write failed');
          },
        });
        await bus.publish(topic, { id: 'undeliverable', type: 'T', payload: null });

        await waitFor('the dead letter', () => deadLetters.length >= 1);
        expect(deadLetters[0]).toMatchObject({ id: 'undeliverable' });
        expect(deadLetters[0]?.headers).toMatchObject({
          [deadLetterHeaders.attempts]: '2',
          [deadLetterHeaders.group]: 'live',
        });
      });
    });
  });
}

function numbered(count: number, make: (n: number) => OutgoingMessage): OutgoingMessage[] {
  return Array.from({ length: count }, (_, n) => make(n));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
