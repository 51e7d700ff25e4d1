import { defineApp } from '@quizbook/platform';
import { NotificationModule } from './notification.module';

export const notificationApp = defineApp({
  name: 'notification',
  module: NotificationModule,
  uses: ['bus', 'readDb'],
});
