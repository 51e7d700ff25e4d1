import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import type { SqlDatabase } from '@quizbook/database';
import { APP_CONFIG, READ_DATABASE, type AppConfig } from '@quizbook/platform';
import { DevMailboxController } from './dev-mailbox/dev-mailbox.controller';
import { createNotificationServices, type NotificationServicesOptions } from './notification-services';
import { NOTIFICATION_SERVICES } from './notification-tokens';

/** Email templates, sending and the dev mailbox, from bus messages. */
@Module({})
export class NotificationModule {
  static forApp(options: NotificationServicesOptions = {}): DynamicModule {
    return {
      module: NotificationModule,
      // Every route but the @Public() dev mailbox needs a token: a route added later fails closed.
      imports: [AuthModule.forApp()],
      controllers: [DevMailboxController],
      providers: [
        {
          provide: NOTIFICATION_SERVICES,
          inject: [READ_DATABASE, APP_CONFIG],
          useFactory: (readDb: SqlDatabase, config: AppConfig) =>
            createNotificationServices(readDb, config, options),
        },
      ],
      exports: [NOTIFICATION_SERVICES],
    };
  }
}
