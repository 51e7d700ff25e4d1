import { notificationsTopic } from '@quizbook/contracts';
import type { Consumer, MessageBus, RetryPolicy } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { NotificationSender } from './notification-sender';

export const notificationGroup = 'notification-service';

/**
 * About 35 minutes of retries (1 s doubling to 5 min) before a message is dead-lettered: an SMTP
 * server that is down for a while delays the emails instead of losing them. Dead-lettered messages
 * keep their id on `notifications.notification-service.dead-letter`, so republishing them is safe.
 */
export const notificationRetryPolicy: RetryPolicy = {
  maxAttempts: 15,
  initialBackoffMs: 1_000,
  maxBackoffMs: 300_000,
};

export interface NotificationConsumerOptions {
  bus: MessageBus;
  sender: NotificationSender;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
}

export function startNotificationConsumer(options: NotificationConsumerOptions): Promise<Consumer> {
  const retry = { ...notificationRetryPolicy, ...options.retry };
  return options.bus.consume({
    topic: notificationsTopic,
    group: notificationGroup,
    retry,
    handler: async (message) => {
      try {
        const outcome = await options.sender.handle(message);
        options.logger?.info({ messageId: message.id, type: message.type, outcome }, 'notification');
      } catch (error) {
        const final = message.attempt >= retry.maxAttempts;
        options.logger?.[final ? 'error' : 'warn'](
          { err: error, messageId: message.id, type: message.type, attempt: message.attempt },
          final ? 'notification failed for the last time; dead-lettered' : 'notification failed; will retry',
        );
        throw error;
      }
    },
  });
}
