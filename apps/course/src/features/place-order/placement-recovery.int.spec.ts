import { randomUUID } from 'node:crypto';
import { courseStreamName, orderStreamName, type OrderLine } from '@quizbook/contracts';
import { openEventStore, type EventStore } from '@quizbook/eventstore';
import type { TestApps } from '@quizbook/testing';
import {
  courseApi,
  eventStoreUrlOf,
  eventually,
  publishedCourse,
  startCourseApp,
  TestClock,
  TestIssuer,
} from '../../testing/course-test-kit';

/**
 * A process that died half-way through a placement (or a cancellation) leaves events behind; these
 * specs write those events directly, as the dead process would have, and watch the process manager
 * finish the work without doubling any of it.
 */
describe('the process manager completes or compensates placements that stopped half-way', () => {
  const issuer = new TestIssuer();
  const clock = new TestClock();
  let apps: TestApps;
  let store: EventStore;
  const call = courseApi(() => apps.url);
  const instructor = issuer.tokenFor('instructor-1', ['learner', 'instructor']);
  const admin = issuer.tokenFor('admin-1', ['admin']);
  const stalledAfterMs = 60_000;

  beforeAll(async () => {
    apps = await startCourseApp(await issuer.start(), {
      clock: clock.now,
      stalledPlacementAfterMs: stalledAfterMs,
    });
    store = await openEventStore(eventStoreUrlOf(apps));
  });
  afterAll(async () => {
    await store?.close();
    await apps?.close();
    await issuer.close();
  });

  const lineOf = (courseId: string): OrderLine => ({
    courseId,
    title: 'Event sourcing in practice',
    priceCents: 4900,
    currency: 'EUR',
  });
  const initiate = async (learnerId: string, courseIds: string[]) => {
    const orderId = randomUUID();
    const lines = courseIds.map(lineOf);
    await store.appendToStream(
      orderStreamName(orderId),
      [
        {
          type: 'OrderInitiated',
          data: { orderId, learnerId, lines, totalCents: 4900 * lines.length, currency: 'EUR' },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    return orderId;
  };
  const reserveDirectly = async (courseId: string, orderId: string, learnerId: string) => {
    const current = await store.readStream(courseStreamName(courseId));
    await store.appendToStream(
      courseStreamName(courseId),
      [
        {
          type: 'SeatReserved',
          data: {
            courseId,
            orderId,
            learnerId,
            expiresAt: new Date(clock.now().getTime() + 1_800_000).toISOString(),
          },
        },
      ],
      { expectedRevision: current.at(-1)!.revision },
    );
  };
  const statusOf = async (orderId: string) =>
    (await call('GET', `/orders/${orderId}`, { token: admin })).body.status;
  const settled = (orderId: string, status: string) =>
    eventually(
      () => statusOf(orderId),
      (current) => current === status,
      `order ${orderId} to become ${status}`,
    );
  const seatEvents = async (courseId: string, orderId: string) =>
    (await store.readStream(courseStreamName(courseId)))
      .filter((event) => (event.data as { orderId?: string }).orderId === orderId)
      .map((event) => event.type);

  it('reserves every seat of an order left initiated, once it is stalled', async () => {
    const a = await publishedCourse(call, instructor);
    const b = await publishedCourse(call, instructor);
    const orderId = await initiate('learner-1', [a, b]);
    clock.advance(stalledAfterMs + 1_000);
    await settled(orderId, 'awaiting-payment');
    expect(await seatEvents(a, orderId)).toEqual(['SeatReserved']);
    expect(await seatEvents(b, orderId)).toEqual(['SeatReserved']);
  });

  it('reserves only the seats still missing when the placement died between two reservations', async () => {
    const a = await publishedCourse(call, instructor);
    const b = await publishedCourse(call, instructor);
    const orderId = await initiate('learner-2', [a, b]);
    await reserveDirectly(a, orderId, 'learner-2');
    clock.advance(stalledAfterMs + 1_000);
    await settled(orderId, 'awaiting-payment');
    expect(await seatEvents(a, orderId)).toEqual(['SeatReserved']);
    expect(await seatEvents(b, orderId)).toEqual(['SeatReserved']);
  });

  it('rejects and gives back the seats taken when a remaining course is full', async () => {
    const open = await publishedCourse(call, instructor);
    const full = await publishedCourse(call, instructor, { capacity: 1 });
    const rival = issuer.tokenFor('rival', ['learner']);
    await call('POST', '/cart/items', { token: rival, body: { courseId: full } });
    expect((await call('POST', '/orders', { token: rival })).status).toBe(201);

    const orderId = await initiate('learner-3', [open, full]);
    await reserveDirectly(open, orderId, 'learner-3');
    clock.advance(stalledAfterMs + 1_000);
    await settled(orderId, 'rejected');
    await eventually(
      () => seatEvents(open, orderId),
      (types) => types.length === 2,
      'the seat to be released',
    );
    expect(await seatEvents(open, orderId)).toEqual(['SeatReserved', 'SeatReleased']);
    expect(await seatEvents(full, orderId)).toEqual([]);
  });

  it('releases the seats of an order cancelled by a process that died before releasing them', async () => {
    const courseId = await publishedCourse(call, instructor);
    const learner = issuer.tokenFor('learner-4', ['learner']);
    await call('POST', '/cart/items', { token: learner, body: { courseId } });
    const { body } = await call<{ orderId: string }>('POST', '/orders', { token: learner });
    const order = await store.readStream(orderStreamName(body.orderId));
    await store.appendToStream(
      orderStreamName(body.orderId),
      [{ type: 'OrderCancelled', data: { orderId: body.orderId } }],
      { expectedRevision: order.at(-1)!.revision },
    );
    await eventually(
      () => seatEvents(courseId, body.orderId),
      (types) => types.includes('SeatReleased'),
      'the seat of the cancelled order to be released',
    );
    expect(await seatEvents(courseId, body.orderId)).toEqual(['SeatReserved', 'SeatReleased']);
  });
});
