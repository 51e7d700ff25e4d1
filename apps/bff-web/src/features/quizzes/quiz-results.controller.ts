import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { QuizResultServiceClient } from '../../upstream/quiz-result-service.client';
import { PathParams, relayUnderApiFor, segment } from './quiz-relay';
import {
  courseProgress,
  idParams,
  progressQuery,
  scoreboard,
  scoreboardQuery,
  type IdParams,
  type ProgressQuery,
  type ScoreboardQuery,
} from './quiz.schemas';

/** Read models of graded attempts, kept by the quiz-result service. */
@ApiTags('quiz results')
@Controller('api')
export class QuizResultsController {
  constructor(@Inject(QuizResultServiceClient) private readonly results: QuizResultServiceClient) {}

  @Get('quizzes/:id/scoreboard')
  @PathParams('id')
  @BearerRoute({
    summary:
      "A quiz's scoreboard (enrolled learners, the owner, admin): each learner's best score, ties by earlier finish",
    query: scoreboardQuery,
    success: { status: 200, description: 'Ranked results', body: scoreboard },
    problems: [400, 404],
  })
  async scoreboard(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Query(new ZodValidationPipe(scoreboardQuery)) query: ScoreboardQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const search = query.limit === undefined ? '' : `?${new URLSearchParams({ limit: String(query.limit) })}`;
    return relayUnderApiFor({ principal, request, reply }, this.results, {
      method: 'GET',
      path: `/quizzes/${segment(params.id)}/scoreboard${search}`,
    });
  }

  @Get('courses/:id/progress')
  @PathParams('id')
  @BearerRoute({
    summary:
      "A learner's progress through a course's quizzes: their own, or any learner's for the owner or an admin",
    query: progressQuery,
    success: { status: 200, description: 'Best score and attempts per quiz', body: courseProgress },
    problems: [400, 404],
  })
  async progress(
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodValidationPipe(idParams)) params: IdParams,
    @Query(new ZodValidationPipe(progressQuery)) query: ProgressQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const search =
      query.learnerId === undefined ? '' : `?${new URLSearchParams({ learnerId: query.learnerId })}`;
    return relayUnderApiFor({ principal, request, reply }, this.results, {
      method: 'GET',
      path: `/courses/${segment(params.id)}/progress${search}`,
    });
  }
}
