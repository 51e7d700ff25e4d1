import { courseStreamCategory, parseCourseEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';

/**
 * The durable schedule of seat expiries: one row per unpaid hold. Fed from the course streams with
 * a checkpoint, so holds reserved before a restart are still found and expired after it.
 */
export interface SeatHoldTables {
  course_seat_holds: {
    course_id: string;
    order_id: string;
    learner_id: string;
    /** ISO-8601, one fixed width: compares correctly as text on both dialects. */
    expires_at: string;
  };
}

export const seatHoldsProjection = defineProjection<SeatHoldTables>({
  name: 'course_seat_holds',
  categories: [courseStreamCategory],
  tables: ['course_seat_holds'],
  migrations: [
    {
      name: '0001_create_course_seat_holds',
      async up(db) {
        await db.schema
          .createTable('course_seat_holds')
          .addColumn('course_id', 'varchar(64)', (col) => col.notNull())
          .addColumn('order_id', 'varchar(64)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
          .addPrimaryKeyConstraint('course_seat_holds_pk', ['course_id', 'order_id'])
          .execute();
      },
    },
    {
      name: '0002_index_course_seat_holds_expiry',
      async up(db) {
        await db.schema
          .createIndex('course_seat_holds_expiry_idx')
          .on('course_seat_holds')
          .column('expires_at')
          .execute();
      },
    },
  ],
  async handle(recorded, trx) {
    const event = parseCourseEvent(recorded.type, recorded.data);
    if (!event) return;
    const { courseId } = event.data;
    const forget = (orderId: string) =>
      trx
        .deleteFrom('course_seat_holds')
        .where('course_id', '=', courseId)
        .where('order_id', '=', orderId)
        .execute();
    switch (event.type) {
      case 'SeatReserved':
        // Delete-then-insert keeps a replayed event harmless without dialect-specific upserts.
        await forget(event.data.orderId);
        await trx
          .insertInto('course_seat_holds')
          .values({
            course_id: courseId,
            order_id: event.data.orderId,
            learner_id: event.data.learnerId,
            expires_at: new Date(event.data.expiresAt).toISOString(),
          })
          .execute();
        return;
      case 'SeatConfirmed':
      case 'SeatReleased':
        await forget(event.data.orderId);
        return;
      default:
        return;
    }
  },
});
