import type { RecordedEvent } from '../event-store.port';
import { SubscriptionClosedError } from '../subscription-lifecycle';
import { PollingSubscription, type PollingSubscriptionOptions } from './polling-subscription';

/** A test double for the events table: an array read the way the SQL query reads it. */
class EventLogDouble {
  readonly events: RecordedEvent[] = [];
  readonly reads: Array<{ after: bigint; limit: number }> = [];
  failNextReads = 0;

  append(count: number): void {
    for (let i = 0; i < count; i++) {
      const position = BigInt(this.events.length);
      this.events.push({
        id: `e${position}`,
        type: 'Tick',
        streamName: 'tick-1',
        revision: position,
        position,
        data: { n: Number(position) },
        metadata: {},
        createdAt: new Date(0),
      });
    }
  }

  readonly readPage = async (after: bigint, limit: number): Promise<RecordedEvent[]> => {
    this.reads.push({ after, limit });
    if (this.failNextReads > 0) {
      this.failNextReads--;
      throw new Error('database unavailable');
    }
    return this.events.filter((event) => event.position > after).slice(0, limit);
  };
}

function subscribe(log: EventLogDouble, overrides: Partial<PollingSubscriptionOptions>): PollingSubscription {
  return new PollingSubscription({
    after: 'start',
    handler: async () => undefined,
    readPage: log.readPage,
    pageSize: 2,
    // Live delivery in these tests comes from wake(); the poll only bounds a missed wake.
    pollIntervalMs: 3_600_000,
    retryBackoff: { initialMs: 1, maxMs: 2 },
    ...overrides,
  });
}

function positions(events: RecordedEvent[]): number[] {
  return events.map((event) => Number(event.position));
}

describe('PollingSubscription', () => {
  it('catches up page by page from the checkpoint, then delivers what a wake-up announces', async () => {
    const log = new EventLogDouble();
    log.append(5);
    const handled: RecordedEvent[] = [];
    let sixHandled!: () => void;
    const live = new Promise<void>((resolve) => (sixHandled = resolve));
    const subscription = subscribe(log, {
      after: 0n,
      handler: async (event) => {
        handled.push(event);
        if (handled.length === 6) sixHandled();
      },
    });

    await subscription.caughtUp;
    expect(positions(handled)).toEqual([1, 2, 3, 4]);
    expect(log.reads.slice(0, 3)).toEqual([
      { after: 0n, limit: 2 },
      { after: 2n, limit: 2 },
      { after: 4n, limit: 2 },
    ]);

    log.append(2);
    subscription.wake();
    await live;
    expect(positions(handled)).toEqual([1, 2, 3, 4, 5, 6]);
    await subscription.close();
    expect(subscription.lastPosition).toBe(6n);
  });

  it('retries a failing handler on the same event, reporting each attempt, and never skips it', async () => {
    const log = new EventLogDouble();
    log.append(3);
    const calls: number[] = [];
    const errors: Array<[string, number]> = [];
    const subscription = subscribe(log, {
      handler: async (event) => {
        calls.push(Number(event.position));
        if (event.position === 1n && calls.filter((p) => p === 1).length < 3)
          throw new Error('projection failed');
      },
      onError: (error, attempt) => errors.push([(error as Error).message, attempt]),
    });

    await subscription.caughtUp;
    await subscription.close();
    expect(calls).toEqual([0, 1, 1, 1, 2]);
    expect(errors).toEqual([
      ['projection failed', 1],
      ['projection failed', 2],
    ]);
    expect(subscription.lastPosition).toBe(2n);
  });

  it('keeps reading after failed reads, from the same checkpoint', async () => {
    const log = new EventLogDouble();
    log.append(1);
    log.failNextReads = 2;
    const attempts: number[] = [];
    const handled: RecordedEvent[] = [];
    const subscription = subscribe(log, {
      handler: async (event) => void handled.push(event),
      onError: (_error, attempt) => attempts.push(attempt),
    });

    await subscription.caughtUp;
    await subscription.close();
    expect(attempts).toEqual([1, 2]);
    expect(log.reads.slice(0, 3).map((read) => read.after)).toEqual([-1n, -1n, -1n]);
    expect(positions(handled)).toEqual([0]);
  });

  it('close waits for the handler in flight and stops before the next event', async () => {
    const log = new EventLogDouble();
    log.append(3);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const handled: number[] = [];
    const subscription = subscribe(log, {
      handler: async (event) => {
        started();
        await gate;
        handled.push(Number(event.position));
      },
    });

    await handlerStarted;
    const closing = subscription.close().then(() => [...handled]);
    release();
    expect(await closing).toEqual([0]);
    expect(subscription.lastPosition).toBe(0n);
    await expect(subscription.caughtUp).rejects.toBeInstanceOf(SubscriptionClosedError);
  });
});
