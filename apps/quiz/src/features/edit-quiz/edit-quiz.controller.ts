import { Body, Controller, Headers, Inject, Param, Patch, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf, requiredIfMatch, ZodValidationPipe } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { answering } from '../../http/authoring-problems';
import { authoringStreams } from '../../http/authoring-streams';
import { authoredQuiz } from '../../http/quiz-access';
import { authorQuizViewOf } from '../../http/quiz-views';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';
import { editQuizBody, type EditQuizBody } from './edit-quiz.dto';

@Controller('quizzes')
export class EditQuizController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** Applies to the version the client read (If-Match, required) and to no other: a stale one is a 412. */
  @Roles('instructor', 'admin')
  @Patch(':quizId')
  edit(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(new ZodValidationPipe(editQuizBody)) body: EditQuizBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      await authoredQuiz(this.services, caller, quizId);
      const handled = await authoringStreams(this.services).quizzes.handle(
        quizId,
        {
          type: 'ChangeQuizSettings',
          quizId,
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.settings ? { settings: body.settings } : {}),
        },
        { ifMatch: requiredIfMatch(ifMatch) },
      );
      reply.header('etag', etagOf(handled.revision));
      return authorQuizViewOf(handled.state, handled.revision);
    });
  }
}
