import type { OrderLine, OrderStatus, SeatReleaseReason } from '@quizbook/contracts';
import { CourseError, SeatAlreadyConfirmedError } from '../domain/course/course-errors';
import type { CourseStreams } from '../streams/course-streams';

/** Reservation order is fixed (by course id), so two orders for the same courses queue the same way. */
export const inCourseOrder = (lines: readonly OrderLine[]): OrderLine[] =>
  [...lines].sort((a, b) => (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : 0));

export interface SeatRefusal {
  courseId: string;
  error: CourseError;
}

/**
 * Holds a seat on every line, or stops at the first refusal and says which. Seats taken before the
 * refusal stay held: the caller records the rejection first and releases after, so a crash in
 * between leaves a rejected order whose seats the process manager still releases.
 */
export async function reserveSeats(
  courses: CourseStreams,
  order: { orderId: string; learnerId: string; lines: readonly OrderLine[] },
  expiresAt: Date,
): Promise<SeatRefusal | undefined> {
  for (const line of inCourseOrder(order.lines)) {
    try {
      await courses.handle(
        line.courseId,
        {
          type: 'ReserveSeat',
          courseId: line.courseId,
          orderId: order.orderId,
          learnerId: order.learnerId,
          expiresAt: expiresAt.toISOString(),
        },
        { eventName: () => `${order.orderId}:reserve:${line.courseId}` },
      );
    } catch (error) {
      if (error instanceof CourseError) return { courseId: line.courseId, error };
      throw error;
    }
  }
  return undefined;
}

export const releaseReasonOf: Partial<Record<OrderStatus, SeatReleaseReason>> = {
  cancelled: 'cancelled',
  expired: 'expired',
  rejected: 'rejected',
  refunded: 'refunded',
};

/** Lets go of every seat the order holds; lines without one are skipped, so it is safe to repeat. */
export async function releaseSeats(
  courses: CourseStreams,
  order: { orderId: string; lines: readonly OrderLine[] },
  reason: SeatReleaseReason,
): Promise<void> {
  for (const line of inCourseOrder(order.lines)) {
    try {
      await courses.handle(
        line.courseId,
        { type: 'ReleaseSeat', courseId: line.courseId, orderId: order.orderId, reason },
        { eventName: () => `${order.orderId}:release:${line.courseId}` },
      );
    } catch (error) {
      // A paid seat stays paid; only a refund lets it go.
      if (!(error instanceof SeatAlreadyConfirmedError)) throw error;
    }
  }
}
