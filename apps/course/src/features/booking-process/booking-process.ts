import { parsePaymentEvent, paymentStreamCategory } from '@quizbook/contracts';
import type { CheckpointStore } from '@quizbook/database';
import type { RecordedEvent, Subscription } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import type { Logger } from 'pino';
import type { CourseServices } from '../../course-services';
import { expireOrder } from '../expire-seat-holds/expire-order';
import { confirmBooking, type BookingOutcome } from './confirm-booking';
import { revokeBooking } from './revoke-booking';

export const bookingProcessCheckpoint = 'course-booking-process';

/**
 * The booking process manager: payment facts become order, seat and email effects. The checkpoint
 * moves only after every effect of an event, and the subscription retries a failing event instead
 * of skipping it, so a crash anywhere replays the event; the named effects absorb the replay.
 */
export async function startBookingProcess(
  services: CourseServices,
  bus: MessageBus,
  checkpoints: CheckpointStore,
  logger: Logger,
): Promise<Subscription> {
  await checkpoints.register(bookingProcessCheckpoint);
  return services.eventStore.subscribeToAll({
    after: await checkpoints.load(bookingProcessCheckpoint),
    categories: [paymentStreamCategory],
    onError: (err, attempt) => logger.error({ err, attempt }, 'booking step failed; retrying'),
    handler: async (event) => {
      const outcome = await applyPaymentEvent(services, bus, event);
      if (outcome !== 'done')
        logger.warn({ eventId: event.id, type: event.type, ...outcome }, 'payment event changes no booking');
      await checkpoints.save(bookingProcessCheckpoint, event.position, services.readDb.db);
    },
  });
}

async function applyPaymentEvent(
  services: CourseServices,
  bus: MessageBus,
  event: RecordedEvent,
): Promise<BookingOutcome> {
  const payment = parsePaymentEvent(event.type, event.data);
  switch (payment?.type) {
    case 'PaymentReceived':
      return confirmBooking(services, bus, payment.data);
    case 'PaymentRefunded':
      return revokeBooking(services, payment.data);
    case 'CheckoutExpired':
      // A session never outlives the hold, so its expiry ends the unpaid order like the hold timer.
      await expireOrder(services, payment.data.orderId);
      return 'done';
    default:
      // PaymentFailed leaves the order awaiting payment (a new checkout may still pay it until the
      // hold expires) and the payment app sends that email; the rest is payment's own bookkeeping.
      return 'done';
  }
}
