import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, notFoundUnlessOwner, Roles, type Principal } from '@quizbook/auth';
import type { PaymentServices } from '../../payment-services';
import { PAYMENT_SERVICES } from '../../payment-tokens';
import { openCheckout } from './open-checkout';
import { readOrderToPay } from './order-to-pay';

@Controller('orders')
export class OpenCheckoutController {
  constructor(@Inject(PAYMENT_SERVICES) private readonly services: PaymentServices) {}

  /** Answers the open session again rather than opening a second one. */
  @Roles('learner')
  @Post(':id/checkout')
  @HttpCode(200)
  async checkout(@CurrentPrincipal() caller: Principal, @Param('id') orderId: string) {
    const order = notFoundUnlessOwner(
      await readOrderToPay(this.services.eventStore, orderId),
      caller,
      (found) => found.learnerId,
      { detail: 'There is no such order.' },
    );
    return openCheckout(this.services, order, caller.email);
  }
}
