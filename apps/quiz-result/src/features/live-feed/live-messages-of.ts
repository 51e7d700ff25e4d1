import {
  parseAttemptEvent,
  parseCourseEvent,
  parseOrderEvent,
  orderStatusAfter,
  type LiveMessage,
} from '@quizbook/contracts';
import type { RecordedEvent } from '@quizbook/eventstore';

export interface LiveMessageFor {
  userId: string;
  message: LiveMessage;
}

export type OrderLearnerLookup = (orderId: string) => Promise<string | undefined>;

/**
 * The live message an event means for its user, if any. Pure apart from the order-learner lookup:
 * only OrderInitiated names the learner of an order.
 */
export async function liveMessageOf(
  event: RecordedEvent,
  learnerOfOrder: OrderLearnerLookup,
): Promise<LiveMessageFor | undefined> {
  const position = event.position.toString();
  const attempt = parseAttemptEvent(event.type, event.data);
  if (attempt?.type === 'AttemptGraded') {
    const { attemptId, quizId, courseId, scorePercent, passed, finishedAt, learnerId } = attempt.data;
    return {
      userId: learnerId,
      message: {
        type: 'quiz.result',
        position,
        data: { attemptId, quizId, courseId, scorePercent, passed, finishedAt },
      },
    };
  }
  const order = parseOrderEvent(event.type, event.data);
  if (order) {
    const learnerId =
      order.type === 'OrderInitiated' ? order.data.learnerId : await learnerOfOrder(order.data.orderId);
    if (!learnerId) return undefined;
    return {
      userId: learnerId,
      message: {
        type: 'order.status',
        position,
        data: { orderId: order.data.orderId, status: orderStatusAfter[order.type] },
      },
    };
  }
  const course = parseCourseEvent(event.type, event.data);
  if (
    course?.type === 'SeatConfirmed' ||
    (course?.type === 'SeatReleased' && course.data.reason === 'refunded')
  ) {
    const { courseId, orderId, learnerId } = course.data;
    return {
      userId: learnerId,
      message: {
        type: 'enrollment',
        position,
        data: { courseId, orderId, status: course.type === 'SeatConfirmed' ? 'enrolled' : 'revoked' },
      },
    };
  }
  return undefined;
}
