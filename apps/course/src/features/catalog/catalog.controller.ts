import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { CurrentPrincipal, notFoundUnlessOwner, type Principal } from '@quizbook/auth';
import { notFound, Public, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { learnerEnrollment, type LearnerEnrollment } from './learner-enrollment';
import { loadCourseDetail } from './catalog-reads';
import { CATALOG_SERVICES, type CatalogServices } from './catalog-services';
import type { CourseDetail } from './course-detail';
import { searchCoursesQuery, type SearchCoursesQuery } from './search-courses.dto';

const missingCourse = 'There is no such course.';

/** The public catalog: search over published courses, and one course's detail from the read side. */
@Public()
@Controller('courses')
export class CatalogController {
  constructor(@Inject(CATALOG_SERVICES) private readonly services: CatalogServices) {}

  @Get()
  async search(@Query(new ZodValidationPipe(searchCoursesQuery)) query: SearchCoursesQuery) {
    const result = await this.services.searchIndex.query(query);
    return {
      ...result,
      items: result.items.map(({ id, published: _published, ...item }) => ({ courseId: id, ...item })),
    };
  }

  @Get(':id')
  async detail(
    @Param('id') courseId: string,
    @CurrentPrincipal({ optional: true }) me: Principal | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CourseDetail & { enrollment?: LearnerEnrollment }> {
    const detail = await this.services.details.get(courseId, () => loadCourseDetail(this.services, courseId));
    const visible =
      detail?.status === 'published'
        ? detail
        : me
          ? notFoundUnlessOwner(detail, me, (course) => course.ownerId, {
              adminSees: true,
              detail: missingCourse,
            })
          : undefined;
    if (!visible) throw notFound(missingCourse);
    // Weak, as the write routes send it: it names the course's version, which If-Match takes back.
    void reply.header('etag', `W/"${visible.version}"`);
    // Per learner, so it is looked up after the shared detail cache, never stored in it.
    const enrollment = me ? await learnerEnrollment(this.services, courseId, me.userId) : undefined;
    return enrollment ? { ...visible, enrollment } : visible;
  }
}
