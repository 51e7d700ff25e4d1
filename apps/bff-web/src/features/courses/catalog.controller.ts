import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicRoute } from '../../edge/openapi/route-docs';
import { CourseServiceClient } from '../../upstream/course-service.client';
import { relayFor } from '../../upstream/relay';
import {
  courseDetail,
  courseSearchResult,
  etagHeader,
  searchCoursesQuery,
  type SearchCoursesQuery,
} from './courses.schemas';

@ApiTags('courses')
@Controller('api/courses')
export class CatalogController {
  constructor(@Inject(CourseServiceClient) private readonly courses: CourseServiceClient) {}

  @Get()
  @PublicRoute({
    summary: 'Search published courses, with tag and level facets',
    query: searchCoursesQuery,
    success: { status: 200, description: 'One page of matches', body: courseSearchResult },
    problems: [400],
  })
  async search(
    @Query(new ZodValidationPipe(searchCoursesQuery)) query: SearchCoursesQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) params.set(name, String(value));
    return relayFor({ request, reply }, this.courses, { method: 'GET', path: `/courses?${params}` });
  }

  @Get(':id')
  @PublicRoute({
    summary: 'A course with its seats left; drafts only for their owner and admins',
    success: { status: 200, description: 'The course', body: courseDetail, headers: etagHeader },
    problems: [404],
  })
  async detail(
    @Param('id') id: string,
    // A signed-in owner sees their draft too: the token goes along when there is one.
    @CurrentPrincipal({ optional: true }) principal: Principal | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'GET',
      path: `/courses/${encodeURIComponent(id)}`,
    });
  }
}
