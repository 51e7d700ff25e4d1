import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf, optionalIfMatch } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { answeringAttempt } from '../attempt-support/attempt-problems';
import { submitAttempt } from './submit-attempt';

@Controller('attempts')
export class SubmitAttemptController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** 202: accepted and durable; the grade follows (GET the attempt, or the live channel). */
  @Roles('learner')
  @Post(':attemptId/submit')
  @HttpCode(202)
  submit(
    @CurrentPrincipal() caller: Principal,
    @Param('attemptId') attemptId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answeringAttempt(async () => {
      const { view, revision } = await submitAttempt(
        this.services,
        caller,
        attemptId,
        body,
        optionalIfMatch(ifMatch),
      );
      reply.header('etag', etagOf(revision));
      return view;
    });
  }
}
