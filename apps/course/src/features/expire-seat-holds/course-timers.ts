import { forEachUntilClosing, startPollingLoop, type PollingLoop } from '@quizbook/platform';
import type { Kysely } from 'kysely';
import type { CourseServices } from '../../course-services';
import type { OrderListTables } from '../list-orders/order-list.projection';
import { completePlacement } from '../place-order/complete-placement';
import { expireOrder } from './expire-order';
import type { SeatHoldTables } from './seat-holds.projection';

export interface CourseTimerOptions {
  /** Pause between two rounds. */
  pollMs: number;
  /** An order still `initiated` this long after it was placed is taken as abandoned half-way. */
  stalledAfterMs: number;
  onError: (error: unknown, orderId: string) => void;
}

export type CourseTimers = PollingLoop;

const batch = 100;

/**
 * The process manager's clock. Its durable state is the two checkpointed read models fed from the
 * course and order streams, so whatever was due before a restart is found after it:
 * - holds past their expiry: the order expires and its seats go back;
 * - placements left `initiated` (the placing process died): reserve the rest or reject and release;
 * - seats still held by orders that ended (died between ending the order and releasing): release.
 * Every action is idempotent, so two instances, or a round repeated before the read models caught
 * up, change nothing twice.
 */
export function startCourseTimers(services: CourseServices, options: CourseTimerOptions): CourseTimers {
  const db = services.readDb.db as Kysely<SeatHoldTables & OrderListTables>;

  const round = async (closing: () => boolean) => {
    const now = services.clock();
    const due = await db
      .selectFrom('course_seat_holds')
      .select('order_id')
      .distinct()
      .where('expires_at', '<=', now.toISOString())
      .limit(batch)
      .execute();
    await forEachUntilClosing(
      due.map((row) => row.order_id),
      closing,
      (orderId) => expireOrder(services, orderId),
      options.onError,
    );
    const stalled = await db
      .selectFrom('course_orders')
      .select('order_id')
      .where('status', '=', 'initiated')
      .where('created_at', '<=', new Date(now.getTime() - options.stalledAfterMs).toISOString())
      .limit(batch)
      .execute();
    const orphaned = await db
      .selectFrom('course_seat_holds')
      .innerJoin('course_orders', 'course_orders.order_id', 'course_seat_holds.order_id')
      .select('course_seat_holds.order_id')
      .distinct()
      .where('course_orders.status', 'in', ['cancelled', 'expired', 'rejected', 'refunded'])
      .limit(batch)
      .execute();
    await forEachUntilClosing(
      [...stalled, ...orphaned].map((row) => row.order_id),
      closing,
      (orderId) => completePlacement(services, orderId),
      options.onError,
    );
  };

  return startPollingLoop({
    pollMs: options.pollMs,
    round,
    onError: (error) => options.onError(error, '(round)'),
  });
}
