import { notificationsTopic, paymentStreamName } from '@quizbook/contracts';
import { openEventStore, type EventStore, type RecordedEvent } from '@quizbook/eventstore';
import { openMessageBus, type Consumer, type Message, type MessageBus } from '@quizbook/messaging';
import type { TestApps } from '@quizbook/testing';
import { publishedCourse, type courseApi, type TestIssuer } from '../../testing/course-test-kit';

/** Listens on the run's memory bus the way the notification app would. */
export async function listenForEmails(
  apps: TestApps,
): Promise<{ received: Message[]; close(): Promise<void> }> {
  const lease = await apps.resources.acquire<MessageBus>('bus memory:', () => openMessageBus('memory:'));
  const received: Message[] = [];
  const consumer: Consumer = await lease.resource.consume({
    topic: notificationsTopic,
    group: 'booking-spec',
    handler: async (message) => {
      received.push(message);
    },
  });
  return {
    received,
    async close() {
      await consumer.close();
      await lease.release();
    },
  };
}

/** Stands in for the payment app: its facts on `payment-<orderId>`, under ids derived from Stripe's. */
export function paymentFacts(store: EventStore, orderId: string) {
  const append = (id: string, type: string, data: object) =>
    store.appendToStream(paymentStreamName(orderId), [{ id, type, data }], { expectedRevision: 'any' });
  const sessionId = `cs_${orderId}`;
  return {
    sessionId,
    opened: (learnerId: string) =>
      append(uuidOf(`${orderId}:opened`), 'CheckoutSessionOpened', {
        orderId,
        sessionId,
        url: `https://checkout.example/${sessionId}`,
        expiresAt: '2031-01-01T00:00:00.000Z',
        amountCents: 4900,
        currency: 'EUR',
        learnerId,
        learnerEmail: `${learnerId}@example.com`,
      }),
    received: (stripeEventId = `evt_paid_${orderId}`) =>
      append(uuidOf(stripeEventId), 'PaymentReceived', {
        orderId,
        sessionId,
        amountCents: 4900,
        currency: 'EUR',
        stripeEventId,
      }),
    failed: () =>
      append(uuidOf(`evt_failed_${orderId}`), 'PaymentFailed', {
        orderId,
        sessionId,
        stripeEventId: `evt_failed_${orderId}`,
        reason: 'card declined',
      }),
    refunded: () =>
      append(uuidOf(`evt_refund_${orderId}`), 'PaymentRefunded', {
        orderId,
        amountCents: 4900,
        currency: 'EUR',
        stripeEventId: `evt_refund_${orderId}`,
      }),
    expired: () =>
      append(uuidOf(`evt_expired_${orderId}`), 'CheckoutExpired', {
        orderId,
        sessionId,
        stripeEventId: `evt_expired_${orderId}`,
      }),
  };
}

let counter = 0;
/** Distinct UUIDs per name within a run; the store only needs them unique and stable per fact. */
const uuids = new Map<string, string>();
function uuidOf(name: string): string {
  let id = uuids.get(name);
  if (!id) {
    counter += 1;
    id = `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
    uuids.set(name, id);
  }
  return id;
}

/** Courses published by an instructor and one order for all of them, awaiting payment. */
export async function orderAwaitingPayment(
  call: ReturnType<typeof courseApi>,
  issuer: TestIssuer,
  learnerId: string,
  courseCount: number,
): Promise<{ orderId: string; courseIds: string[] }> {
  const instructor = issuer.tokenFor('instructor-1', ['learner', 'instructor']);
  const learner = issuer.tokenFor(learnerId, ['learner']);
  const courseIds: string[] = [];
  for (let i = 0; i < courseCount; i++) {
    const courseId = await publishedCourse(call, instructor, { title: `Course ${i + 1}` });
    courseIds.push(courseId);
    await call('POST', '/cart/items', { token: learner, body: { courseId } });
  }
  const placed = await call<{ orderId: string; status: string }>('POST', '/orders', { token: learner });
  if (placed.status !== 201) throw new Error(`order failed: ${placed.status} ${JSON.stringify(placed.body)}`);
  return { orderId: placed.body.orderId, courseIds };
}

export const ofType = (events: RecordedEvent[], type: string) =>
  events.filter((event) => event.type === type);

export { openEventStore };
