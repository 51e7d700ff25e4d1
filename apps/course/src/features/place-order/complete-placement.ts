import type { OrderStatus } from '@quizbook/contracts';
import {
  CourseFullError,
  CourseNotFoundError,
  CourseNotOpenError,
  SeatAlreadyHeldError,
  type CourseError,
} from '../../domain/course/course-errors';
import { OrderNotFoundError, OrderTransitionRefusedError } from '../../domain/order/order-errors';
import type { OrderState } from '../../domain/order/order.decider';
import type { CourseServices } from '../../course-services';
import { releaseReasonOf, releaseSeats, reserveSeats } from '../../seats/order-seats';

export interface PlacementOutcome {
  orderId: string;
  status: OrderStatus;
  /** Why the order was rejected: a problem slug, and the course that refused. */
  rejection?: { reason: string; courseId?: string };
}

export function rejectionReasonOf(error: CourseError): string {
  if (error instanceof CourseFullError) return 'course-full';
  if (error instanceof CourseNotOpenError) return 'course-not-open';
  if (error instanceof SeatAlreadyHeldError) return 'seat-already-held';
  if (error instanceof CourseNotFoundError) return 'course-not-found';
  return 'seat-refused';
}

/**
 * Takes an order from wherever its placement stopped to a settled state: an initiated order gets
 * all its seats and awaits payment, or is rejected and gives back the seats it took; an order that
 * ended (rejected, cancelled, expired) gives back any seat still held. Every step is a no-op when
 * done already, and named events make a repeated append record nothing, so the HTTP handler and
 * the process manager may both run it for one order.
 */
export async function completePlacement(
  services: CourseServices,
  orderId: string,
): Promise<PlacementOutcome> {
  return services.mutex.run(placementKey(orderId), () => settle(services, orderId));
}

/** Placement, cancellation and expiry of one order queue on this key, so they never interleave. */
export const placementKey = (orderId: string) => `placement:${orderId}`;

async function settle(services: CourseServices, orderId: string): Promise<PlacementOutcome> {
  const loaded = await services.orders.load(orderId);
  const order = loaded.state;
  if (order.status === 'absent') throw new OrderNotFoundError(orderId);
  if (order.status === 'initiated') {
    // A resumed placement holds its remaining seats from now; seats already held keep their expiry
    // (the decider decides nothing for them), so a retried step never records a second hold.
    const holdUntil = new Date(services.clock().getTime() + services.seatHoldMs);
    const refusal = await reserveSeats(services.courses, seatOwner(order, orderId), holdUntil);
    if (refusal) {
      const rejection = { reason: rejectionReasonOf(refusal.error), courseId: refusal.courseId };
      const status = await moveOrder(services, orderId, {
        type: 'RejectOrder',
        orderId,
        ...rejection,
      });
      await releaseSeats(
        services.courses,
        { orderId, lines: order.lines },
        releaseReasonOf[status] ?? 'rejected',
      );
      return { orderId, status, ...(status === 'rejected' ? { rejection } : {}) };
    }
    const status = await moveOrder(services, orderId, {
      type: 'AwaitPayment',
      orderId,
      seatsHeldUntil: holdUntil.toISOString(),
    });
    const reason = releaseReasonOf[status];
    if (reason) await releaseSeats(services.courses, { orderId, lines: order.lines }, reason);
    return { orderId, status };
  }
  const reason = releaseReasonOf[order.status];
  if (reason) await releaseSeats(services.courses, { orderId, lines: order.lines }, reason);
  return { orderId, status: order.status, ...(order.rejection ? { rejection: order.rejection } : {}) };
}

/** Applies the step; when the order moved elsewhere meanwhile (cancelled), answers where it is. */
async function moveOrder(
  services: CourseServices,
  orderId: string,
  command: Parameters<CourseServices['orders']['handle']>[1],
): Promise<OrderStatus> {
  try {
    const handled = await services.orders.handle(orderId, command, {
      eventName: (event) => `${orderId}:${event.type}`,
    });
    return handled.state.status as OrderStatus;
  } catch (error) {
    if (error instanceof OrderTransitionRefusedError) return error.from;
    throw error;
  }
}

const seatOwner = (order: OrderState, orderId: string) => ({
  orderId,
  learnerId: order.learnerId!,
  lines: order.lines,
});
