import {
  orderStatusAfter,
  orderStreamCategory,
  parseOrderEvent,
  type OrderStatus,
} from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';

/**
 * Orders by learner for `GET /orders`, and the place the process manager finds placements that
 * stopped half-way (status still `initiated`).
 */
export interface OrderListTables {
  course_orders: {
    order_id: string;
    learner_id: string;
    status: OrderStatus;
    total_cents: number;
    currency: string;
    lines: string;
    created_at: string;
    updated_at: string;
  };
}

export const orderListProjection = defineProjection<OrderListTables>({
  name: 'course_orders',
  categories: [orderStreamCategory],
  tables: ['course_orders'],
  migrations: [
    {
      name: '0001_create_course_orders',
      async up(db) {
        await db.schema
          .createTable('course_orders')
          .addColumn('order_id', 'varchar(64)', (col) => col.primaryKey())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('status', 'varchar(32)', (col) => col.notNull())
          .addColumn('total_cents', 'integer', (col) => col.notNull())
          .addColumn('currency', 'varchar(3)', (col) => col.notNull())
          .addColumn('lines', 'text', (col) => col.notNull())
          .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
          .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
          .execute();
      },
    },
    {
      name: '0002_index_course_orders_learner',
      async up(db) {
        await db.schema
          .createIndex('course_orders_learner_idx')
          .on('course_orders')
          .columns(['learner_id', 'created_at'])
          .execute();
      },
    },
    {
      name: '0003_index_course_orders_status',
      async up(db) {
        await db.schema
          .createIndex('course_orders_status_idx')
          .on('course_orders')
          .columns(['status', 'created_at'])
          .execute();
      },
    },
  ],
  async handle(recorded, trx) {
    const event = parseOrderEvent(recorded.type, recorded.data);
    if (!event) return;
    const at = recorded.createdAt.toISOString();
    if (event.type === 'OrderInitiated') {
      const { orderId, learnerId, totalCents, currency, lines } = event.data;
      await trx.deleteFrom('course_orders').where('order_id', '=', orderId).execute();
      await trx
        .insertInto('course_orders')
        .values({
          order_id: orderId,
          learner_id: learnerId,
          status: 'initiated',
          total_cents: totalCents,
          currency,
          lines: JSON.stringify(lines),
          created_at: at,
          updated_at: at,
        })
        .execute();
      return;
    }
    await trx
      .updateTable('course_orders')
      .set({ status: orderStatusAfter[event.type], updated_at: at })
      .where('order_id', '=', event.data.orderId)
      .execute();
  },
});
