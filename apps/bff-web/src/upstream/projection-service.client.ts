import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { ServiceClient } from './service-client';

/** The projection app: read models behind `/read/...`. */
@Injectable()
export class ProjectionServiceClient extends ServiceClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    super('projection service', config.projectionServiceUrl, logger);
  }
}
