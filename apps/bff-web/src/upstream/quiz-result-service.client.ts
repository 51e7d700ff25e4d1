import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { ServiceClient } from './service-client';

/** The quiz-result app: scoreboards, progress, and the live messages a reconnecting client missed. */
@Injectable()
export class QuizResultServiceClient extends ServiceClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    super('quiz-result service', config.quizResultServiceUrl, logger);
  }
}
