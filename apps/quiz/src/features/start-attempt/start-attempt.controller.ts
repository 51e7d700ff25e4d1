import { Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { answeringAttempt } from '../attempt-support/attempt-problems';
import { startAttempt } from './start-attempt';

@Controller('quizzes')
export class StartAttemptController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /**
   * 201 with the questions (no answer keys) and the server-side deadline; 200 with the same shape
   * when the caller already has an attempt in progress, which is answered instead of a new one.
   */
  @Roles('learner')
  @Post(':quizId/attempts')
  start(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answeringAttempt(async () => {
      const { view, revision, resumed } = await startAttempt(this.services, caller, quizId);
      reply
        .status(resumed ? 200 : 201)
        .header('etag', etagOf(revision))
        .header('location', `/attempts/${view.attemptId}`);
      return view;
    });
  }
}
