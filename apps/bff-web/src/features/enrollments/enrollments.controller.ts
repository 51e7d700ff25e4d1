import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { ProjectionServiceClient } from '../../upstream/projection-service.client';
import { relayFor } from '../../upstream/relay';
import { enrollmentList } from './enrollments.schemas';

@ApiTags('enrollments')
@Controller('api/enrollments')
export class EnrollmentsController {
  constructor(@Inject(ProjectionServiceClient) private readonly projection: ProjectionServiceClient) {}

  @Get()
  @Roles('learner')
  @BearerRoute({
    summary: 'The courses the learner is enrolled in (paid), newest first; refunded ones as revoked',
    success: { status: 200, description: "The learner's enrollments", body: enrollmentList },
    problems: [403],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    // The projection answers the token's own learner when no learnerId is given.
    return relayFor({ principal, request, reply }, this.projection, {
      method: 'GET',
      path: '/read/enrollments',
    });
  }
}
