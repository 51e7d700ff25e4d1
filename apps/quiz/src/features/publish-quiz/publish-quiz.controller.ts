import { Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { etagOf, optionalIfMatch } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import { latestVersion } from '../../domain/quiz/quiz.decider';
import { answering } from '../../http/authoring-problems';
import { authoringStreams } from '../../http/authoring-streams';
import { authoredQuiz } from '../../http/quiz-access';
import type { QuizServices } from '../../quiz-services';
import { QUIZ_SERVICES } from '../../quiz-tokens';

@Controller('quizzes')
export class PublishQuizController {
  constructor(@Inject(QUIZ_SERVICES) private readonly services: QuizServices) {}

  /**
   * Freezes the working copy as the next version. Publishing again with nothing changed answers the
   * current version and records nothing, so a retried publish is harmless.
   */
  @Roles('instructor', 'admin')
  @Post(':quizId/publish')
  @HttpCode(200)
  publish(
    @CurrentPrincipal() caller: Principal,
    @Param('quizId') quizId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answering(async () => {
      await authoredQuiz(this.services, caller, quizId);
      const expected = optionalIfMatch(ifMatch);
      const handled = await authoringStreams(this.services).quizzes.handle(
        quizId,
        { type: 'PublishQuiz', quizId, publishedAt: this.services.clock().toISOString() },
        expected === undefined ? {} : { ifMatch: expected },
      );
      const published = latestVersion(handled.state)!;
      reply.header('etag', etagOf(handled.revision));
      return {
        quizId,
        version: published.version,
        publishedAt: published.publishedAt,
        newVersion: handled.appended.length > 0,
      };
    });
  }
}
