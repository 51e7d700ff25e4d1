import { Module } from '@nestjs/common';
import { openCheckpointStore } from '@quizbook/database';
import { defineApp } from '@quizbook/platform';
import { startClosingUnpayableCheckouts } from './features/close-unpayable-checkout/close-unpayable-checkout';
import { startPaymentEmailPublisher } from './features/payment-emails/payment-email-publisher';
import { startStripeEventProcessor } from './features/process-stripe-events/stripe-event-processor';
import { keepRawBodyForStripe } from './features/receive-stripe-webhook/raw-body';
import { PaymentModule, type PaymentModuleOptions } from './payment.module';
import type { PaymentServices } from './payment-services';
import { PAYMENT_SERVICES } from './payment-tokens';

export interface PaymentAppOptions extends PaymentModuleOptions {
  /** False: webhooks are recorded but not applied, as if the process died right after the 2xx. */
  processStripeEvents?: boolean;
}

/** One definition per call, so specs can boot the app twice on the same stores (a restart). */
export function createPaymentApp(options: PaymentAppOptions = {}) {
  @Module({ imports: [PaymentModule.forApp(options.now ? { now: options.now } : {})] })
  class PaymentAppModule {}

  return defineApp({
    name: 'payment',
    module: PaymentAppModule,
    uses: ['eventStore', 'bus', 'readDb'],
    configure({ nest, config }) {
      keepRawBodyForStripe(nest, config.bodyLimitBytes);
    },
    async onStart({ nest, bus, readDb, lifecycle, logger }) {
      const services = nest.get<PaymentServices>(PAYMENT_SERVICES);
      const checkpoints = await openCheckpointStore(readDb);
      const log = logger.child({ component: 'payment consumers' });
      if (options.processStripeEvents !== false) {
        const inbox = await startStripeEventProcessor(services, checkpoints, log);
        lifecycle.onShutdown('stripe event processor', () => inbox.close());
      }
      const emails = await startPaymentEmailPublisher(services, bus, checkpoints, log);
      lifecycle.onShutdown('payment email publisher', () => emails.close());
      const closing = await startClosingUnpayableCheckouts(services, checkpoints, log);
      lifecycle.onShutdown('checkout closer', () => closing.close());
    },
  });
}

export const paymentApp = createPaymentApp();
