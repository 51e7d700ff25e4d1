import { Body, Controller, Headers, Inject, Param, Patch, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { answering } from '../../http/course-problems';
import { courseViewOf } from '../../http/course-view';
import { etagOf, requiredIfMatch } from '@quizbook/platform';
import { editCourseBody, type EditCourseBody } from './edit-course.dto';
import { ownedCourse } from './owned-course';

@Controller('courses')
export class EditCourseController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  /** Edits apply to the version the client read (If-Match) and to no other: a stale one is a 412. */
  @Roles('instructor', 'admin')
  @Patch(':id')
  edit(
    @CurrentPrincipal() caller: Principal,
    @Param('id') courseId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(editCourseBody)) changes: EditCourseBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      await ownedCourse(this.services, caller, courseId);
      const handled = await this.services.courses.handle(
        courseId,
        { type: 'EditCourse', courseId, changes },
        { ifMatch: requiredIfMatch(ifMatch) },
      );
      reply.header('etag', etagOf(handled.revision));
      return courseViewOf(handled.state, handled.revision);
    });
  }
}
