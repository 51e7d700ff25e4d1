import type { AppContext } from '@quizbook/platform';
import type { QuizServices } from '../quiz-services';

/** The grader (submissions from the bus) and the deadline timer, started once the app listens. */
export async function startAttemptWorkers(
  _services: QuizServices,
  _context: AppContext<'eventStore' | 'bus' | 'readDb'>,
): Promise<void> {}
