import { unprocessable } from '@quizbook/platform';
import type { CourseServices } from '../../course-services';
import {
  CourseFullError,
  CourseNotFoundError,
  CourseNotOpenError,
  SeatAlreadyHeldError,
} from '../../domain/course/course-errors';
import { holdsSeatFor, seatsLeft } from '../../domain/course/course.decider';
import { cartView, type CartView } from './cart-view';

/**
 * Refuses early what placing the order would refuse anyway: an unknown, closed or full course, a
 * course the learner holds a seat in already, or another currency than the cart's.
 */
export async function addToCart(
  services: CourseServices,
  learnerId: string,
  courseId: string,
): Promise<CartView> {
  const { state } = await services.courses.load(courseId);
  if (state.status === 'absent') throw new CourseNotFoundError(courseId);
  if (state.status !== 'published') throw new CourseNotOpenError(courseId, state.status);
  if (holdsSeatFor(state, learnerId)) throw new SeatAlreadyHeldError(courseId, learnerId);
  if (seatsLeft(state) === 0) throw new CourseFullError(courseId);
  const current = await cartView(services, learnerId);
  const currency = state.details!.currency;
  if (
    current.currency !== null &&
    current.currency !== currency &&
    !current.lines.some((l) => l.courseId === courseId)
  )
    throw unprocessable(`The cart is in ${current.currency}; this course is sold in ${currency}.`, {
      type: 'mixed-currencies',
    });
  await services.carts.add(learnerId, courseId);
  return cartView(services, learnerId);
}
