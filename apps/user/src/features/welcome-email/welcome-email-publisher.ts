import {
  notificationsTopic,
  UserRegistered,
  userStreamCategory,
  WelcomeEmailRequested,
} from '@quizbook/contracts';
import type { AnySqlDatabase, CheckpointStore } from '@quizbook/database';
import type { EventStore, Subscription } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';

export const welcomeEmailCheckpoint = 'user-welcome-email';

export interface WelcomeEmailPublisherDependencies {
  eventStore: EventStore;
  bus: MessageBus;
  readDb: AnySqlDatabase;
  checkpoints: CheckpointStore;
  onError?: (error: unknown, attempt: number) => void;
}

/** The same registration always yields the same message id, so a republish after a crash is a duplicate the consumer drops. */
export const welcomeMessageId = (eventId: string) => `welcome-email-${eventId}`;

/**
 * Publishes WelcomeEmailRequested for every UserRegistered, from a checkpointed subscription rather
 * than inline after the append: a crash between append and publish then delays the email instead
 * of losing it. The checkpoint is saved after the publish (at-least-once).
 */
export async function startWelcomeEmailPublisher(
  deps: WelcomeEmailPublisherDependencies,
): Promise<Subscription> {
  await deps.checkpoints.register(welcomeEmailCheckpoint);
  const checkpoint = await deps.checkpoints.load(welcomeEmailCheckpoint);
  return deps.eventStore.subscribeToAll({
    after: checkpoint,
    categories: [userStreamCategory],
    onError: deps.onError,
    handler: async (event) => {
      if (event.type === UserRegistered.type) {
        const { userId, email, name } = UserRegistered.parse(event.data);
        const message = WelcomeEmailRequested.create({ userId, email, name });
        await deps.bus.publish(notificationsTopic, {
          id: welcomeMessageId(event.id),
          type: message.type,
          key: userId,
          payload: message.data,
        });
      }
      await deps.checkpoints.save(welcomeEmailCheckpoint, event.position, deps.readDb.db);
    },
  });
}
