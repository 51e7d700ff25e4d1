import { randomUUID } from 'node:crypto';
import { defaultQuizSettings } from '@quizbook/contracts';
import type { Principal } from '@quizbook/auth';
import { conflict } from '@quizbook/platform';
import { authoringStreams } from '../../http/authoring-streams';
import { authoredCourse } from '../../http/quiz-access';
import { authorQuizViewOf, type AuthorQuizView } from '../../http/quiz-views';
import type { QuizServices } from '../../quiz-services';
import type { DraftQuizBody } from './draft-quiz.dto';

/** The quiz belongs to the course's owner, even when an admin drafts it. */
export async function draftQuiz(
  services: QuizServices,
  caller: Principal,
  courseId: string,
  body: DraftQuizBody,
): Promise<{ view: AuthorQuizView; revision: bigint }> {
  const course = await authoredCourse(services, caller, courseId);
  if (course.status === 'archived')
    throw conflict('The course is archived: it takes no new quizzes.', { type: 'course-archived' });
  const quizId = randomUUID();
  const handled = await authoringStreams(services).quizzes.handle(quizId, {
    type: 'DraftQuiz',
    quizId,
    courseId,
    ownerId: course.ownerId,
    draftedBy: caller.userId,
    title: body.title,
    settings: { ...defaultQuizSettings, ...body.settings },
    questions: body.questions,
    draftedAt: services.clock().toISOString(),
  });
  return { view: authorQuizViewOf(handled.state, handled.revision), revision: handled.revision };
}
