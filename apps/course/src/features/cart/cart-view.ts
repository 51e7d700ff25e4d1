import type { CourseServices } from '../../course-services';
import { seatsLeft, type CourseStatus } from '../../domain/course/course.decider';

export interface CartLine {
  courseId: string;
  title: string;
  /** The course's price now, not when it was added. */
  priceCents: number;
  currency: string;
  status: Exclude<CourseStatus, 'absent'>;
  seatsLeft: number;
  /** False when the course closed or filled up since it was added: placing the order would fail. */
  bookable: boolean;
}

export interface CartView {
  lines: CartLine[];
  totalCents: number;
  currency: string | null;
}

export async function cartView(services: CourseServices, learnerId: string): Promise<CartView> {
  const lines: CartLine[] = [];
  for (const courseId of await services.carts.courseIds(learnerId)) {
    const { state } = await services.courses.load(courseId);
    if (state.status === 'absent') continue;
    const left = seatsLeft(state);
    lines.push({
      courseId,
      title: state.details!.title,
      priceCents: state.details!.priceCents,
      currency: state.details!.currency,
      status: state.status,
      seatsLeft: left,
      bookable: state.status === 'published' && left > 0,
    });
  }
  return {
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.priceCents, 0),
    currency: lines[0]?.currency ?? null,
  };
}
