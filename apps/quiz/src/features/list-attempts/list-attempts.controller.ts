import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { answeringAttempt } from '../attempt-support/attempt-problems';
import { listAttempts } from './list-attempts';

@Controller('quizzes')
export class ListAttemptsController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** Only the caller's own attempts, whoever calls. */
  @Roles('learner', 'instructor', 'admin')
  @Get(':quizId/attempts')
  list(@CurrentPrincipal() caller: Principal, @Param('quizId') quizId: string) {
    return answeringAttempt(async () => ({
      quizId,
      attempts: await listAttempts(this.services, caller.userId, quizId),
    }));
  }
}
