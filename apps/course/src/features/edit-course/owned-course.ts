import { notFoundUnlessOwner, type Principal } from '@quizbook/auth';
import type { CourseServices } from '../../course-services';
import type { LoadedStream } from '@quizbook/platform';
import type { CourseState } from '../../domain/course/course.decider';

/**
 * The course if the caller owns it or is an admin; otherwise the same 404 as for a course that does
 * not exist, so another instructor learns nothing about it.
 */
export async function ownedCourse(
  services: CourseServices,
  caller: Principal,
  courseId: string,
): Promise<LoadedStream<CourseState>> {
  const loaded = await services.courses.load(courseId);
  return notFoundUnlessOwner(
    loaded.state.status === 'absent' ? undefined : loaded,
    caller,
    (course) => course.state.ownerId,
    { adminSees: true, detail: 'There is no such course.' },
  );
}
