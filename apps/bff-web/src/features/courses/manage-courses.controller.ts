import { Body, Controller, Headers, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { CourseServiceClient } from '../../upstream/course-service.client';
import { relayFor } from '../../upstream/relay';
import {
  courseView,
  draftCourseBody,
  editCourseBody,
  etagHeader,
  ifMatchHeader,
  type DraftCourseBody,
  type EditCourseBody,
} from './courses.schemas';

/** An owner's (or an admin's) writes to a course; the course service decides ownership. */
@ApiTags('courses')
@Controller('api/courses')
// Checked here too, so a learner is refused without a call to the course service.
@Roles('instructor', 'admin')
export class ManageCoursesController {
  constructor(@Inject(CourseServiceClient) private readonly courses: CourseServiceClient) {}

  @Post()
  @BearerRoute({
    summary: 'Create a draft course (instructor, admin); the caller owns it',
    requestBody: draftCourseBody,
    success: {
      status: 201,
      description: 'The draft',
      body: courseView,
      headers: { ...etagHeader, location: 'The new course' },
    },
    problems: [403],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(draftCourseBody)) body: DraftCourseBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, { method: 'POST', path: '/courses', body });
  }

  @Patch(':id')
  @BearerRoute({
    summary: 'Edit a course (owner, admin) at the version named by If-Match',
    requestBody: editCourseBody,
    requestHeaders: ifMatchHeader(true),
    success: { status: 200, description: 'The edited course', body: courseView, headers: etagHeader },
    problems: [403, 404, 409, 412, 428],
  })
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(editCourseBody)) body: EditCourseBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'PATCH',
      path: `/courses/${encodeURIComponent(id)}`,
      body,
      headers: { 'if-match': ifMatch },
    });
  }

  @Post(':id/publish')
  @BearerRoute({
    summary: 'Publish a draft (owner, admin): it becomes searchable and bookable',
    requestHeaders: ifMatchHeader(false),
    success: { status: 200, description: 'The published course', body: courseView, headers: etagHeader },
    problems: [403, 404, 409, 412],
  })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.lifecycle('publish', id, principal, ifMatch, request, reply);
  }

  @Post(':id/archive')
  @BearerRoute({
    summary: 'Archive a course (owner, admin): no longer listed nor bookable',
    requestHeaders: ifMatchHeader(false),
    success: { status: 200, description: 'The archived course', body: courseView, headers: etagHeader },
    problems: [403, 404, 409, 412],
  })
  archive(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.lifecycle('archive', id, principal, ifMatch, request, reply);
  }

  private async lifecycle(
    step: 'publish' | 'archive',
    id: string,
    principal: Principal,
    ifMatch: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.courses, {
      method: 'POST',
      path: `/courses/${encodeURIComponent(id)}/${step}`,
      headers: { 'if-match': ifMatch },
    });
  }
}
