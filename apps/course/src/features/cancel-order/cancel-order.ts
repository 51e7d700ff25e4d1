import type { OrderStatus } from '@quizbook/contracts';
import type { CourseServices } from '../../course-services';
import { releaseSeats } from '../../seats/order-seats';
import { placementKey } from '../place-order/complete-placement';

/**
 * The order is cancelled first and the seats released after: a crash in between leaves a cancelled
 * order whose seats the process manager releases, never a live order without its seats.
 */
export async function cancelOrder(
  services: CourseServices,
  orderId: string,
): Promise<{ orderId: string; status: OrderStatus }> {
  return services.mutex.run(placementKey(orderId), async () => {
    const handled = await services.orders.handle(
      orderId,
      { type: 'CancelOrder', orderId },
      { eventName: (event) => `${orderId}:${event.type}` },
    );
    await releaseSeats(services.courses, { orderId, lines: handled.state.lines }, 'cancelled');
    return { orderId, status: handled.state.status as OrderStatus };
  });
}
