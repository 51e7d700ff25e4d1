import { Controller, Get, Inject, Param, ParseIntPipe, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { etagOf, notFound } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { answering } from '../../http/authoring-problems';
import { authoredQuiz, readableQuiz } from '../../http/quiz-access';
import { authorQuizViewOf, learnerQuizViewOf } from '../../http/quiz-views';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';

@Controller('quizzes')
export class ViewQuizController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /** Authors get the working copy (with its ETag); enrolled learners the latest published version. */
  @Get(':quizId')
  view(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      const reader = await readableQuiz(this.services, caller, quizId);
      if (reader.as === 'learner') return learnerQuizViewOf(reader.loaded.state, reader.published);
      reply.header('etag', etagOf(reader.loaded.revision));
      return authorQuizViewOf(reader.loaded.state, reader.loaded.revision);
    });
  }

  /** One frozen version, answer keys included: for its authors only. */
  @Get(':quizId/versions/:version')
  version(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return answering(async () => {
      const { state } = await authoredQuiz(this.services, caller, quizId);
      const published = state.versions[version - 1];
      if (!published)
        throw notFound('The quiz has no such published version.', { type: 'quiz-version-not-found' });
      return published;
    });
  }
}
