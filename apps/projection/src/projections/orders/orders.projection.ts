import { orderStatusAfter, orderStreamCategory, parseOrderEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import { alreadyApplied, positionColumn } from '../applied-position';
import type { OrdersTables } from './orders.tables';

export const ordersProjection = defineProjection<OrdersTables>({
  name: 'read_orders',
  categories: [orderStreamCategory],
  tables: ['read_orders', 'read_order_history'],
  migrations: [
    {
      name: '0001_create_read_orders',
      async up(db) {
        await db.schema
          .createTable('read_orders')
          .addColumn('order_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('status', 'varchar(32)', (col) => col.notNull())
          .addColumn('total_cents', 'integer', (col) => col.notNull())
          .addColumn('currency', 'varchar(3)', (col) => col.notNull())
          .addColumn('lines', 'text', (col) => col.notNull())
          .addColumn('placed_at', 'varchar(32)', (col) => col.notNull())
          .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .execute();
      },
    },
    {
      name: '0002_index_read_orders_by_learner',
      async up(db) {
        await db.schema
          .createIndex('read_orders_by_learner')
          .on('read_orders')
          .columns(['learner_id', 'placed_at'])
          .execute();
      },
    },
    {
      name: '0003_create_read_order_history',
      async up(db) {
        await db.schema
          .createTable('read_order_history')
          .addColumn('order_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('position', 'bigint', (col) => col.notNull())
          .addColumn('status', 'varchar(32)', (col) => col.notNull())
          .addColumn('at', 'varchar(32)', (col) => col.notNull())
          .addPrimaryKeyConstraint('read_order_history_pk', ['order_id', 'position'])
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseOrderEvent(event.type, event.data);
    if (!parsed) return;
    const { orderId } = parsed.data;
    const row = await trx
      .selectFrom('read_orders')
      .select('last_position')
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    const status = orderStatusAfter[parsed.type];
    const at = event.createdAt.toISOString();
    const last_position = positionColumn(event.position);

    if (parsed.type === 'OrderInitiated') {
      const { learnerId, lines, totalCents, currency } = parsed.data;
      await trx
        .insertInto('read_orders')
        .values({
          order_id: orderId,
          learner_id: learnerId,
          status,
          total_cents: totalCents,
          currency,
          lines: JSON.stringify(lines),
          placed_at: at,
          updated_at: at,
          last_position,
        })
        .execute();
    } else {
      if (!row) return;
      await trx
        .updateTable('read_orders')
        .set({ status, updated_at: at, last_position })
        .where('order_id', '=', orderId)
        .execute();
    }
    await trx
      .insertInto('read_order_history')
      .values({ order_id: orderId, position: last_position, status, at })
      .execute();
  },
});
