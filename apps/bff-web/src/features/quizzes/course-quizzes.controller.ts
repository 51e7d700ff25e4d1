import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { QuizServiceClient } from '../../upstream/quiz-service.client';
import { PathParams, relayUnderApiFor, segment } from './quiz-relay';
import {
  createQuizBody,
  idParams,
  quizEtagHeader,
  quizList,
  quizView,
  type CreateQuizBody,
  type IdParams,
} from './quiz.schemas';

/** A course's quizzes: the course's owner authors them, its enrolled learners see the published ones. */
@ApiTags('quizzes')
@Controller('api/courses')
export class CourseQuizzesController {
  constructor(@Inject(QuizServiceClient) private readonly quizzes: QuizServiceClient) {}

  @Post(':id/quizzes')
  // Checked here too, so a learner is refused without a call to the quiz service.
  @Roles('instructor', 'admin')
  @PathParams('id')
  @BearerRoute({
    summary: 'Draft a quiz for a course (its owner instructor, admin), with settings and questions',
    requestBody: createQuizBody,
    success: {
      status: 201,
      description: 'The draft',
      body: quizView,
      headers: { ...quizEtagHeader, location: 'The new quiz' },
    },
    problems: [403, 404],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Body(new ZodValidationPipe(createQuizBody)) body: CreateQuizBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: `/courses/${segment(params.id)}/quizzes`,
      body,
    });
  }

  @Get(':id/quizzes')
  @PathParams('id')
  @BearerRoute({
    summary:
      "A course's quizzes: all of them for its owner or an admin, the published ones for an enrolled learner",
    success: { status: 200, description: 'The quizzes', body: quizList },
    problems: [400, 404],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'GET',
      path: `/courses/${segment(params.id)}/quizzes`,
    });
  }
}
