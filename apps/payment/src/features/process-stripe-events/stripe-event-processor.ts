import {
  PaymentIntentLinked,
  paymentIntentStreamName,
  StripeEventReceived,
  stripeInboxCategory,
} from '@quizbook/contracts';
import type { CheckpointStore } from '@quizbook/database';
import type { EventStore, RecordedEvent, Subscription } from '@quizbook/eventstore';
import type { Logger } from 'pino';
import type { PaymentServices } from '../../payment-services';
import { deterministicId } from '@quizbook/eventstore';
import { stripeEffectId } from '../../streams/payment-streams';
import { readStripeEvent, type ReadStripeEvent } from './stripe-facts';

export const stripeInboxCheckpoint = 'payment-stripe-inbox';

/**
 * Applies recorded Stripe events to the payment streams, in the order they were recorded. The
 * checkpoint is saved after the effect: a crash in between applies the event again, which the
 * effect's id derived from the Stripe event id (and the decider's seen set) turn into a no-op.
 */
export async function startStripeEventProcessor(
  services: PaymentServices,
  checkpoints: CheckpointStore,
  logger: Logger,
): Promise<Subscription> {
  await checkpoints.register(stripeInboxCheckpoint);
  return services.eventStore.subscribeToAll({
    after: await checkpoints.load(stripeInboxCheckpoint),
    categories: [stripeInboxCategory],
    onError: (err, attempt) => logger.error({ err, attempt }, 'stripe event processing failed; retrying'),
    handler: async (recorded) => {
      await applyStripeEvent(services, recorded, logger);
      await checkpoints.save(stripeInboxCheckpoint, recorded.position, services.readDb.db);
    },
  });
}

async function applyStripeEvent(services: PaymentServices, recorded: RecordedEvent, logger: Logger) {
  if (recorded.type !== StripeEventReceived.type) return;
  const received = StripeEventReceived.parse(recorded.data);
  const read = readStripeEvent(received);
  const orderId = read && (read.orderId ?? (await orderOfPaymentIntent(services.eventStore, read)));
  if (!read || !orderId) {
    logger.warn(
      { stripeEventId: received.stripeEventId, stripeType: received.stripeType },
      'stripe event names no known order; dropped',
    );
    return;
  }
  await services.payments.handle(
    orderId,
    {
      type: 'ApplyStripeEvent',
      orderId,
      stripeEventId: received.stripeEventId,
      stripeType: received.stripeType,
      fact: read.fact,
      amountCents: read.amountCents,
      currency: read.currency,
    },
    stripeEffectId(received.stripeEventId),
  );
  if (read.paymentIntentId && read.fact.kind !== 'charge-refunded')
    await linkPaymentIntent(services.eventStore, read.paymentIntentId, orderId);
}

async function orderOfPaymentIntent(store: EventStore, read: ReadStripeEvent): Promise<string | undefined> {
  if (!read.paymentIntentId) return undefined;
  const [link] = await store.readStream(paymentIntentStreamName(read.paymentIntentId), { maxCount: 1 });
  return link ? PaymentIntentLinked.parse(link.data).orderId : undefined;
}

/** Idempotent: the same link always has the same id. */
async function linkPaymentIntent(store: EventStore, paymentIntentId: string, orderId: string) {
  const linked = PaymentIntentLinked.create({ paymentIntentId, orderId });
  await store.appendToStream(
    paymentIntentStreamName(paymentIntentId),
    [{ id: deterministicId(`payment-intent:${paymentIntentId}`), type: linked.type, data: linked.data }],
    { expectedRevision: 'any' },
  );
}
