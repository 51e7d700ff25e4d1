import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { ServiceClient } from './service-client';

export type { UpstreamCall } from './service-client';

/** The user app: auth, profiles, roles. */
@Injectable()
export class UserServiceClient extends ServiceClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    super('user service', config.userServiceUrl, logger);
  }
}
