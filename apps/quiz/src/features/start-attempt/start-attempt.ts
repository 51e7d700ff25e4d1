import type { Principal } from '@quizbook/auth';
import type { AttemptStartedData, LearnerQuestion, Question } from '@quizbook/contracts';
import { conflict, forbidden } from '@quizbook/platform';
import { isEnrolled, readCourseAccess } from '../../course-access/course-access';
import { AttemptAlreadyStartedError } from '../../domain/attempt/attempt-errors';
import type { QuizServices } from '../../quiz-services';
import { quizNotFound } from '../attempt-support/attempt-problems';
import { attemptEventNames, attemptIdOf, attemptStreams } from '../attempt-support/attempt-streams';
import { learnerQuestionsOf } from '../attempt-support/learner-questions';
import { attemptQuizVersionOf, readPublishedQuiz } from '../attempt-support/published-quizzes';
import { shuffled } from './shuffle';

export interface StartedAttemptView {
  attemptId: string;
  attemptNumber: number;
  quizId: string;
  quizVersion: number;
  startedAt: string;
  deadline: string;
  questions: LearnerQuestion[];
}

/**
 * Starts the caller's next attempt on the quiz's latest published version. The attempts allowed are
 * enforced by the store, not by a count read beforehand: attempt n is the stream
 * `attempt-<attemptIdOf(quiz, learner, n)>`, appended with expected revision `no-stream`, so when
 * several requests (in several processes) race for the same number one wins and the others move
 * on to the next, and there are never more streams than numbers allowed.
 */
export async function startAttempt(
  services: QuizServices,
  caller: Principal,
  quizId: string,
): Promise<{ view: StartedAttemptView; revision: bigint }> {
  const quiz = await readPublishedQuiz(services.eventStore, quizId);
  if (!quiz?.latest) throw quizNotFound();
  const access = await readCourseAccess(services.eventStore, quiz.courseId);
  if (!access || !isEnrolled(access, caller.userId))
    throw forbidden('Only learners enrolled in the course can take its quizzes.', {
      type: 'not-enrolled',
      extensions: { courseId: quiz.courseId },
    });
  if (quiz.archived)
    throw conflict('The quiz is archived: it takes no new attempts.', { type: 'quiz-archived' });

  const version = quiz.latest;
  const { attemptsAllowed, shuffleQuestions } = version.settings;
  const ids = version.questions.map((question) => question.questionId);
  const streams = attemptStreams(services);
  for (let attemptNumber = 1; attemptNumber <= attemptsAllowed; attemptNumber++) {
    const attemptId = attemptIdOf(quizId, caller.userId, attemptNumber);
    try {
      const handled = await streams.handle(
        attemptId,
        {
          type: 'StartAttempt',
          attemptId,
          attemptNumber,
          learnerId: caller.userId,
          quiz: attemptQuizVersionOf(version),
          questionOrder: shuffleQuestions ? shuffled(ids) : ids,
          now: services.clock(),
        },
        { eventName: attemptEventNames },
      );
      const started = handled.state.started!;
      return { view: startedAttemptView(started, version.questions), revision: handled.revision };
    } catch (error) {
      if (!(error instanceof AttemptAlreadyStartedError)) throw error;
    }
  }
  throw conflict(`You have used the ${attemptsAllowed} attempt(s) this quiz allows.`, {
    type: 'no-attempts-left',
    extensions: { attemptsAllowed },
  });
}

export function startedAttemptView(
  started: AttemptStartedData,
  questions: readonly Question[],
): StartedAttemptView {
  return {
    attemptId: started.attemptId,
    attemptNumber: started.attemptNumber,
    quizId: started.quizId,
    quizVersion: started.quizVersion,
    startedAt: started.startedAt,
    deadline: started.deadline,
    questions: learnerQuestionsOf(started, questions),
  };
}
