import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerRoute } from '../../edge/openapi/route-docs';
import { PaymentServiceClient } from '../../upstream/payment-service.client';
import { relayFor } from '../../upstream/relay';
import { checkoutSession } from '../orders/orders.schemas';

@ApiTags('orders')
@Controller('api/orders')
export class CheckoutController {
  constructor(@Inject(PaymentServiceClient) private readonly payments: PaymentServiceClient) {}

  @Post(':id/checkout')
  @Roles('learner')
  @BearerRoute({
    summary: 'Open (or reopen) the payment session of an order awaiting payment',
    success: { status: 200, description: 'Where to pay, and until when', body: checkoutSession },
    problems: [403, 404, 409],
  })
  async checkout(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return relayFor({ principal, request, reply }, this.payments, {
      method: 'POST',
      path: `/orders/${encodeURIComponent(id)}/checkout`,
    });
  }
}
