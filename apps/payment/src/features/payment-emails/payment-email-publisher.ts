import {
  notificationsTopic,
  PaymentFailed,
  PaymentFailedEmailRequested,
  PaymentRefunded,
  paymentStreamCategory,
  RefundIssuedEmailRequested,
  type CheckoutSessionOpenedData,
} from '@quizbook/contracts';
import type { CheckpointStore } from '@quizbook/database';
import type { RecordedEvent, Subscription } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { PaymentServices } from '../../payment-services';

export const paymentEmailsCheckpoint = 'payment-emails';

/** The same payment event always yields the same message id: the notification app sends it once. */
export const paymentEmailMessageId = (eventId: string) => `payment-email-${eventId}`;

/**
 * Asks the notification app to email the learner about a failed payment or an issued refund, from a
 * checkpointed subscription: a crash between append and publish delays the email, never loses it.
 */
export async function startPaymentEmailPublisher(
  services: PaymentServices,
  bus: MessageBus,
  checkpoints: CheckpointStore,
  logger: Logger,
): Promise<Subscription> {
  await checkpoints.register(paymentEmailsCheckpoint);
  return services.eventStore.subscribeToAll({
    after: await checkpoints.load(paymentEmailsCheckpoint),
    categories: [paymentStreamCategory],
    onError: (err, attempt) => logger.error({ err, attempt }, 'payment email publishing failed; retrying'),
    handler: async (event) => {
      const message = await emailFor(services, event);
      if (message) await bus.publish(notificationsTopic, message);
      await checkpoints.save(paymentEmailsCheckpoint, event.position, services.readDb.db);
    },
  });
}

async function emailFor(services: PaymentServices, event: RecordedEvent) {
  if (event.type !== PaymentFailed.type && event.type !== PaymentRefunded.type) return undefined;
  const session = await sessionOf(services, event.streamName);
  if (!session) return undefined;
  const learner = {
    learnerId: session.learnerId,
    ...(session.learnerEmail ? { email: session.learnerEmail } : {}),
  };
  const built =
    event.type === PaymentFailed.type
      ? PaymentFailedEmailRequested.create({
          orderId: session.orderId,
          ...learner,
          reason: PaymentFailed.parse(event.data).reason,
        })
      : RefundIssuedEmailRequested.create({
          orderId: session.orderId,
          ...learner,
          amountCents: PaymentRefunded.parse(event.data).amountCents,
          currency: PaymentRefunded.parse(event.data).currency,
        });
  return {
    id: paymentEmailMessageId(event.id),
    type: built.type,
    key: session.learnerId,
    payload: built.data,
  };
}

async function sessionOf(
  services: PaymentServices,
  streamName: string,
): Promise<CheckoutSessionOpenedData | undefined> {
  const orderId = streamName.slice(streamName.indexOf('-') + 1);
  return (await services.payments.load(orderId)).state.session;
}
