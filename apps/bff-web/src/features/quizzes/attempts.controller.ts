import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { QuizServiceClient } from '../../upstream/quiz-service.client';
import { PathParams, relayUnderApiFor, segment } from './quiz-relay';
import {
  attemptList,
  attemptStarted,
  attemptSubmitted,
  attemptView,
  idParams,
  submitAttemptBody,
  type IdParams,
  type SubmitAttemptBody,
} from './quiz.schemas';

/** A learner's attempts: started on the published quiz, submitted once, graded asynchronously. */
@ApiTags('attempts')
@Controller('api')
export class AttemptsController {
  constructor(@Inject(QuizServiceClient) private readonly quizzes: QuizServiceClient) {}

  @Post('quizzes/:id/attempts')
  @Roles('learner')
  @PathParams('id')
  @BearerRoute({
    summary:
      'Start an attempt (enrolled learner): the questions without answers and the server-side deadline. ' +
      'While an attempt is in progress, that attempt is answered (200) instead of a new one. ' +
      '403 `not-enrolled`, 409 `no-attempts-left` or `quiz-archived`',
    success: {
      status: 201,
      description: 'Started',
      body: attemptStarted,
      headers: { location: 'The attempt' },
    },
    alsoSuccess: {
      status: 200,
      description: 'The attempt already in progress (a repeated start spends no attempt)',
    },
    problems: [400, 403, 404, 409],
  })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: `/quizzes/${segment(params.id)}/attempts`,
    });
  }

  @Get('quizzes/:id/attempts')
  @PathParams('id')
  @BearerRoute({
    summary: "The caller's own attempts at a quiz, newest first",
    success: { status: 200, description: 'The attempts', body: attemptList },
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
      path: `/quizzes/${segment(params.id)}/attempts`,
    });
  }

  @Post('attempts/:id/submit')
  @Roles('learner')
  @PathParams('id')
  @BearerRoute({
    summary:
      "Submit the attempt's answers, once (the attempt's learner); grading is asynchronous and the result " +
      'arrives as `quiz.result` on GET /api/live. 409 `attempt-already-submitted`, or ' +
      '`attempt-deadline-passed` when the quiz refuses late answers',
    requestBody: submitAttemptBody,
    success: { status: 202, description: 'Accepted for grading', body: attemptSubmitted },
    problems: [403, 404, 409],
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Body(new ZodValidationPipe(submitAttemptBody)) body: SubmitAttemptBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'POST',
      path: `/attempts/${segment(params.id)}/submit`,
      body,
    });
  }

  @Get('attempts/:id')
  @PathParams('id')
  @BearerRoute({
    summary:
      "An attempt (its learner, the quiz's owner, admin): status and, once graded, score and per-question detail",
    success: { status: 200, description: 'The attempt', body: attemptView },
    problems: [400, 404],
  })
  async one(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayUnderApiFor({ principal, request, reply }, this.quizzes, {
      method: 'GET',
      path: `/attempts/${segment(params.id)}`,
    });
  }
}
