import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { ServiceClient } from './service-client';

/** The quiz app: quizzes, question bank, attempts. */
@Injectable()
export class QuizServiceClient extends ServiceClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    super('quiz service', config.quizServiceUrl, logger);
  }
}
