import { Readable } from 'node:stream';
import type { AllStreamResolvedEvent, ReadPosition } from '@eventstore/db-client';
import type { RecordedEvent } from '../event-store.port';
import { SubscriptionClosedError } from '../subscription-lifecycle';
import { at, resolvedEventFixture } from './esdb-resolved-event.fixture';
import {
  ResubscribingSubscription,
  type CatchUpStream,
  type ResubscribingSubscriptionOptions,
} from './resubscribing-subscription';

type StreamDouble = Readable & { unsubscribe(): Promise<void> };

/**
 * A test double for the client's subscribeToAll: a Readable that first holds the events after the
 * requested position, then says 'caughtUp' (asynchronously, as the server does), then stays open for
 * appends. Nothing here talks to a server.
 */
class FakeEsdbClientDouble {
  readonly log: AllStreamResolvedEvent[] = [];
  readonly subscribedFrom: ReadPosition[] = [];
  private readonly open = new Set<StreamDouble>();

  append(streamId: string, data: unknown = {}): void {
    const commit = BigInt((this.log.length + 1) * 100);
    const event = resolvedEventFixture({ streamId, commit, data, revision: BigInt(this.log.length) });
    this.log.push(event);
    for (const stream of this.open) stream.push(event);
  }

  readonly subscribeToAll = (from: ReadPosition): CatchUpStream => {
    this.subscribedFrom.push(from);
    const stream = new Readable({ objectMode: true, read() {} }) as StreamDouble;
    stream.unsubscribe = async () => {
      this.open.delete(stream);
      stream.destroy();
    };
    const after = typeof from === 'string' ? -1n : from.commit;
    for (const event of this.log) if (event.event!.position.commit > after) stream.push(event);
    setImmediate(() => stream.emit('caughtUp'));
    this.open.add(stream);
    return stream;
  };

  /** The server drops every open subscription. */
  dropAll(error: Error): void {
    for (const stream of [...this.open]) {
      this.open.delete(stream);
      stream.destroy(error);
    }
  }
}

function subscribe(client: FakeEsdbClientDouble, overrides: Partial<ResubscribingSubscriptionOptions>) {
  return new ResubscribingSubscription({
    open: client.subscribeToAll,
    after: 'start',
    handler: async () => undefined,
    retryBackoff: { initialMs: 1, maxMs: 2 },
    ...overrides,
  });
}

/** Collects handled events; until(n) resolves once n arrived. */
function collector() {
  const events: RecordedEvent[] = [];
  const waiters: Array<[number, () => void]> = [];
  return {
    events,
    handler: async (event: RecordedEvent) => {
      events.push(event);
      for (const [count, resolve] of waiters) if (events.length >= count) resolve();
    },
    until: (count: number) =>
      events.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push([count, resolve])),
  };
}

const ns = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);

describe('ResubscribingSubscription (EventStoreDB subscriptions without a server)', () => {
  it('resolves caughtUp once the events before the server said so are handled, then goes live', async () => {
    const client = new FakeEsdbClientDouble();
    for (let n = 0; n < 3; n++) client.append('course-1', { n });
    const received = collector();
    const subscription = subscribe(client, { handler: received.handler });

    await subscription.caughtUp;
    expect(ns(received.events)).toEqual([0, 1, 2]);

    client.append('course-1', { n: 3 });
    await received.until(4);
    expect(ns(received.events)).toEqual([0, 1, 2, 3]);
    await subscription.close();
    expect(subscription.lastPosition).toBe(at(400n));
  });

  it('resubscribes from the last handled position when the handler throws, so the event comes again', async () => {
    const client = new FakeEsdbClientDouble();
    for (let n = 0; n < 4; n++) client.append('course-1', { n });
    const received = collector();
    const errors: number[] = [];
    let failuresLeft = 2;
    const subscription = subscribe(client, {
      handler: async (event) => {
        if ((event.data as { n: number }).n === 2 && failuresLeft-- > 0) throw new Error('projection failed');
        await received.handler(event);
      },
      onError: (_error, attempt) => errors.push(attempt),
    });

    await received.until(4);
    await subscription.close();
    expect(ns(received.events)).toEqual([0, 1, 2, 3]);
    expect(errors).toEqual([1, 2]);
    expect(client.subscribedFrom).toEqual([
      'start',
      { commit: 200n, prepare: 200n },
      { commit: 200n, prepare: 200n },
    ]);
  });

  it('resubscribes after the server drops the subscription, without losing events appended meanwhile', async () => {
    const client = new FakeEsdbClientDouble();
    client.append('course-1', { n: 0 });
    const received = collector();
    const errors: unknown[] = [];
    const subscription = subscribe(client, {
      handler: received.handler,
      onError: (error) => errors.push(error),
    });
    await subscription.caughtUp;

    client.dropAll(new Error('connection reset'));
    client.append('course-1', { n: 1 });
    await received.until(2);
    await subscription.close();
    expect(ns(received.events)).toEqual([0, 1]);
    expect(errors).toEqual([new Error('connection reset')]);
    expect(client.subscribedFrom[1]).toEqual({ commit: 100n, prepare: 100n });
  });

  it('starts strictly after the checkpoint and skips other categories and system events', async () => {
    const client = new FakeEsdbClientDouble();
    client.append('course-1', { n: 0 });
    client.append('course-2', { n: 1 });
    client.append('quiz-1', { n: 2 });
    client.append('$stats-node', { n: 3 });
    client.append('course-3', { n: 4 });
    const received = collector();
    const subscription = subscribe(client, {
      after: at(100n),
      categories: ['course'],
      handler: received.handler,
    });

    await subscription.caughtUp;
    await subscription.close();
    expect(ns(received.events)).toEqual([1, 4]);
    expect(client.subscribedFrom).toEqual([{ commit: 100n, prepare: 100n }]);
  });

  it('close waits for the handler in flight; caughtUp then rejects if it had not caught up', async () => {
    const client = new FakeEsdbClientDouble();
    client.append('course-1', { n: 0 });
    client.append('course-1', { n: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const handled: number[] = [];
    const subscription = subscribe(client, {
      handler: async (event) => {
        started();
        await gate;
        handled.push((event.data as { n: number }).n);
      },
    });

    await handlerStarted;
    const closing = subscription.close().then(() => [...handled]);
    release();
    expect(await closing).toEqual([0]);
    await expect(subscription.caughtUp).rejects.toBeInstanceOf(SubscriptionClosedError);
  });
});
