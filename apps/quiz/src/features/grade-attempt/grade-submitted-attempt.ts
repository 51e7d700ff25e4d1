import type { QuizServices } from '../../quiz-services';
import { attemptEventNames, attemptStreams } from '../attempt-support/attempt-streams';
import { attemptQuizVersionOf, readPublishedQuiz } from '../attempt-support/published-quizzes';

export type GradingOutcome = 'graded' | 'already-graded' | 'nothing-to-grade';

/** A submitted attempt whose quiz version cannot be found: retrying will not help, so say why. */
export class QuizVersionMissingError extends Error {
  override readonly name = 'QuizVersionMissingError';
}

/**
 * Grades one attempt against the published version it was started on and appends AttemptGraded as
 * `graded-<attemptId>`. Safe to call any number of times, from any number of processes: the
 * decider records nothing for a graded attempt, and a concurrent append of the same grade is a
 * conflict that reloads into "graded already".
 */
export async function gradeSubmittedAttempt(
  services: QuizServices,
  attemptId: string,
): Promise<GradingOutcome> {
  const streams = attemptStreams(services);
  const { state } = await streams.load(attemptId);
  if (state.status === 'graded') return 'already-graded';
  if (state.status !== 'submitted' || !state.started) return 'nothing-to-grade';
  const { quizId, quizVersion } = state.started;
  const version = (await readPublishedQuiz(services.eventStore, quizId))?.versions.get(quizVersion);
  if (!version) throw new QuizVersionMissingError(`quiz ${quizId} has no published version ${quizVersion}`);
  const handled = await streams.handle(
    attemptId,
    { type: 'RecordGrade', attemptId, quiz: attemptQuizVersionOf(version), now: services.clock() },
    { eventName: attemptEventNames },
  );
  return handled.appended.length > 0 ? 'graded' : 'already-graded';
}
