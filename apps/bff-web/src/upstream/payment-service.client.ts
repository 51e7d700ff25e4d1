import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, type AppConfig } from '@quizbook/platform';
import type { Logger } from 'pino';
import { ServiceClient } from './service-client';

/** The payment app: checkout sessions. */
@Injectable()
export class PaymentServiceClient extends ServiceClient {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    super('payment service', config.paymentServiceUrl, logger);
  }
}
