import type Stripe from 'stripe';
import type { CheckoutProvider, CheckoutRequest, CreatedSession } from './checkout-provider';

export class StripeCheckoutProvider implements CheckoutProvider {
  readonly kind = 'stripe';
  constructor(private readonly stripe: Stripe) {}

  async createSession(request: CheckoutRequest): Promise<CreatedSession> {
    const metadata = { orderId: request.orderId, userId: request.learnerId };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: request.lines.map((line) => ({
          quantity: 1,
          price_data: {
            currency: line.currency.toLowerCase(),
            unit_amount: line.priceCents,
            product_data: { name: line.title, metadata: { courseId: line.courseId } },
          },
        })),
        client_reference_id: request.orderId,
        metadata,
        // Charges inherit the payment intent's metadata: a refund then names its order directly.
        payment_intent_data: { metadata },
        ...(request.learnerEmail ? { customer_email: request.learnerEmail } : {}),
        expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
      },
      { idempotencyKey: request.idempotencyKey },
    );
    if (!session.url) throw new Error(`Stripe answered checkout session ${session.id} without a url`);
    return { sessionId: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) };
  }

  async expireSession(sessionId: string): Promise<void> {
    await this.stripe.checkout.sessions.expire(sessionId);
  }
}
