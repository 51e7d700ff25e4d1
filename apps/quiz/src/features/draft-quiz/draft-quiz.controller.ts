import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { answering } from '../../http/authoring-problems';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { draftQuizBody, type DraftQuizBody } from './draft-quiz.dto';
import { draftQuiz } from './draft-quiz';

@Controller('courses')
export class DraftQuizController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  @Roles('instructor', 'admin')
  @Post(':courseId/quizzes')
  draft(
    @CurrentPrincipal() caller: Principal,
    @Param('courseId') courseId: string,
    @Body(new ZodValidationPipe(draftQuizBody)) body: DraftQuizBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const { view, revision } = await draftQuiz(this.services, caller, courseId, body);
      reply.header('etag', etagOf(revision)).header('location', `/quizzes/${view.quizId}`);
      return view;
    });
  }
}
