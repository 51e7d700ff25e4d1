import type { PaymentStatus } from './payment.decider';

/** A session is open: the handler answers that one instead of creating another. */
export class CheckoutAlreadyOpenError extends Error {
  override readonly name = 'CheckoutAlreadyOpenError';
  constructor(readonly sessionId: string) {
    super(`checkout session ${sessionId} is still open`);
  }
}

/** The order is paid, being paid or refunded: no new checkout. */
export class PaymentNotOpenableError extends Error {
  override readonly name = 'PaymentNotOpenableError';
  constructor(readonly status: PaymentStatus) {
    super(`the payment is ${status}; no new checkout session`);
  }
}
