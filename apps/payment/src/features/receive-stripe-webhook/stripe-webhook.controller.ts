import { Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { badRequest, Public } from '@quizbook/platform';
import type { FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import type { PaymentServices } from '../../payment-services';
import { PAYMENT_SERVICES } from '../../payment-tokens';
import { stripeWebhooks, webhookToleranceSeconds } from '../../stripe/stripe-client';
import { handledStripeTypes, recordStripeEvent } from './record-stripe-event';

@Controller('webhooks')
export class StripeWebhookController {
  constructor(@Inject(PAYMENT_SERVICES) private readonly services: PaymentServices) {}

  /**
   * Verifies, records and answers; the effect follows from the inbox subscription. Stripe retries
   * anything but a 2xx, so a 2xx only ever follows a durable record.
   */
  @Public()
  @Post('stripe')
  @HttpCode(200)
  async receive(@Req() request: FastifyRequest, @Headers('stripe-signature') signature: string | undefined) {
    const event = this.verified(request.body, signature);
    if (!handledStripeTypes.has(event.type)) return { received: true, ignored: true };
    const outcome = await recordStripeEvent(this.services.eventStore, event);
    return { received: true, duplicate: outcome === 'duplicate' };
  }

  private verified(body: unknown, signature: string | undefined): Stripe.Event {
    if (!Buffer.isBuffer(body) || !signature)
      throw badRequest('A Stripe event needs its raw JSON body and a Stripe-Signature header.', {
        type: 'invalid-stripe-signature',
      });
    try {
      return stripeWebhooks.constructEvent(
        body,
        signature,
        this.services.settings.webhookSecret,
        webhookToleranceSeconds,
      );
    } catch (error) {
      throw badRequest(`The Stripe signature does not verify: ${(error as Error).message}`, {
        type: 'invalid-stripe-signature',
      });
    }
  }
}
