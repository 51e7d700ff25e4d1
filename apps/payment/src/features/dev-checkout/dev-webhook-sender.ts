import { stripeWebhooks } from '../../stripe/stripe-client';
import { stripeWebhookPath } from '../receive-stripe-webhook/raw-body';

/**
 * Delivers an event the way Stripe does (signed JSON over HTTP, to the same route), so the dev
 * provider exercises the exact path a real webhook takes, signature check included.
 */
export async function sendDevWebhook(baseUrl: string, secret: string, event: object): Promise<void> {
  const payload = JSON.stringify(event);
  const response = await fetch(`${baseUrl}${stripeWebhookPath}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': stripeWebhooks.generateTestHeaderString({ payload, secret }),
    },
    body: payload,
  });
  if (!response.ok) throw new Error(`the webhook answered ${response.status}: ${await response.text()}`);
}
