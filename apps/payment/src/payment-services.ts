import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import type { AppConfig, PaymentSettings } from '@quizbook/platform';
import { DevCheckoutProvider } from './features/dev-checkout/dev-checkout-provider';
import type { CheckoutProvider } from './stripe/checkout-provider';
import { StripeCheckoutProvider } from './stripe/stripe-checkout-provider';
import { createStripeClient } from './stripe/stripe-client';
import { KeyedMutex } from '@quizbook/platform';
import { PaymentStreams } from './streams/payment-streams';

/** Everything the payment features share; built once per app, injected as PAYMENT_SERVICES. */
export interface PaymentServices {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  settings: PaymentSettings;
  checkout: CheckoutProvider;
  payments: PaymentStreams;
  now: () => Date;
}

export function createPaymentServices(options: {
  eventStore: EventStore;
  readDb: AnySqlDatabase;
  config: AppConfig;
  now?: () => Date;
}): PaymentServices {
  const settings = options.config.payments;
  return {
    eventStore: options.eventStore,
    readDb: options.readDb,
    settings,
    checkout:
      settings.provider === 'stripe'
        ? new StripeCheckoutProvider(createStripeClient(settings))
        : new DevCheckoutProvider(settings.publicUrl),
    payments: new PaymentStreams(options.eventStore, new KeyedMutex()),
    now: options.now ?? (() => new Date()),
  };
}
