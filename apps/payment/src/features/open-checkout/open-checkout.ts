import type { CheckoutSessionOpenedData } from '@quizbook/contracts';
import { WrongExpectedRevisionError } from '@quizbook/eventstore';
import { conflict } from '@quizbook/platform';
import { CheckoutAlreadyOpenError, PaymentNotOpenableError } from '../../domain/payment-errors';
import { paymentDecider } from '../../domain/payment.decider';
import type { PaymentServices } from '../../payment-services';
import { checkoutExpiry } from './checkout-expiry';
import type { OrderToPay } from './order-to-pay';

export interface CheckoutView {
  checkoutUrl: string;
  sessionId: string;
  expiresAt: string;
}

const viewOf = (session: CheckoutSessionOpenedData): CheckoutView => ({
  checkoutUrl: session.url,
  sessionId: session.sessionId,
  expiresAt: session.expiresAt,
});

const maxAttempts = 5;

/**
 * One open session per order. Requests queue per order in this process; across processes the
 * expected-revision append decides, and the loser closes the session it created and answers the
 * winner's. The Stripe idempotency key is tied to the stream revision, so a retried create after a
 * crash returns the same session instead of opening another.
 */
export async function openCheckout(
  services: PaymentServices,
  order: OrderToPay,
  learnerEmail: string | undefined,
): Promise<CheckoutView> {
  const { payments } = services;
  return payments.mutex.run(`checkout-${order.orderId}`, async () => {
    for (let attempt = 1; ; attempt++) {
      const loaded = await payments.load(order.orderId);
      const now = services.now();
      const existing = answerExisting(loaded.state, now);
      if (existing) return existing;
      assertPayable(order, now);

      const expiresAt = checkoutExpiry(order.seatsHeldUntil!, now);
      const publicUrl = services.settings.publicUrl;
      const created = await services.checkout.createSession({
        orderId: order.orderId,
        learnerId: order.learnerId,
        ...(learnerEmail ? { learnerEmail } : {}),
        lines: order.lines,
        expiresAt,
        successUrl: `${publicUrl}/checkout/complete?orderId=${encodeURIComponent(order.orderId)}&session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${publicUrl}/checkout/cancelled?orderId=${encodeURIComponent(order.orderId)}`,
        idempotencyKey: `checkout-${order.orderId}-${loaded.revision}`,
      });
      const session: CheckoutSessionOpenedData = {
        orderId: order.orderId,
        sessionId: created.sessionId,
        url: created.url,
        expiresAt: created.expiresAt.toISOString(),
        amountCents: order.totalCents,
        currency: order.currency,
        learnerId: order.learnerId,
        ...(learnerEmail ? { learnerEmail } : {}),
      };
      try {
        const events = paymentDecider.decide({ type: 'OpenCheckoutSession', session, now }, loaded.state);
        await payments.append(order.orderId, events, loaded.revision);
        return viewOf(session);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
        const winner = answerExisting((await payments.load(order.orderId)).state, now);
        if (winner?.sessionId !== created.sessionId) await services.checkout.expireSession(created.sessionId);
        if (winner) return winner;
      }
    }
  });
}

/** The open session to answer again, or undefined when a new one may be opened. */
function answerExisting(
  state: Parameters<typeof paymentDecider.decide>[1],
  now: Date,
): CheckoutView | undefined {
  try {
    paymentDecider.decide({ type: 'OpenCheckoutSession', session: placeholder, now }, state);
    return undefined;
  } catch (error) {
    if (error instanceof CheckoutAlreadyOpenError) return viewOf(state.session!);
    if (error instanceof PaymentNotOpenableError)
      throw conflict(`The order's payment is ${error.status}; there is nothing left to pay.`, {
        type: 'payment-not-openable',
        extensions: { paymentStatus: error.status },
      });
    throw error;
  }
}

const placeholder: CheckoutSessionOpenedData = {
  orderId: '-',
  sessionId: '-',
  url: 'http://-',
  expiresAt: new Date(0).toISOString(),
  amountCents: 0,
  currency: 'XXX',
  learnerId: '-',
};

function assertPayable(order: OrderToPay, now: Date): void {
  const held = order.status === 'awaiting-payment' && order.seatsHeldUntil && order.seatsHeldUntil > now;
  if (held) return;
  const detail =
    order.status === 'initiated'
      ? 'The order is still being placed; retry in a moment.'
      : order.status === 'awaiting-payment'
        ? 'The seat hold of this order has run out.'
        : `The order is ${order.status}; only an order holding its seats can be paid.`;
  throw conflict(detail, { type: 'order-not-payable', extensions: { orderStatus: order.status } });
}
