import type { PaymentRefundedData } from '@quizbook/contracts';
import type { CourseServices } from '../../course-services';
import { OrderTransitionRefusedError } from '../../domain/order/order-errors';
import { releaseSeats } from '../../seats/order-seats';
import { placementKey } from '../place-order/complete-placement';
import type { BookingOutcome } from './confirm-booking';

/**
 * Refunded: the order first, then its seats (the enrollments are revoked). The payment app emails
 * the learner about the refund itself, so nothing is published here.
 */
export async function revokeBooking(
  services: CourseServices,
  refund: PaymentRefundedData,
): Promise<BookingOutcome> {
  const { orderId } = refund;
  return services.mutex.run(placementKey(orderId), async () => {
    const loaded = await services.orders.load(orderId);
    if (loaded.state.status === 'absent') return { refused: 'order-not-found' };
    try {
      await services.orders.handle(
        orderId,
        { type: 'RefundOrder', orderId },
        { eventName: (event) => `${orderId}:${event.type}` },
      );
    } catch (error) {
      if (error instanceof OrderTransitionRefusedError) return { refused: `order-${error.from}` };
      throw error;
    }
    await releaseSeats(services.courses, { orderId, lines: loaded.state.lines }, 'refunded');
    return 'done';
  });
}
