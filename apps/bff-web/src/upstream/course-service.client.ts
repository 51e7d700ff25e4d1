import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { ServiceClient } from './service-client';

/** The course app: catalog, cart, orders. */
@Injectable()
export class CourseServiceClient extends ServiceClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    // bff-web serves the course API 1:1 under /api.
    super('course service', config.courseServiceUrl, logger, '/api');
  }
}
