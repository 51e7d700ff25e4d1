import { answeringWith, concurrencyProblem, conflict, notFound, ProblemError } from '@quizbook/platform';
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
  return concurrencyProblem(error, 'The attempt changed since you read it; reload it.') ?? error;
}

export const answeringAttempt = answeringWith(asAttemptProblem);
