import type { Principal } from '@quizbook/auth';
import type { AttemptStartedData } from '@quizbook/contracts';
import type { LoadedStream } from '@quizbook/platform';
import type { AttemptState } from '../../domain/attempt/attempt.decider';
import type { QuizServices } from '../../quiz-services';
import { attemptNotFound } from './attempt-problems';
import { attemptStreams } from './attempt-streams';
import { readPublishedQuiz } from './published-quizzes';

export interface VisibleAttempt extends LoadedStream<AttemptState> {
  started: AttemptStartedData;
}

/**
 * The attempt when `caller` may see it: its learner always; the quiz's owner and admins when
 * `staff` allows. Anyone else gets the same 404 as for an attempt that does not exist.
 */
export async function visibleAttempt(
  services: QuizServices,
  caller: Principal,
  attemptId: string,
  { staff }: { staff: boolean },
): Promise<VisibleAttempt> {
  const loaded = await attemptStreams(services).load(attemptId);
  const started = loaded.state.started;
  if (!started) throw attemptNotFound();
  if (started.learnerId === caller.userId) return { ...loaded, started };
  if (staff) {
    if (caller.roles.includes('admin')) return { ...loaded, started };
    const quiz = await readPublishedQuiz(services.eventStore, started.quizId);
    if (quiz && quiz.ownerId === caller.userId) return { ...loaded, started };
  }
  throw attemptNotFound();
}
