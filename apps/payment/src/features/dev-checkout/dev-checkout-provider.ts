import { randomBytes } from 'node:crypto';
import type { CheckoutProvider, CheckoutRequest, CreatedSession } from '../../stripe/checkout-provider';

const prefix = 'cs_dev_';

/**
 * The embedded default's stand-in for Stripe Checkout: the session is a page of this app. The order
 * id rides in the session id, so the page needs no storage of its own and survives restarts.
 */
export class DevCheckoutProvider implements CheckoutProvider {
  readonly kind = 'dev';
  constructor(private readonly publicUrl: string) {}

  createSession(request: CheckoutRequest): Promise<CreatedSession> {
    const sessionId = `${prefix}${Buffer.from(request.orderId).toString('base64url')}_${randomBytes(8).toString('hex')}`;
    return Promise.resolve({
      sessionId,
      url: `${this.publicUrl}/dev/checkout/${sessionId}`,
      expiresAt: request.expiresAt,
    });
  }

  /** Nothing to close: an unrecorded dev session is never paid. */
  expireSession(): Promise<void> {
    return Promise.resolve();
  }
}

export function orderIdOfDevSession(sessionId: string): string | undefined {
  const match = /^cs_dev_([A-Za-z0-9_-]+)_[0-9a-f]{16}$/.exec(sessionId);
  return match ? Buffer.from(match[1]!, 'base64url').toString('utf8') : undefined;
}
