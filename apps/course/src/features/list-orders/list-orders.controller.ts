import { Controller, Get, Inject, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@quizbook/auth';
import type { OrderLine } from '@quizbook/contracts';
import { parseInput } from '@quizbook/platform';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CourseServices } from '../../course-services';
import { COURSE_SERVICES } from '../../course-tokens';
import type { OrderListTables } from './order-list.projection';

const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

@Controller('orders')
export class ListOrdersController {
  constructor(@Inject(COURSE_SERVICES) private readonly services: CourseServices) {}

  /** A learner's own orders, newest first; an admin sees everyone's. */
  @Roles('learner', 'admin')
  @Get()
  async list(@CurrentPrincipal() caller: Principal, @Query() query: unknown) {
    const { page, pageSize } = parseInput(listQuery, query);
    const db = this.services.readDb.db as Kysely<OrderListTables>;
    let select = db.selectFrom('course_orders').selectAll();
    if (!caller.roles.includes('admin')) select = select.where('learner_id', '=', caller.userId);
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('order_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      page,
      pageSize,
      orders: rows.map((row) => ({
        orderId: row.order_id,
        learnerId: row.learner_id,
        status: row.status,
        totalCents: Number(row.total_cents),
        currency: row.currency,
        lines: JSON.parse(row.lines) as OrderLine[],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      })),
    };
  }
}
