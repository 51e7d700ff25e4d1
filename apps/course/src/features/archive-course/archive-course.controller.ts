import { Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { FastifyReply } from 'fastify';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { answering } from '../../http/course-problems';
import { courseViewOf } from '../../http/course-view';
import { etagOf, optionalIfMatch } from '../../http/etag';
import { ownedCourse } from '../edit-course/owned-course';

@Controller('courses')
export class ArchiveCourseController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  /** If-Match is optional here: without it the step applies to whatever version is current. */
  @Roles('instructor', 'admin')
  @Post(':id/archive')
  @HttpCode(200)
  archive(
    @CurrentPrincipal() caller: Principal,
    @Param('id') courseId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      await ownedCourse(this.services, caller, courseId);
      const expected = optionalIfMatch(ifMatch);
      const handled = await this.services.courses.handle(
        courseId,
        { type: 'ArchiveCourse', courseId },
        expected === undefined ? {} : { ifMatch: expected },
      );
      reply.header('etag', etagOf(handled.revision));
      return courseViewOf(handled.state, handled.revision);
    });
  }
}
