import type { StripeEventReceivedData } from '@quizbook/contracts';
import type { StripeFact } from '../../domain/payment.decider';

/** A Stripe event read for the decider: which order, what happened, for how much. */
export interface ReadStripeEvent {
  /** Absent for a refund: the charge names its payment intent, looked up in the links. */
  orderId?: string;
  paymentIntentId?: string;
  fact: StripeFact;
  amountCents: number;
  currency: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** `payment_intent` is an id, or the expanded object when the endpoint asks for it. */
const idOf = (value: unknown): string | undefined =>
  text(value) ??
  (typeof value === 'object' && value !== null ? text((value as { id?: unknown }).id) : undefined);

function metadataOrderId(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  return typeof metadata === 'object' && metadata !== null
    ? text((metadata as Record<string, unknown>).orderId)
    : undefined;
}

export function readStripeEvent(event: StripeEventReceivedData): ReadStripeEvent | undefined {
  const object = event.object;
  const amount = (field: string) => (typeof object[field] === 'number' ? (object[field] as number) : 0);
  const currency = (text(object.currency) ?? 'xxx').toUpperCase();
  const paymentIntentId = idOf(object.payment_intent);
  if (event.stripeType === 'charge.refunded') {
    return {
      ...(metadataOrderId(object) ? { orderId: metadataOrderId(object)! } : {}),
      ...(paymentIntentId ? { paymentIntentId } : {}),
      fact: { kind: 'charge-refunded', amountRefundedCents: amount('amount_refunded'), currency },
      amountCents: amount('amount_refunded'),
      currency,
    };
  }
  const orderId = text(object.client_reference_id) ?? metadataOrderId(object);
  const sessionId = text(object.id);
  if (!orderId || !sessionId) return undefined;
  const base = {
    orderId,
    amountCents: amount('amount_total'),
    currency,
    ...(paymentIntentId ? { paymentIntentId } : {}),
  };
  const withIntent = paymentIntentId ? { paymentIntentId } : {};
  switch (event.stripeType) {
    case 'checkout.session.completed':
      return {
        ...base,
        fact: {
          kind: 'session-completed',
          sessionId,
          paid: object.payment_status !== 'unpaid',
          ...withIntent,
        },
      };
    case 'checkout.session.async_payment_succeeded':
      return { ...base, fact: { kind: 'async-payment-succeeded', sessionId, ...withIntent } };
    case 'checkout.session.async_payment_failed':
      return {
        ...base,
        fact: { kind: 'async-payment-failed', sessionId, reason: 'the delayed payment failed' },
      };
    case 'checkout.session.expired':
      return { ...base, fact: { kind: 'session-expired', sessionId } };
    default:
      return undefined;
  }
}
