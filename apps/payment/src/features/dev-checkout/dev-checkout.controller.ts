import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { CheckoutSessionOpenedData } from '@quizbook/contracts';
import { notFound, Public } from '@quizbook/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PaymentServices } from '../../payment-services';
import { PAYMENT_SERVICES } from '../../payment-tokens';
import { devCheckoutPage } from './dev-checkout-page';
import { orderIdOfDevSession } from './dev-checkout-provider';
import { devStripeEvents, type DevOutcome } from './dev-stripe-events';
import { sendDevWebhook } from './dev-webhook-sender';

const outcomes: readonly string[] = ['pay', 'fail', 'expire'];

/** The embedded default's checkout page; 404 whenever Stripe is configured. */
@Public()
@Controller('dev/checkout')
export class DevCheckoutController {
  constructor(@Inject(PAYMENT_SERVICES) private readonly services: PaymentServices) {}

  @Get(':sessionId')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Param('sessionId') sessionId: string) {
    const { session, status } = await this.session(sessionId);
    return devCheckoutPage(session, status);
  }

  /** Sends the webhook(s) over HTTP to this very app, then returns the browser where Stripe would. */
  @Post(':sessionId/:outcome')
  @HttpCode(303)
  async act(
    @Param('sessionId') sessionId: string,
    @Param('outcome') outcome: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!outcomes.includes(outcome)) throw notFound('Pay, fail or expire.');
    const { session } = await this.session(sessionId);
    for (const event of devStripeEvents(session, outcome as DevOutcome))
      await sendDevWebhook(ownUrl(request), this.services.settings.webhookSecret, event);
    const back = outcome === 'pay' ? 'complete' : 'cancelled';
    void reply.header('location', `/checkout/${back}?orderId=${encodeURIComponent(session.orderId)}`);
    return { sessionId, outcome };
  }

  private async session(sessionId: string): Promise<{ session: CheckoutSessionOpenedData; status: string }> {
    const orderId = this.services.settings.provider === 'dev' ? orderIdOfDevSession(sessionId) : undefined;
    const state = orderId ? (await this.services.payments.load(orderId)).state : undefined;
    if (!state?.session || state.session.sessionId !== sessionId)
      throw notFound('There is no such checkout session.');
    return { session: state.session, status: state.status };
  }
}

/** This server as the request reached it: the webhook goes straight back, whatever proxies sit in front. */
function ownUrl(request: FastifyRequest): string {
  const socket = request.raw.socket;
  const host = socket.localFamily === 'IPv6' ? `[${socket.localAddress}]` : socket.localAddress;
  return `http://${host}:${socket.localPort}`;
}
