import { Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { FastifyReply } from 'fastify';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { quizStep } from '../../http/quiz-step';

@Controller('quizzes')
export class ArchiveQuizController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** No new attempts from now on; attempts already started may still be submitted and graded. */
  @Roles('instructor', 'admin')
  @Post(':quizId/archive')
  @HttpCode(200)
  archive(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return quizStep(this.services, caller, quizId, () => ({ type: 'ArchiveQuiz', quizId }), ifMatch, reply);
  }
}
