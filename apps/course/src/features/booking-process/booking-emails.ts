import {
  BookingConfirmedEmailRequested,
  CheckoutSessionOpened,
  paymentStreamName,
  type OrderLine,
} from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import type { OutgoingMessage } from '@quizbook/messaging';

/**
 * One id per order, not per payment event: an order is paid once, and a resumed step or a second
 * event for the same session republishes the same id, which the notification app drops.
 */
export const bookingConfirmedMessageId = (orderId: string) => `booking-confirmed-${orderId}`;

/**
 * The address the learner checked out with lives in the payment stream (read through the event
 * store, never the payment tables); without one, the notification app resolves the learner id.
 */
async function checkoutEmailOf(
  eventStore: EventStore,
  orderId: string,
  sessionId: string,
): Promise<string | undefined> {
  const events = await eventStore.readStream(paymentStreamName(orderId));
  for (const event of events) {
    if (event.type !== CheckoutSessionOpened.type) continue;
    const opened = CheckoutSessionOpened.parse(event.data);
    if (opened.sessionId === sessionId) return opened.learnerEmail;
  }
  return undefined;
}

export async function bookingConfirmedEmail(
  eventStore: EventStore,
  order: { orderId: string; learnerId: string; sessionId: string; lines: readonly OrderLine[] },
): Promise<OutgoingMessage> {
  const email = await checkoutEmailOf(eventStore, order.orderId, order.sessionId);
  const built = BookingConfirmedEmailRequested.create({
    orderId: order.orderId,
    learnerId: order.learnerId,
    ...(email ? { email } : {}),
    courses: order.lines.map((line) => ({ courseId: line.courseId, title: line.title })),
  });
  return {
    id: bookingConfirmedMessageId(order.orderId),
    type: built.type,
    key: order.learnerId,
    payload: built.data,
  };
}
