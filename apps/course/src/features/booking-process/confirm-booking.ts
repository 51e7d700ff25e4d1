import { notificationsTopic, type PaymentReceivedData } from '@quizbook/contracts';
import type { MessageBus } from '@quizbook/messaging';
import type { CourseServices } from '../../course-services';
import { SeatNotHeldError } from '../../domain/course/course-errors';
import { OrderTransitionRefusedError } from '../../domain/order/order-errors';
import { inCourseOrder } from '../../seats/order-seats';
import { placementKey } from '../place-order/complete-placement';
import { bookingConfirmedEmail } from './booking-emails';

export type BookingOutcome = 'done' | { refused: string };

/**
 * Paid: the order first, then each seat (the enrollment), then the email. Each step is named, and a
 * step already taken decides nothing, so a crash between any two resumes without doubling one.
 * The order goes first so that expiry (which refuses a paid order) can no longer take the seats.
 */
export async function confirmBooking(
  services: CourseServices,
  bus: MessageBus,
  payment: PaymentReceivedData,
): Promise<BookingOutcome> {
  const { orderId } = payment;
  return services.mutex.run(placementKey(orderId), async () => {
    const loaded = await services.orders.load(orderId);
    if (loaded.state.status === 'absent') return { refused: 'order-not-found' };
    let paidBy: string | undefined;
    try {
      const handled = await services.orders.handle(
        orderId,
        { type: 'MarkOrderPaid', orderId, paymentReference: payment.sessionId },
        { eventName: (event) => `${orderId}:${event.type}` },
      );
      paidBy = handled.state.paymentReference;
    } catch (error) {
      if (error instanceof OrderTransitionRefusedError) return { refused: `order-${error.from}` };
      throw error;
    }
    // Paid already through another session: not this booking's confirmation (payment refunds it).
    if (paidBy !== payment.sessionId) return { refused: `order-paid-by:${paidBy}` };
    const { lines, learnerId } = loaded.state;
    for (const line of inCourseOrder(lines)) {
      try {
        await services.courses.handle(
          line.courseId,
          { type: 'ConfirmSeat', courseId: line.courseId, orderId },
          { eventName: () => `${orderId}:confirm:${line.courseId}` },
        );
      } catch (error) {
        // Unreachable while expiry refuses paid orders; retrying could never succeed, so say it.
        if (error instanceof SeatNotHeldError) return { refused: `seat-not-held:${line.courseId}` };
        throw error;
      }
    }
    const message = await bookingConfirmedEmail(services.eventStore, {
      orderId,
      learnerId: learnerId!,
      sessionId: payment.sessionId,
      lines,
    });
    await bus.publish(notificationsTopic, message);
    return 'done';
  });
}
