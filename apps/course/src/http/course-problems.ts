import {
  answeringWith,
  concurrencyProblem,
  conflict,
  notFound,
  ProblemError,
  unprocessable,
} from '@quizbook/platform';
import {
  CapacityBelowSeatsHeldError,
  CourseArchivedError,
  CourseFullError,
  CourseNotFoundError,
  CourseNotOpenError,
  SeatAlreadyConfirmedError,
  SeatAlreadyHeldError,
  SeatNotHeldError,
} from '../domain/course/course-errors';
import {
  DuplicateOrderLineError,
  EmptyOrderError,
  MixedCurrenciesError,
  OrderAlreadyExistsError,
  OrderNotFoundError,
  OrderTransitionRefusedError,
} from '../domain/order/order-errors';

/** Domain refusals as problems with stable types; anything else propagates as the 500 it is. */
export function asCourseProblem(error: unknown): unknown {
  if (error instanceof ProblemError) return error;
  if (error instanceof CourseNotFoundError)
    return notFound('There is no such course.', { type: 'course-not-found' });
  if (error instanceof CourseArchivedError)
    return conflict('The course is archived and can no longer change.', { type: 'course-archived' });
  if (error instanceof CourseNotOpenError)
    return conflict(`The course is ${error.status}: it is not open for booking.`, {
      type: 'course-not-open',
      extensions: { courseId: error.courseId },
    });
  if (error instanceof CourseFullError)
    return conflict('The course has no seat left.', {
      type: 'course-full',
      extensions: { courseId: error.courseId },
    });
  if (error instanceof CapacityBelowSeatsHeldError)
    return conflict(`The course holds ${error.seatsHeld} seats; the capacity cannot go below that.`, {
      type: 'capacity-below-seats-held',
      extensions: { seatsHeld: error.seatsHeld },
    });
  if (error instanceof SeatAlreadyHeldError)
    return conflict('You already hold a seat in this course.', {
      type: 'seat-already-held',
      extensions: { courseId: error.courseId },
    });
  if (error instanceof SeatAlreadyConfirmedError)
    return conflict('The seat is paid; only a refund releases it.', { type: 'seat-confirmed' });
  if (error instanceof SeatNotHeldError)
    return conflict('The order holds no seat in this course.', { type: 'seat-not-held' });
  if (error instanceof OrderNotFoundError)
    return notFound('There is no such order.', { type: 'order-not-found' });
  if (error instanceof OrderAlreadyExistsError)
    return conflict('The order exists already.', { type: 'order-exists' });
  if (error instanceof EmptyOrderError) return unprocessable('The cart is empty.', { type: 'cart-empty' });
  if (error instanceof DuplicateOrderLineError)
    return unprocessable('The order lists a course twice.', { type: 'duplicate-order-line' });
  if (error instanceof MixedCurrenciesError)
    return unprocessable('One order is paid in one currency; the cart mixes several.', {
      type: 'mixed-currencies',
    });
  if (error instanceof OrderTransitionRefusedError)
    return conflict(`The order is ${error.from}; it cannot become ${error.to}.`, {
      type: 'order-state-conflict',
      extensions: { orderStatus: error.from },
    });
  return (
    concurrencyProblem(
      error,
      'The course changed since you read it; reload it and apply your change again.',
    ) ?? error
  );
}

export const answering = answeringWith(asCourseProblem);
