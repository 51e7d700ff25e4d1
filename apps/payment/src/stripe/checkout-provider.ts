import type { OrderLine } from '@quizbook/contracts';

export interface CheckoutRequest {
  orderId: string;
  learnerId: string;
  learnerEmail?: string;
  lines: readonly OrderLine[];
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  /** Same key, same session: a retried create never opens a second one. */
  idempotencyKey: string;
}

export interface CreatedSession {
  sessionId: string;
  url: string;
  expiresAt: Date;
}

/** Stripe itself, or the dev provider of the embedded default. Only the payment app holds one. */
export interface CheckoutProvider {
  readonly kind: 'stripe' | 'dev';
  createSession(request: CheckoutRequest): Promise<CreatedSession>;
  /** Closes a session nobody will use (the loser of a race); Stripe then sends `checkout.session.expired`. */
  expireSession(sessionId: string): Promise<void>;
}
