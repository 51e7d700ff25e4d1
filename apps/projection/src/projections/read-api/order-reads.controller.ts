import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, notFoundUnlessOwner, type Principal } from '@quizbook/auth';
import { forbidden, READ_DATABASE, ZodValidationPipe } from '@quizbook/platform';
import { z } from 'zod';
import type { OrderView } from '../orders/orders.tables';
import { findOrders, type ReadModelDatabase } from './read-model-queries';

const listOrdersQuery = z.object({ learnerId: z.string().trim().min(1).max(191).optional() });

/** Orders with their status history; a learner reads their own, an admin anyone's. */
@Controller('read/orders')
export class OrderReadsController {
  constructor(@Inject(READ_DATABASE) private readonly database: ReadModelDatabase) {}

  @Get()
  async list(
    @Query(new ZodValidationPipe(listOrdersQuery)) query: z.infer<typeof listOrdersQuery>,
    @CurrentPrincipal() me: Principal,
  ): Promise<{ items: OrderView[] }> {
    const learnerId = query.learnerId ?? me.userId;
    if (learnerId !== me.userId && !me.roles.includes('admin'))
      throw forbidden("Only an admin may read another learner's orders.");
    return { items: await findOrders(this.database, { learnerId }) };
  }

  @Get(':id')
  async one(@Param('id') orderId: string, @CurrentPrincipal() me: Principal): Promise<OrderView> {
    const [order] = await findOrders(this.database, { orderId });
    return notFoundUnlessOwner(order, me, (found) => found.learnerId, {
      adminSees: true,
      detail: 'There is no such order.',
    });
  }
}
