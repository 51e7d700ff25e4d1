import { Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { FastifyReply } from 'fastify';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { courseLifecycleStep } from '../../http/course-lifecycle-step';

@Controller('courses')
export class ArchiveCourseController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  @Roles('instructor', 'admin')
  @Post(':id/archive')
  @HttpCode(200)
  archive(
    @CurrentPrincipal() caller: Principal,
    @Param('id') courseId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return courseLifecycleStep(this.services, caller, { type: 'ArchiveCourse', courseId }, ifMatch, reply);
  }
}
