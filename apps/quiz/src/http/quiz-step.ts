import type { Principal } from '@quizbook/auth';
import { etagOf, optionalIfMatch } from '@quizbook/platform';
import type { FastifyReply } from 'fastify';
import type { QuizCommand } from '../domain/quiz/quiz.decider';
import { answering } from './authoring-problems';
import { authoringStreams } from './authoring-streams';
import { authoredQuiz } from './quiz-access';
import { authorQuizViewOf, type AuthorQuizView } from './quiz-views';
import type { QuizServices } from '../quiz-services';

/**
 * One authoring step on a quiz the caller authors, answered with the quiz and its new ETag.
 * If-Match is optional: without it the step applies to whatever version is current.
 */
export function quizStep(
  services: QuizServices,
  caller: Principal,
  quizId: string,
  command: (loaded: Awaited<ReturnType<typeof authoredQuiz>>) => Promise<QuizCommand> | QuizCommand,
  ifMatch: string | undefined,
  reply: FastifyReply,
): Promise<AuthorQuizView> {
  return answering(async () => {
    const loaded = await authoredQuiz(services, caller, quizId);
    const expected = optionalIfMatch(ifMatch);
    const handled = await authoringStreams(services).quizzes.handle(
      quizId,
      await command(loaded),
      expected === undefined ? {} : { ifMatch: expected },
    );
    reply.header('etag', etagOf(handled.revision));
    return authorQuizViewOf(handled.state, handled.revision);
  });
}
