import type { Principal } from '@quizbook/auth';
import type { AttemptStartedData, LearnerQuestion, Question } from '@quizbook/contracts';
import { conflict, forbidden, type LoadedStream } from '@quizbook/platform';
import { isEnrolled, readCourseAccess } from '../../course-access/course-access';
import { AttemptAlreadyStartedError } from '../../domain/attempt/attempt-errors';
import type { AttemptState } from '../../domain/attempt/attempt.decider';
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
 * Starts the caller's next attempt on the quiz's latest published version, or answers the attempt
 * the caller has in progress (before its deadline): a start retried after a lost response, or sent
 * twice by a double click, must not spend a second attempt. The attempts allowed are enforced by the
 * store, not by a count read beforehand: attempt n is the stream
 * `attempt-<attemptIdOf(quiz, learner, n)>`, appended with expected revision `no-stream`, so when
 * several requests (in several processes) race for the same number one wins and the others find
 * its attempt in progress, and there are never more streams than numbers allowed.
 */
export async function startAttempt(
  services: QuizServices,
  caller: Principal,
  quizId: string,
): Promise<{ view: StartedAttemptView; revision: bigint; resumed: boolean }> {
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
  const inProgress = (loaded: LoadedStream<AttemptState>) => {
    const { state } = loaded;
    if (state.status !== 'in-progress' || !state.started) return undefined;
    if (services.clock().getTime() >= new Date(state.started.deadline).getTime()) return undefined;
    const questions = quiz.versions.get(state.started.quizVersion)?.questions;
    if (!questions) return undefined;
    return { view: startedAttemptView(state.started, questions), revision: loaded.revision, resumed: true };
  };
  for (let attemptNumber = 1; attemptNumber <= attemptsAllowed; attemptNumber++) {
    const attemptId = attemptIdOf(quizId, caller.userId, attemptNumber);
    const existing = await streams.load(attemptId);
    if (existing.state.status !== 'absent') {
      const resumed = inProgress(existing);
      if (resumed) return resumed;
      continue;
    }
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
      return {
        view: startedAttemptView(started, version.questions),
        revision: handled.revision,
        resumed: false,
      };
    } catch (error) {
      if (!(error instanceof AttemptAlreadyStartedError)) throw error;
      // Another request took this number first: it is this caller's attempt in progress.
      const resumed = inProgress(await streams.load(attemptId));
      if (resumed) return resumed;
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
