import type { CourseServices } from '../../course-services';
import { OrderTransitionRefusedError } from '../../domain/order/order-errors';
import { releaseReasonOf, releaseSeats } from '../../seats/order-seats';
import { placementKey } from '../place-order/complete-placement';

/**
 * A hold ran out: the unpaid order expires, then its seats go back. An order that ended otherwise
 * meanwhile releases under its own reason; a paid one keeps its seats (the payment confirms them).
 */
export async function expireOrder(services: CourseServices, orderId: string): Promise<void> {
  await services.mutex.run(placementKey(orderId), async () => {
    let status;
    try {
      const handled = await services.orders.handle(
        orderId,
        { type: 'ExpireOrder', orderId },
        { eventName: (event) => `${orderId}:${event.type}` },
      );
      status = handled.state.status;
    } catch (error) {
      if (!(error instanceof OrderTransitionRefusedError)) throw error;
      status = error.from;
    }
    const reason = status === 'absent' ? undefined : releaseReasonOf[status];
    if (!reason) return;
    const { state } = await services.orders.load(orderId);
    await releaseSeats(services.courses, { orderId, lines: state.lines }, reason);
  });
}
