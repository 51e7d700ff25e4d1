import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import { conflict } from '@quizbook/platform';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { OrderTransitionRefusedError } from '../../domain/order/order-errors';
import { answering } from '../../http/course-problems';
import { visibleOrder } from '../view-order/order-view';
import { cancelOrder } from './cancel-order';

@Controller('orders')
export class CancelOrderController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  /** Only unpaid orders; cancelling a cancelled order answers it as it is. */
  @Roles('learner', 'admin')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentPrincipal() caller: Principal, @Param('id') orderId: string) {
    return answering(async () => {
      await visibleOrder(this.services, caller, orderId);
      try {
        return await cancelOrder(this.services, orderId);
      } catch (error) {
        if (error instanceof OrderTransitionRefusedError)
          throw conflict(`The order is ${error.from}; only an unpaid order can be cancelled.`, {
            type: 'order-not-cancellable',
            extensions: { orderStatus: error.from },
          });
        throw error;
      }
    });
  }
}
