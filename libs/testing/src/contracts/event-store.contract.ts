import { randomBytes, randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from '@quizbook/eventstore';

export interface EventStoreUnderTest {
  store: EventStore;
  /** A second, independent instance on the same data: for "survives a restart" checks. */
  reopen?: () => Promise<EventStore>;
  /** Closes the store and removes its data. */
  cleanup: () => Promise<void>;
}

export interface EventStoreContractOptions {
  /** Positions are exactly 0, 1, 2, … with no holes (SQL); EventStoreDB positions are log offsets. */
  contiguousPositions?: boolean;
}

/**
 * The behaviour every EventStore adapter must have. Each test opens its own store; tests only look at
 * categories they created, so a shared server (EventStoreDB) works too.
 */
export function eventStoreContract(
  name: string,
  open: () => Promise<EventStoreUnderTest>,
  options: EventStoreContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let opened: Array<EventStore | Subscription>;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
      opened = [];
    });

    afterEach(async () => {
      for (const resource of opened.reverse()) await resource.close();
      await subject.cleanup();
    });

    const track = <T extends EventStore | Subscription>(resource: T): T => {
      opened.push(resource);
      return resource;
    };

    describe('append with an expected revision', () => {
      it('no-stream creates the stream, then conflicts reporting the actual revision', async () => {
        const stream = `${newCategory()}-1`;
        const first = await store.appendToStream(stream, [event('Opened'), event('Renamed')], {
          expectedRevision: 'no-stream',
        });
        expect(first.nextExpectedRevision).toBe(1n);

        const conflict = await failure(
          store.appendToStream(stream, [event('Opened')], { expectedRevision: 'no-stream' }),
        );
        expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
        expect(conflict).toMatchObject({ streamName: stream, expected: 'no-stream', actual: 1n });
      });

      it('exists fails on a missing stream with actual -1 and succeeds once the stream exists', async () => {
        const stream = `${newCategory()}-1`;
        const conflict = await failure(
          store.appendToStream(stream, [event('Renamed')], { expectedRevision: 'exists' }),
        );
        expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
        expect(conflict).toMatchObject({ streamName: stream, expected: 'exists', actual: -1n });

        await store.appendToStream(stream, [event('Opened')], { expectedRevision: 'any' });
        const result = await store.appendToStream(stream, [event('Renamed')], { expectedRevision: 'exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('an exact revision must equal the last revision of the stream', async () => {
        const stream = `${newCategory()}-1`;
        await store.appendToStream(stream, [event('A'), event('B'), event('C')], {
          expectedRevision: 'no-stream',
        });

        const stale = await failure(store.appendToStream(stream, [event('D')], { expectedRevision: 1n }));
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect(stale).toMatchObject({ expected: 1n, actual: 2n });

        const ok = await store.appendToStream(stream, [event('D')], { expectedRevision: 2n });
        expect(ok.nextExpectedRevision).toBe(3n);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('any appends to a new or an existing stream', async () => {
        const stream = `${newCategory()}-1`;
        expect(
          (await store.appendToStream(stream, [event('A')], { expectedRevision: 'any' }))
            .nextExpectedRevision,
        ).toBe(0n);
        expect(
          (await store.appendToStream(stream, [event('B')], { expectedRevision: 'any' }))
            .nextExpectedRevision,
        ).toBe(1n);
      });

      it('a rejected append records none of its events', async () => {
        const stream = `${newCategory()}-1`;
        await store.appendToStream(stream, [event('A')], { expectedRevision: 'no-stream' });
        const head = await store.headPosition();

        await failure(
          store.appendToStream(stream, [event('B'), event('C'), event('D')], { expectedRevision: 5n }),
        );

        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
        expect(await store.headPosition()).toBe(head);
      });

      it('of 50 concurrent appenders with the same expected revision, exactly one wins', async () => {
        const stream = `${newCategory()}-1`;
        await store.appendToStream(stream, [event('Opened')], { expectedRevision: 'no-stream' });

        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, writer) =>
            store.appendToStream(stream, [event('Booked', { writer })], { expectedRevision: 0n }),
          ),
        );

        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(49);
        for (const loser of losers) expect(loser).toBeInstanceOf(WrongExpectedRevisionError);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.type)).toEqual(['Opened', 'Booked']);
      });
    });

    describe('idempotent append by event id', () => {
      it('a retried append returns the original result and records nothing new', async () => {
        const stream = `${newCategory()}-1`;
        const batch = [event('A', { n: 1 }, randomUUID()), event('B', { n: 2 }, randomUUID())];
        const original = await store.appendToStream(stream, batch, { expectedRevision: 'no-stream' });
        const head = await store.headPosition();

        const retried = await store.appendToStream(stream, batch, { expectedRevision: 'no-stream' });

        expect(retried).toEqual(original);
        expect(await store.headPosition()).toBe(head);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.id)).toEqual(batch.map((e) => e.id));
      });

      it('the same event id in another stream is a DuplicateEventIdError', async () => {
        const category = newCategory();
        const id = randomUUID();
        await store.appendToStream(`${category}-1`, [event('A', {}, id)], { expectedRevision: 'any' });

        const duplicate = await failure(
          store.appendToStream(`${category}-2`, [event('A', {}, id)], { expectedRevision: 'any' }),
        );

        expect(duplicate).toBeInstanceOf(DuplicateEventIdError);
        expect(duplicate).toMatchObject({ eventId: id, streamName: `${category}-2` });
        expect(await store.readStream(`${category}-2`)).toEqual([]);
      });
    });

    describe('reads', () => {
      it('round-trips id, type, data, metadata, stream, revision and creation time', async () => {
        const stream = `${newCategory()}-1`;
        const before = Date.now();
        const id = randomUUID();
        const result = await store.appendToStream(
          stream,
          [
            {
              id,
              type: 'SeatBooked',
              data: { seat: 'A1', price: 12.5, tags: ['x'], nested: { ok: true } },
              metadata: { correlationId: 'corr-1', causationId: 'cause-1', userId: 'u1' },
            },
          ],
          { expectedRevision: 'no-stream' },
        );

        const [recorded] = await store.readStream(stream);
        expect(recorded).toMatchObject({
          id,
          type: 'SeatBooked',
          streamName: stream,
          revision: 0n,
          position: result.position,
          data: { seat: 'A1', price: 12.5, tags: ['x'], nested: { ok: true } },
          metadata: { correlationId: 'corr-1', causationId: 'cause-1', userId: 'u1' },
        });
        expect(recorded!.createdAt).toBeInstanceOf(Date);
        expect(recorded!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('reads a stream in pages forwards and backwards; an absent stream reads as []', async () => {
        const stream = `${newCategory()}-1`;
        await store.appendToStream(
          stream,
          Array.from({ length: 10 }, (_, n) => event(`E${n}`)),
          { expectedRevision: 'no-stream' },
        );
        const revisions = (events: RecordedEvent[]) => events.map((e) => Number(e.revision));

        const forwardPages: number[][] = [];
        for (let from = 0n; ;) {
          const page = await store.readStream(stream, { fromRevision: from, maxCount: 4 });
          if (page.length === 0) break;
          forwardPages.push(revisions(page));
          from = page[page.length - 1]!.revision + 1n;
        }
        expect(forwardPages).toEqual([
          [0, 1, 2, 3],
          [4, 5, 6, 7],
          [8, 9],
        ]);

        expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 3 }))).toEqual([
          9, 8, 7,
        ]);
        expect(
          revisions(
            await store.readStream(stream, { direction: 'backwards', fromRevision: 5n, maxCount: 3 }),
          ),
        ).toEqual([5, 4, 3]);
        expect(
          revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 1n })),
        ).toEqual([1, 0]);
        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(await store.readStream(`${newCategory()}-absent`)).toEqual([]);
      });

      it('reads all events in pages forwards (after) and backwards (before), filtered by category', async () => {
        const courses = newCategory();
        const quizzes = newCategory();
        const start = await store.headPosition();
        for (let n = 0; n < 5; n++) {
          await store.appendToStream(`${courses}-${n % 2}`, [event('CourseEvent', { n })], {
            expectedRevision: 'any',
          });
          await store.appendToStream(`${quizzes}-${n % 2}`, [event('QuizEvent', { n })], {
            expectedRevision: 'any',
          });
        }

        const both = [courses, quizzes];
        const forwards: RecordedEvent[] = [];
        for (let after = start; ;) {
          const page = await store.readAll({ after, maxCount: 3, categories: both });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(3);
          forwards.push(...page);
          after = page[page.length - 1]!.position;
        }
        expect(forwards).toHaveLength(10);
        expectStrictlyIncreasing(forwards.map((e) => e.position));
        expect(forwards.map((e) => e.type)).toEqual(
          Array.from({ length: 5 }, () => ['CourseEvent', 'QuizEvent']).flat(),
        );

        const backwards: RecordedEvent[] = [];
        for (let before: bigint | undefined; ;) {
          const page = await store.readAll({
            direction: 'backwards',
            maxCount: 4,
            categories: both,
            ...(before === undefined ? {} : { before }),
          });
          if (page.length === 0) break;
          backwards.push(...page);
          before = page[page.length - 1]!.position;
        }
        expect(backwards.map((e) => e.id)).toEqual([...forwards].reverse().map((e) => e.id));

        const onlyQuizzes = await store.readAll({ after: start, categories: [quizzes] });
        expect(onlyQuizzes.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
        expect(onlyQuizzes.every((e) => e.streamName.startsWith(`${quizzes}-`))).toBe(true);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up from a checkpoint, then delivers live events, only of the chosen categories', async () => {
        const wanted = newCategory();
        const other = newCategory();
        const first = await store.appendToStream(`${wanted}-1`, [event('W0')], { expectedRevision: 'any' });
        await store.appendToStream(`${other}-1`, [event('O0')], { expectedRevision: 'any' });
        await store.appendToStream(`${wanted}-2`, [event('W1'), event('W2')], { expectedRevision: 'any' });

        const received = new Received();
        const subscription = track(
          store.subscribeToAll({ after: first.position, categories: [wanted], handler: received.handler }),
        );
        await subscription.caughtUp;
        expect(received.types()).toEqual(['W1', 'W2']);

        await store.appendToStream(`${other}-1`, [event('O1')], { expectedRevision: 'any' });
        await store.appendToStream(`${wanted}-1`, [event('W3')], { expectedRevision: 'any' });
        await received.until(3);
        expect(received.types()).toEqual(['W1', 'W2', 'W3']);
        // lastPosition moves once the handler has returned; close waits for that.
        await subscription.close();
        expect(subscription.lastPosition).toBe(received.events[2]!.position);
      });

      it('keeps one global order without gaps under 20 concurrent writers, seen once and in order by a live subscriber', async () => {
        const category = newCategory();
        const start = await store.headPosition();
        const received = new Received();
        const subscription = track(
          store.subscribeToAll({ after: start, categories: [category], handler: received.handler }),
        );
        await subscription.caughtUp;

        const writers = 20;
        const appendsPerWriter = 10;
        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            for (let n = 0; n < appendsPerWriter; n++) {
              await store.appendToStream(`${category}-${writer}`, [event('Step', { writer, n })], {
                expectedRevision: n === 0 ? 'no-stream' : BigInt(n - 1),
              });
            }
          }),
        );
        const total = writers * appendsPerWriter;

        const all = await store.readAll({ after: start, categories: [category] });
        expect(all).toHaveLength(total);
        expectStrictlyIncreasing(all.map((e) => e.position));
        if (options.contiguousPositions) {
          expect(all.map((e) => e.position)).toEqual(
            Array.from({ length: total }, (_, i) => start + 1n + BigInt(i)),
          );
        }
        for (let writer = 0; writer < writers; writer++) {
          const steps = all
            .filter((e) => e.streamName === `${category}-${writer}`)
            .map((e) => (e.data as { n: number }).n);
          expect(steps).toEqual(Array.from({ length: appendsPerWriter }, (_, n) => n));
        }

        await received.until(total);
        expect(received.events.map((e) => e.id)).toEqual(all.map((e) => e.id));
      });

      it('a subscriber that stops mid-way and restarts from its checkpoint sees every event exactly once', async () => {
        const category = newCategory();
        const start = await store.headPosition();
        for (let n = 0; n < 30; n++) {
          await store.appendToStream(`${category}-${n % 3}`, [event('Tick', { n })], {
            expectedRevision: 'any',
          });
        }

        const handled: number[] = [];
        let checkpoint: bigint = start;
        let stopping: Promise<void> | undefined;
        const first: Subscription = store.subscribeToAll({
          after: start,
          categories: [category],
          handler: async (e) => {
            handled.push((e.data as { n: number }).n);
            checkpoint = e.position;
            // A crash after the 10th event: the subscription stops while its handler is still running.
            if (handled.length === 10) stopping = first.close();
          },
        });
        await eventually(() => stopping !== undefined);
        await stopping;
        expect(first.lastPosition).toBe(checkpoint);

        const restartedStore = subject.reopen ? track(await subject.reopen()) : store;
        await restartedStore.appendToStream(`${category}-0`, [event('Tick', { n: 30 })], {
          expectedRevision: 'any',
        });
        const received = new Received();
        const second = track(
          restartedStore.subscribeToAll({
            after: checkpoint,
            categories: [category],
            handler: received.handler,
          }),
        );
        await received.until(31 - handled.length);
        await second.caughtUp;

        const all = [...handled, ...received.events.map((e) => (e.data as { n: number }).n)];
        expect(all).toEqual(Array.from({ length: 31 }, (_, n) => n));
      });

      it('a throwing handler is reported to onError and gets the same event again, never skipping it', async () => {
        const category = newCategory();
        const start = await store.headPosition();
        for (let n = 0; n < 5; n++) {
          await store.appendToStream(`${category}-1`, [event('Tick', { n })], { expectedRevision: 'any' });
        }

        const attemptsOf = new Map<number, number>();
        const errors: Array<{ message: string; attempt: number }> = [];
        const completed = new Received();
        const subscription = track(
          store.subscribeToAll({
            after: start,
            categories: [category],
            handler: async (e) => {
              const n = (e.data as { n: number }).n;
              attemptsOf.set(n, (attemptsOf.get(n) ?? 0) + 1);
              if (n === 2 && attemptsOf.get(n)! <= 2) throw new Error(`handler failed on ${n}`);
              await completed.handler(e);
            },
            onError: (error, attempt) => errors.push({ message: (error as Error).message, attempt }),
          }),
        );

        await completed.until(5);
        await subscription.caughtUp;
        expect(completed.events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
        expect(attemptsOf.get(2)).toBe(3);
        expect([...attemptsOf.entries()].filter(([n]) => n !== 2).every(([, count]) => count === 1)).toBe(
          true,
        );
        expect(errors).toEqual([
          { message: 'handler failed on 2', attempt: 1 },
          { message: 'handler failed on 2', attempt: 2 },
        ]);
        await subscription.close();
        expect(subscription.lastPosition).toBe(completed.events[4]!.position);
      });

      it('close waits for the handler in flight', async () => {
        const category = newCategory();
        const start = await store.headPosition();
        await store.appendToStream(`${category}-1`, [event('Slow')], { expectedRevision: 'any' });

        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let handlerStarted = false;
        let handlerFinished = false;
        const subscription = store.subscribeToAll({
          after: start,
          categories: [category],
          handler: async () => {
            handlerStarted = true;
            await gate;
            handlerFinished = true;
          },
        });
        await eventually(() => handlerStarted);

        const closing = subscription.close().then(() => handlerFinished);
        release();
        expect(await closing).toBe(true);
      });

      if (options.contiguousPositions) {
        it('an empty store has head -1 and a subscription from start catches up at once', async () => {
          if ((await store.headPosition()) !== -1n) throw new Error('this check needs a fresh, empty store');
          const received = new Received();
          const subscription = track(store.subscribeToAll({ after: 'start', handler: received.handler }));
          await subscription.caughtUp;
          expect(received.events).toEqual([]);
          expect(subscription.lastPosition).toBe('start');

          await store.appendToStream(`${newCategory()}-1`, [event('First')], {
            expectedRevision: 'no-stream',
          });
          await received.until(1);
          expect(received.events[0]!.position).toBe(0n);
          expect(await store.headPosition()).toBe(0n);
        });
      }
    });
  });
}

/** A category name unique to one test (categories end at the first '-', so none inside). */
function newCategory(): string {
  return `c${randomBytes(5).toString('hex')}`;
}

function event(type: string, data: unknown = {}, id?: string): NewEvent {
  return id === undefined ? { type, data } : { id, type, data };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

function expectStrictlyIncreasing(positions: bigint[]): void {
  for (let i = 1; i < positions.length; i++) expect(positions[i]! > positions[i - 1]!).toBe(true);
}

/** Collects delivered events; until(n) resolves once n have arrived (the jest timeout bounds the wait). */
class Received {
  readonly events: RecordedEvent[] = [];
  private waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];

  readonly handler = async (event: RecordedEvent): Promise<void> => {
    this.events.push(event);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.ready()) return true;
      waiter.resolve();
      return false;
    });
  };

  types(): string[] {
    return this.events.map((e) => e.type);
  }

  until(count: number): Promise<void> {
    if (this.events.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready: () => this.events.length >= count, resolve }));
  }
}

/** Waits for a condition set by a handler (the jest timeout bounds the wait). */
async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
