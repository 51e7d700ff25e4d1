import path from 'node:path';
import { courseStreamName, orderStreamName } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { startTestApp, type TestApps } from '@quizbook/testing';
// The enrollment read model is the projection app's: booting it beside this one checks the whole
// path from a payment to a listed enrollment; production code never imports it.
import { projectionApp } from '../../../../projection/src/projection.app';
import { createCourseApp } from '../../course.app';
import { courseApi, eventually, readStreamOf, TestIssuer } from '../../testing/course-test-kit';
import {
  listenForEmails,
  ofType,
  openEventStore,
  orderAwaitingPayment,
  paymentFacts,
} from './booking-test-kit';

describe('the booking process manager', () => {
  const issuer = new TestIssuer();
  let apps: TestApps;
  let writer: EventStore;
  let emails: Awaited<ReturnType<typeof listenForEmails>>;
  const call = courseApi(() => apps.urls.course!);
  const read = courseApi(() => apps.urls.projection!);
  const storeUrl = () => `sqlite:${path.join(apps.dir, 'events.db')}`;

  beforeAll(async () => {
    const jwksUrl = await issuer.start();
    apps = await startTestApp([createCourseApp({ timerPollMs: 20 }), projectionApp], {
      env: { USER_SERVICE_URL: jwksUrl, LOG_LEVEL: 'warn' },
    });
    writer = await openEventStore(storeUrl());
    emails = await listenForEmails(apps);
  });
  afterAll(async () => {
    await emails?.close();
    await writer?.close();
    await apps?.close();
    await issuer.close();
  });

  const orderStatus = async (orderId: string, learnerId: string) =>
    (
      await call<{ status: string }>('GET', `/orders/${orderId}`, {
        token: issuer.tokenFor(learnerId, ['learner']),
      })
    ).body.status;
  const untilStatus = (orderId: string, learnerId: string, status: string) =>
    eventually(
      () => orderStatus(orderId, learnerId),
      (now) => now === status,
      `order ${orderId} ${status}`,
    );
  const courseEvents = (courseId: string) => readStreamOf(storeUrl(), courseStreamName(courseId));
  const enrollmentsOf = (learnerId: string) =>
    read<{ items: { courseId: string; status: string; orderId: string }[] }>('GET', '/read/enrollments', {
      token: issuer.tokenFor(learnerId, ['learner']),
    });
  const confirmations = (orderId: string) =>
    emails.received.filter(
      (message) =>
        message.type === 'BookingConfirmedEmailRequested' &&
        (message.payload as { orderId: string }).orderId === orderId,
    );
  /** The process handles payment events in order: once a later order is paid, earlier ones are done. */
  const settle = async () => {
    const { orderId } = await orderAwaitingPayment(call, issuer, `marker-${Date.now()}`, 1);
    const marker = paymentFacts(writer, orderId);
    await marker.received();
    await eventually(
      async () => confirmations(orderId).length,
      (count) => count > 0,
      'the marker order to be confirmed',
    );
  };

  it('pays the order, confirms a seat in every course, lists the enrollments and asks for one email', async () => {
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-paid', 2);
    const payment = paymentFacts(writer, orderId);
    await payment.opened('learner-paid');
    await payment.received();

    await untilStatus(orderId, 'learner-paid', 'paid');
    const enrolled = await eventually(
      () => enrollmentsOf('learner-paid'),
      (answer) => answer.body.items?.length === 2,
      'both enrollments',
    );
    expect(enrolled.body.items.map((item) => [item.courseId, item.status, item.orderId]).sort()).toEqual(
      courseIds.map((courseId) => [courseId, 'active', orderId]).sort(),
    );
    for (const courseId of courseIds)
      expect(ofType(await courseEvents(courseId), 'SeatConfirmed')).toHaveLength(1);
    const detail = await eventually(
      () => call('GET', `/courses/${courseIds[0]}`, { token: issuer.tokenFor('learner-paid', ['learner']) }),
      (answer) => answer.body.enrollment !== undefined,
      'the enrollment on the course detail',
    );
    expect(detail.body.enrollment).toEqual({ orderId, status: 'active' });
    const someoneElse = await call('GET', `/courses/${courseIds[0]}`, {
      token: issuer.tokenFor('learner-other', ['learner']),
    });
    expect(someoneElse.body.enrollment).toBeUndefined();
    await settle();
    expect(confirmations(orderId)).toHaveLength(1);
    // The email lists the courses in the order's line order, which follows the cart, not the ids.
    expect(confirmations(orderId)[0]!.payload).toEqual({
      orderId,
      learnerId: 'learner-paid',
      email: 'learner-paid@example.com',
      courses: expect.arrayContaining([
        { courseId: courseIds[0], title: 'Course 1' },
        { courseId: courseIds[1], title: 'Course 2' },
      ]),
    });
    expect((confirmations(orderId)[0]!.payload as { courses: unknown[] }).courses).toHaveLength(2);
  });

  it('leaves a failed payment awaiting payment, so another checkout still pays it', async () => {
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-failed', 1);
    const payment = paymentFacts(writer, orderId);
    await payment.opened('learner-failed');
    await payment.failed();
    await settle();
    expect(await orderStatus(orderId, 'learner-failed')).toBe('awaiting-payment');
    expect(ofType(await courseEvents(courseIds[0]!), 'SeatConfirmed')).toHaveLength(0);
    // The payment app emails about the failure; this process must not double it.
    expect(emails.received.filter((message) => message.type === 'PaymentFailedEmailRequested')).toEqual([]);

    await payment.received();
    await untilStatus(orderId, 'learner-failed', 'paid');
  });

  it('revokes the enrollment and releases the seat on a refund', async () => {
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-refunded', 1);
    const courseId = courseIds[0]!;
    const payment = paymentFacts(writer, orderId);
    await payment.opened('learner-refunded');
    await payment.received();
    await untilStatus(orderId, 'learner-refunded', 'paid');
    await payment.refunded();

    await untilStatus(orderId, 'learner-refunded', 'refunded');
    const revoked = await eventually(
      () => enrollmentsOf('learner-refunded'),
      (answer) => answer.body.items?.[0]?.status === 'revoked',
      'the enrollment revoked',
    );
    expect(revoked.body.items).toHaveLength(1);
    const released = await eventually(
      () => courseEvents(courseId),
      (events) => ofType(events, 'SeatReleased').length > 0,
      'the seat released',
    );
    expect(ofType(released, 'SeatReleased').map((event) => event.data)).toEqual([
      { courseId, orderId, learnerId: 'learner-refunded', reason: 'refunded' },
    ]);
  });

  it('releases the seats when the checkout expires unpaid', async () => {
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-expired', 1);
    const payment = paymentFacts(writer, orderId);
    await payment.opened('learner-expired');
    await payment.expired();
    await untilStatus(orderId, 'learner-expired', 'expired');
    const released = await eventually(
      () => courseEvents(courseIds[0]!),
      (events) => ofType(events, 'SeatReleased').length > 0,
      'the seat released',
    );
    expect(ofType(released, 'SeatReleased')[0]!.data).toMatchObject({ reason: 'expired' });
  });

  it('applies duplicate payment events once', async () => {
    const { orderId, courseIds } = await orderAwaitingPayment(call, issuer, 'learner-twice', 2);
    const payment = paymentFacts(writer, orderId);
    await payment.opened('learner-twice');
    // Two facts for one session (a redelivery the payment app recorded anew): the store's own
    // same-id dedup is covered by its contract suite.
    await payment.received('evt_first');
    await payment.received('evt_redelivered_as_new');
    await untilStatus(orderId, 'learner-twice', 'paid');
    await settle();

    const order = await readStreamOf(storeUrl(), orderStreamName(orderId));
    expect(ofType(order, 'OrderPaid')).toHaveLength(1);
    for (const courseId of courseIds)
      expect(ofType(await courseEvents(courseId), 'SeatConfirmed')).toHaveLength(1);
    // Republished under the same id at most: the notification app sends one email per id.
    expect(new Set(confirmations(orderId).map((message) => message.id)).size).toBe(1);
  });
});
