import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import { answering } from '../../http/course-problems';
import { orderViewOf, visibleOrder } from './order-view';

@Controller('orders')
export class ViewOrderController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  /** Read from the order stream itself, so it is never behind the last write. */
  @Roles('learner', 'admin')
  @Get(':id')
  view(@CurrentPrincipal() caller: Principal, @Param('id') orderId: string) {
    return answering(async () => orderViewOf(await visibleOrder(this.services, caller, orderId)));
  }
}
