import type { PaymentSettings } from '@quizbook/platform';
import Stripe from 'stripe';

/** The real client; STRIPE_API_URL points it at a local double (tests) instead of api.stripe.com. */
export function createStripeClient(settings: PaymentSettings): Stripe {
  if (!settings.stripeSecretKey) throw new Error('the Stripe client needs STRIPE_SECRET_KEY');
  const api = settings.stripeApiUrl ? new URL(settings.stripeApiUrl) : undefined;
  return new Stripe(settings.stripeSecretKey, {
    maxNetworkRetries: 2,
    ...(api
      ? {
          host: api.hostname,
          port: api.port || (api.protocol === 'https:' ? 443 : 80),
          protocol: api.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}

/** Signature checks need no API key: the static helpers suit the dev provider too. */
export const stripeWebhooks = Stripe.webhooks;

/** Stripe's own default window against replayed deliveries: five minutes. */
export const webhookToleranceSeconds = 300;
