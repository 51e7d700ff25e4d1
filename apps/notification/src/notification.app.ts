import { Module } from '@nestjs/common';
import type { RetryPolicy } from '@quizbook/messaging';
import { defineApp } from '@quizbook/platform';
import type { NotificationServices, NotificationServicesOptions } from './notification-services';
import { NOTIFICATION_SERVICES } from './notification-tokens';
import { NotificationModule } from './notification.module';
import { startNotificationConsumer } from './sending/notification-consumer';

export interface NotificationAppOptions extends NotificationServicesOptions {
  /** Tests shorten the backoff; everything else keeps notificationRetryPolicy. */
  retry?: Partial<RetryPolicy>;
}

export function createNotificationApp(options: NotificationAppOptions = {}) {
  const { retry, ...serviceOptions } = options;
  @Module({ imports: [NotificationModule.forApp(serviceOptions)] })
  class NotificationAppModule {}

  return defineApp({
    name: 'notification',
    module: NotificationAppModule,
    uses: ['bus', 'readDb'],
    async onStart({ nest, bus, lifecycle, logger }) {
      const services = nest.get<NotificationServices>(NOTIFICATION_SERVICES);
      // Closers run last-registered first: the consumer stops before its transport closes.
      lifecycle.onShutdown('mail transport', () => services.transport.close());
      const consumer = await startNotificationConsumer({
        bus,
        sender: services.sender,
        logger,
        ...(retry ? { retry } : {}),
      });
      lifecycle.onShutdown('notification consumer', () => consumer.close());
      logger.info({ transport: services.transport.kind }, 'notification consumer started');
    },
  });
}

export const notificationApp = createNotificationApp();
