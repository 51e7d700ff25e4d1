import { randomUUID } from 'node:crypto';
import type { Principal } from '@quizbook/auth';
import type { CourseServices } from '../../course-services';
import { courseViewOf, type CourseView } from '../../http/course-view';
import type { DraftCourseBody } from './draft-course.dto';

/** The caller owns the draft: an admin drafting a course owns it like an instructor would. */
export async function draftCourse(
  services: CourseServices,
  caller: Principal,
  { capacity, ...details }: DraftCourseBody,
): Promise<{ view: CourseView; revision: bigint }> {
  const courseId = randomUUID();
  const handled = await services.courses.handle(courseId, {
    type: 'DraftCourse',
    courseId,
    ownerId: caller.userId,
    details,
    capacity,
  });
  return { view: courseViewOf(handled.state, handled.revision), revision: handled.revision };
}
