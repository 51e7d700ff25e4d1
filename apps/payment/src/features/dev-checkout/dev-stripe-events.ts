import { randomBytes } from 'node:crypto';
import type { CheckoutSessionOpenedData } from '@quizbook/contracts';

export type DevOutcome = 'pay' | 'fail' | 'expire';

const id = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

/** A checkout.session object as Stripe sends it in events, with the fields this service reads. */
function sessionObject(session: CheckoutSessionOpenedData, overrides: Record<string, unknown>) {
  return {
    id: session.sessionId,
    object: 'checkout.session',
    mode: 'payment',
    client_reference_id: session.orderId,
    metadata: { orderId: session.orderId, userId: session.learnerId },
    amount_total: session.amountCents,
    currency: session.currency.toLowerCase(),
    expires_at: Math.floor(new Date(session.expiresAt).getTime() / 1000),
    livemode: false,
    ...overrides,
  };
}

function event(type: string, object: Record<string, unknown>) {
  return {
    id: id('evt_dev_'),
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

/** What Stripe would send for each button, in the order it would send it. */
export function devStripeEvents(session: CheckoutSessionOpenedData, outcome: DevOutcome) {
  const paymentIntent = id('pi_dev_');
  switch (outcome) {
    case 'pay':
      return [
        event(
          'checkout.session.completed',
          sessionObject(session, {
            status: 'complete',
            payment_status: 'paid',
            payment_intent: paymentIntent,
          }),
        ),
      ];
    case 'fail':
      // A delayed method: the session completes unpaid, then the payment fails.
      return [
        event(
          'checkout.session.completed',
          sessionObject(session, {
            status: 'complete',
            payment_status: 'unpaid',
            payment_intent: paymentIntent,
          }),
        ),
        event(
          'checkout.session.async_payment_failed',
          sessionObject(session, {
            status: 'complete',
            payment_status: 'unpaid',
            payment_intent: paymentIntent,
          }),
        ),
      ];
    case 'expire':
      return [
        event(
          'checkout.session.expired',
          sessionObject(session, { status: 'expired', payment_status: 'unpaid' }),
        ),
      ];
  }
}
