import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { answering } from '../../http/course-problems';
import { etagOf } from '@quizbook/platform';
import { draftCourseBody, type DraftCourseBody } from './draft-course.dto';
import { draftCourse } from './draft-course';

@Controller('courses')
export class DraftCourseController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  @Roles('instructor', 'admin')
  @Post()
  draft(
    @CurrentPrincipal() caller: Principal,
    @Body(new ZodValidationPipe(draftCourseBody)) body: DraftCourseBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const { view, revision } = await draftCourse(this.services, caller, body);
      reply.header('etag', etagOf(revision)).header('location', `/courses/${view.courseId}`);
      return view;
    });
  }
}
