import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import { APP_CONFIG, EVENT_STORE, READ_DATABASE, type AppConfig } from '@quizbook/platform';
import { CheckoutReturnController } from './features/checkout-return/checkout-return.controller';
import { DevCheckoutController } from './features/dev-checkout/dev-checkout.controller';
import { OpenCheckoutController } from './features/open-checkout/open-checkout.controller';
import { StripeWebhookController } from './features/receive-stripe-webhook/stripe-webhook.controller';
import { createPaymentServices } from './payment-services';
import { PAYMENT_SERVICES } from './payment-tokens';

export interface PaymentModuleOptions {
  /** Specs move time to check the seat hold and session bounds. */
  now?: () => Date;
}

/** Checkout sessions, Stripe webhooks and refunds: `payment-<orderId>` streams. */
@Module({})
export class PaymentModule {
  static forApp(options: PaymentModuleOptions = {}): DynamicModule {
    return {
      module: PaymentModule,
      imports: [AuthModule.forApp()],
      controllers: [
        OpenCheckoutController,
        StripeWebhookController,
        DevCheckoutController,
        CheckoutReturnController,
      ],
      providers: [
        {
          provide: PAYMENT_SERVICES,
          inject: [EVENT_STORE, READ_DATABASE, APP_CONFIG],
          useFactory: (eventStore: EventStore, readDb: AnySqlDatabase, config: AppConfig) =>
            createPaymentServices({
              eventStore,
              readDb,
              config,
              ...(options.now ? { now: options.now } : {}),
            }),
        },
      ],
      exports: [PAYMENT_SERVICES],
    };
  }
}
