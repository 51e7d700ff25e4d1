import { orderStreamCategory, parseOrderEvent } from '@quizbook/contracts';
import type { CheckpointStore } from '@quizbook/database';
import type { RecordedEvent, Subscription } from '@quizbook/eventstore';
import type { Logger } from 'pino';
import Stripe from 'stripe';
import type { PaymentServices } from '../../payment-services';

export const closeCheckoutCheckpoint = 'payment-close-checkout';

/**
 * An order that can no longer be paid (its hold expired, the learner cancelled it) closes its open
 * checkout session, so nobody pays for seats already released. Stripe answers with
 * `checkout.session.expired`, which the inbox records like any other event.
 */
export async function startClosingUnpayableCheckouts(
  services: PaymentServices,
  checkpoints: CheckpointStore,
  logger: Logger,
): Promise<Subscription> {
  await checkpoints.register(closeCheckoutCheckpoint);
  return services.eventStore.subscribeToAll({
    after: await checkpoints.load(closeCheckoutCheckpoint),
    categories: [orderStreamCategory],
    onError: (err, attempt) => logger.error({ err, attempt }, 'closing a checkout session failed; retrying'),
    handler: async (event) => {
      await closeIfUnpayable(services, event, logger);
      await checkpoints.save(closeCheckoutCheckpoint, event.position, services.readDb.db);
    },
  });
}

async function closeIfUnpayable(services: PaymentServices, recorded: RecordedEvent, logger: Logger) {
  const event = parseOrderEvent(recorded.type, recorded.data);
  if (event?.type !== 'OrderExpired' && event?.type !== 'OrderCancelled') return;
  const { state } = await services.payments.load(event.data.orderId);
  if (state.status !== 'open' || !state.session) return;
  try {
    await services.checkout.expireSession(state.session.sessionId);
  } catch (error) {
    // Already expired or completed at Stripe: its own webhook tells the rest.
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    logger.warn({ err: error, sessionId: state.session.sessionId }, 'checkout session was no longer open');
  }
}
