import type { Principal } from '@quizbook/auth';
import type { FastifyReply } from 'fastify';
import type { CourseServices } from '../course-services';
import { ownedCourse } from '../features/edit-course/owned-course';
import { answering } from './course-problems';
import { courseViewOf } from './course-view';
import { etagOf, optionalIfMatch } from '@quizbook/platform';

type CourseCommand = Parameters<CourseServices['courses']['handle']>[1];

/**
 * One lifecycle step (publish, archive) on a course the caller owns. If-Match is optional here:
 * without it the step applies to whatever version is current.
 */
export function courseLifecycleStep(
  services: CourseServices,
  caller: Principal,
  command: CourseCommand & { courseId: string },
  ifMatch: string | undefined,
  reply: FastifyReply,
) {
  return answering(async () => {
    await ownedCourse(services, caller, command.courseId);
    const expected = optionalIfMatch(ifMatch);
    const handled = await services.courses.handle(
      command.courseId,
      command,
      expected === undefined ? {} : { ifMatch: expected },
    );
    reply.header('etag', etagOf(handled.revision));
    return courseViewOf(handled.state, handled.revision);
  });
}
