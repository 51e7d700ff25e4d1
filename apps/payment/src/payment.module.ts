import { Module } from '@nestjs/common';

/** Checkout sessions, Stripe webhooks and refunds: `payment-<orderId>` streams. */
@Module({})
export class PaymentModule {}
