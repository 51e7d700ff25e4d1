import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { courseStreamName, orderStreamName } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import type { TestApps } from '@quizbook/testing';
import { deterministicId } from '@quizbook/eventstore';
import { inCourseOrder } from '../../seats/order-seats';
import {
  courseApi,
  eventually,
  readStreamOf,
  startCourseApp,
  TestIssuer,
} from '../../testing/course-test-kit';
import {
  listenForEmails,
  ofType,
  openEventStore,
  orderAwaitingPayment,
  paymentFacts,
} from './booking-test-kit';

describe('the booking process after a crash', () => {
  const issuer = new TestIssuer();
  let dir: string;
  let jwksUrl: string;
  let apps: TestApps | undefined;
  let emails: Awaited<ReturnType<typeof listenForEmails>> | undefined;
  const call = courseApi(() => apps!.url);
  const env = () => ({
    EVENT_STORE_URL: `sqlite:${path.join(dir, 'events.db')}`,
    READ_DB_URL: `sqlite:${path.join(dir, 'read.db')}`,
  });
  const start = async () => {
    apps = await startCourseApp(jwksUrl, { env: env() });
    emails = await listenForEmails(apps);
  };
  const stop = async () => {
    await emails?.close();
    await apps?.close();
    emails = undefined;
    apps = undefined;
  };
  const withStore = async <T>(work: (store: EventStore) => Promise<T>): Promise<T> => {
    const store = await openEventStore(env().EVENT_STORE_URL);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  const confirmations = (orderId: string) =>
    emails!.received.filter(
      (message) =>
        message.type === 'BookingConfirmedEmailRequested' &&
        (message.payload as { orderId: string }).orderId === orderId,
    );
  const expectBookedOnce = async (orderId: string, courseIds: string[]) => {
    await eventually(
      async () => confirmations(orderId).length,
      (count) => count > 0,
      'the confirmation email request',
    );
    const order = await readStreamOf(env().EVENT_STORE_URL, orderStreamName(orderId));
    expect(ofType(order, 'OrderPaid')).toHaveLength(1);
    for (const courseId of courseIds) {
      const course = await readStreamOf(env().EVENT_STORE_URL, courseStreamName(courseId));
      expect(ofType(course, 'SeatConfirmed')).toHaveLength(1);
    }
    expect(confirmations(orderId)).toHaveLength(1);
  };

  beforeAll(async () => {
    jwksUrl = await issuer.start();
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quizbook-booking-crash-'));
  });
  afterEach(async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  });
  afterAll(() => issuer.close());

  it('finishes a booking the process died in, between paying the order and the second seat', async () => {
    await start();
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-1', 2);
    await stop();

    // What the process had done when it died: the order paid, the first seat confirmed, no email,
    // the checkpoint not moved. Appended under the names the process gives these effects.
    const [first] = inCourseOrder(
      courseIds.map((courseId) => ({ courseId, title: 't', priceCents: 0, currency: 'EUR' })),
    );
    await withStore(async (store) => {
      const payment = paymentFacts(store, orderId);
      await payment.opened('learner-1');
      await payment.received();
      await store.appendToStream(
        orderStreamName(orderId),
        [
          {
            id: deterministicId(`${orderId}:OrderPaid`),
            type: 'OrderPaid',
            data: { orderId, paymentReference: payment.sessionId },
          },
        ],
        { expectedRevision: 'any' },
      );
      await store.appendToStream(
        courseStreamName(first!.courseId),
        [
          {
            id: deterministicId(`${orderId}:confirm:${first!.courseId}`),
            type: 'SeatConfirmed',
            data: { courseId: first!.courseId, orderId, learnerId: 'learner-1' },
          },
        ],
        { expectedRevision: 'any' },
      );
    });

    await start();
    await expectBookedOnce(orderId, courseIds);
  });

  it('publishes the email once after the bus failed right after the seats were confirmed', async () => {
    await start();
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-2', 2);
    const lease = await apps!.resources.acquire<MessageBus>('bus memory:', () =>
      Promise.reject(new Error('the app holds the bus')),
    );
    const bus = lease.resource;
    const publish = bus.publish.bind(bus);
    let failures = 0;
    bus.publish = async (topic, messages) => {
      if (failures === 0) {
        failures += 1;
        throw new Error('bus unreachable');
      }
      return publish(topic, messages);
    };
    await withStore(async (store) => {
      const payment = paymentFacts(store, orderId);
      await payment.opened('learner-2');
      await payment.received();
    });
    await expectBookedOnce(orderId, courseIds);
    expect(failures).toBe(1);
    await lease.release();
  });
});
