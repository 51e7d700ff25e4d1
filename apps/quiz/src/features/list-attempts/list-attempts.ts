import type { AttemptStatus } from '../../domain/attempt/attempt.decider';
import type { QuizServices } from '../../quiz-services';
import { quizNotFound } from '../attempt-support/attempt-problems';
import { attemptIdOf, attemptStreams } from '../attempt-support/attempt-streams';
import { readPublishedQuiz } from '../attempt-support/published-quizzes';

export interface AttemptSummary {
  attemptId: string;
  attemptNumber: number;
  quizVersion: number;
  status: Exclude<AttemptStatus, 'absent'>;
  startedAt: string;
  deadline: string;
  submittedAt?: string;
  scorePercent?: number;
  passed?: boolean;
}

/** The most attempts a quiz can allow (quizSettingsSchema): the list never reads past it. */
const maxAttempts = 100;

/**
 * The learner's attempts at a quiz, newest first. Start fills numbers 1, 2, 3... without gaps (it
 * only tries n + 1 after n exists), so the list reads attempt streams until the first absent one:
 * no read model to lag behind the start the learner just made.
 */
export async function listAttempts(
  services: QuizServices,
  learnerId: string,
  quizId: string,
): Promise<AttemptSummary[]> {
  const quiz = await readPublishedQuiz(services.eventStore, quizId);
  if (!quiz) throw quizNotFound();
  const streams = attemptStreams(services);
  const summaries: AttemptSummary[] = [];
  for (let attemptNumber = 1; attemptNumber <= maxAttempts; attemptNumber++) {
    const { state } = await streams.load(attemptIdOf(quizId, learnerId, attemptNumber));
    const started = state.started;
    if (!started) break;
    summaries.push({
      attemptId: started.attemptId,
      attemptNumber,
      quizVersion: started.quizVersion,
      status: state.status as AttemptSummary['status'],
      startedAt: started.startedAt,
      deadline: started.deadline,
      ...(state.submitted ? { submittedAt: state.submitted.submittedAt } : {}),
      ...(state.graded ? { scorePercent: state.graded.scorePercent, passed: state.graded.passed } : {}),
    });
  }
  return summaries.reverse();
}
