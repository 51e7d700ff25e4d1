import { StripeEventReceived, stripeInboxStreamName } from '@quizbook/contracts';
import { DuplicateEventIdError, WrongExpectedRevisionError, type EventStore } from '@quizbook/eventstore';
import type Stripe from 'stripe';
import { deterministicId } from '@quizbook/eventstore';

/** The Stripe event types this service acts on; others are acknowledged and dropped. */
export const handledStripeTypes: ReadonlySet<string> = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'charge.refunded',
]);

/**
 * Durably records a verified event before the 2xx, one stream per Stripe event id: a redelivery
 * (even one whose envelope changed, e.g. `pending_webhooks`) finds it recorded and adds nothing.
 */
export async function recordStripeEvent(
  store: EventStore,
  event: Stripe.Event,
): Promise<'recorded' | 'duplicate'> {
  const received = StripeEventReceived.create({
    stripeEventId: event.id,
    stripeType: event.type,
    created: event.created,
    object: event.data.object as unknown as Record<string, unknown>,
  });
  const stream = stripeInboxStreamName(event.id);
  // The store turns an identical retried append into a silent no-op; this read names it for the answer.
  if ((await store.readStream(stream, { maxCount: 1 })).length > 0) return 'duplicate';
  try {
    await store.appendToStream(
      stream,
      [{ id: deterministicId(`stripe-inbox:${event.id}`), type: received.type, data: received.data }],
      { expectedRevision: 'no-stream' },
    );
    return 'recorded';
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)
      return 'duplicate';
    throw error;
  }
}
