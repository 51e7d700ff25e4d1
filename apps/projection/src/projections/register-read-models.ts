import { registerProjection } from '@quizbook/database';
import { courseRowsProjection } from './courses/course-rows.projection';
import { enrollmentsProjection } from './enrollments/enrollments.projection';
import { ordersProjection } from './orders/orders.projection';
import { courseSeatsProjection } from './seats/course-seats.projection';

/** The projection service's read models, in the order the runner and the rebuild CLI take them. */
export const readModelProjections = [
  courseRowsProjection,
  courseSeatsProjection,
  ordersProjection,
  enrollmentsProjection,
] as const;

/** Idempotent: importing this from the app and from the rebuild CLI in one process is fine. */
export function registerReadModels(): void {
  for (const projection of readModelProjections) registerProjection(projection);
}

registerReadModels();
