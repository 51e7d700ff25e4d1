import {
  attemptStreamCategory,
  AttemptSubmissionReceived,
  parseAttemptEvent,
  quizSubmissionsTopic,
} from '@quizbook/contracts';
import type { CheckpointStore } from '@quizbook/database';
import type { Subscription } from '@quizbook/eventstore';
import type { Logger } from 'pino';
import type { QuizServices } from '../../quiz-services';

export const submissionRelayCheckpoint = 'quiz-submission-relay';

/**
 * An outbox read from the event store: every AttemptSubmitted becomes one AttemptSubmissionReceived
 * on `quiz-submissions`. The checkpoint moves only after the publish, so a crash in between
 * republishes the same message (its id is the event's id: a duplicate the grader absorbs), and a
 * crash right after the submit's append is caught up at the next start.
 */
export async function startSubmissionRelay(
  services: QuizServices,
  checkpoints: CheckpointStore,
  logger: Logger,
): Promise<Subscription> {
  await checkpoints.register(submissionRelayCheckpoint);
  return services.eventStore.subscribeToAll({
    after: await checkpoints.load(submissionRelayCheckpoint),
    categories: [attemptStreamCategory],
    onError: (err, attempt) =>
      logger.error({ err, attempt }, 'submission relay failed; retrying the same event'),
    handler: async (recorded) => {
      const event = parseAttemptEvent(recorded.type, recorded.data);
      if (event?.type === 'AttemptSubmitted') {
        const message = AttemptSubmissionReceived.create({ attemptId: event.data.attemptId });
        await services.bus.publish(quizSubmissionsTopic, {
          id: recorded.id,
          type: message.type,
          key: event.data.attemptId,
          payload: message.data,
        });
      }
      await checkpoints.save(submissionRelayCheckpoint, recorded.position, services.readDb.db);
    },
  });
}
