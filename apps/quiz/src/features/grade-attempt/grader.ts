import { AttemptSubmissionReceived, quizSubmissionsTopic } from '@quizbook/contracts';
import type { Consumer } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { QuizServices } from '../../quiz-services';
import { gradeSubmittedAttempt } from './grade-submitted-attempt';

export const graderGroup = 'quiz-grader';

/**
 * Competing consumers of `quiz-submissions`. A message only names the attempt: the grader reads the
 * attempt stream and grades what is submitted and not graded yet, so duplicates, redeliveries and
 * several graders record one grade. A handler that throws leaves the message to the bus's retries.
 */
export function startGrader(services: QuizServices, logger: Logger): Promise<Consumer> {
  return services.bus.consume({
    topic: quizSubmissionsTopic,
    group: graderGroup,
    handler: async (message) => {
      if (message.type !== AttemptSubmissionReceived.type) return;
      const { attemptId } = AttemptSubmissionReceived.parse(message.payload);
      const outcome = await gradeSubmittedAttempt(services, attemptId);
      logger.debug(
        { attemptId, outcome, messageId: message.id, delivery: message.attempt },
        'submission handled',
      );
    },
  });
}
