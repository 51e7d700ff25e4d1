import {
  conflict,
  etagOf,
  notFound,
  preconditionFailed,
  ProblemError,
  StaleRevisionError,
  TooManyConflictsError,
} from '@quizbook/platform';
import {
  AttemptAlreadySubmittedError,
  AttemptClosedError,
  AttemptNotFoundError,
} from '../../domain/attempt/attempt-errors';

export const attemptNotFound = () => notFound('There is no such attempt.', { type: 'attempt-not-found' });
export const quizNotFound = () => notFound('There is no such quiz.', { type: 'quiz-not-found' });
export const attemptDeadlinePassed = (deadline: string) =>
  conflict('The deadline has passed and this quiz refuses late answers; the attempt is closed.', {
    type: 'attempt-deadline-passed',
    extensions: { deadline },
  });

/** Domain refusals as problems with stable types; anything else propagates as the 500 it is. */
export function asAttemptProblem(error: unknown): unknown {
  if (error instanceof ProblemError) return error;
  if (error instanceof AttemptNotFoundError) return attemptNotFound();
  if (error instanceof AttemptAlreadySubmittedError)
    return conflict('This attempt was submitted already; an attempt takes one answer sheet.', {
      type: 'attempt-already-submitted',
    });
  if (error instanceof AttemptClosedError)
    return conflict('The attempt closed at its deadline; it takes no more answers.', {
      type: 'attempt-deadline-passed',
    });
  if (error instanceof StaleRevisionError)
    return preconditionFailed('The attempt changed since you read it; reload it.', {
      type: 'stale-version',
      extensions: { currentETag: etagOf(error.current) },
    });
  if (error instanceof TooManyConflictsError)
    return conflict('Too many concurrent changes; retry.', { type: 'concurrent-modification' });
  return error;
}

export async function answeringAttempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asAttemptProblem(error);
  }
}
