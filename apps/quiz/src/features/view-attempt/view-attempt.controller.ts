import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { answeringAttempt } from '../attempt-support/attempt-problems';
import { readPublishedQuiz } from '../attempt-support/published-quizzes';
import { visibleAttempt } from '../attempt-support/visible-attempt';
import { attemptViewOf } from './attempt-view';

@Controller('attempts')
export class ViewAttemptController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** The learner's own attempt, or any attempt at a quiz the caller owns (admins: all). Read from the stream. */
  @Roles('learner', 'instructor', 'admin')
  @Get(':attemptId')
  view(
    @CurrentPrincipal() caller: Principal,
    @Param('attemptId') attemptId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answeringAttempt(async () => {
      const attempt = await visibleAttempt(this.services, caller, attemptId, { staff: true });
      const quiz = await readPublishedQuiz(this.services.eventStore, attempt.started.quizId);
      reply.header('etag', etagOf(attempt.revision));
      return attemptViewOf(attempt.state, quiz);
    });
  }
}
