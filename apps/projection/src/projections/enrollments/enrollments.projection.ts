import { courseStreamCategory, parseCourseEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import { alreadyApplied, positionColumn } from '../applied-position';
import type { EnrollmentsTables } from './enrollments.tables';

/**
 * An enrollment is a confirmed (paid) seat; a refund revokes it. One row per seat, keyed like the
 * seat (course and order), so a learner who buys a course again after a refund has two rows.
 */
export const enrollmentsProjection = defineProjection<EnrollmentsTables>({
  name: 'read_enrollments',
  categories: [courseStreamCategory],
  tables: ['read_enrollments'],
  migrations: [
    {
      name: '0001_create_read_enrollments',
      async up(db) {
        await db.schema
          .createTable('read_enrollments')
          .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('order_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('status', 'varchar(16)', (col) => col.notNull())
          .addColumn('enrolled_at', 'varchar(32)', (col) => col.notNull())
          .addColumn('revoked_at', 'varchar(32)')
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('read_enrollments_pk', ['course_id', 'order_id'])
          .execute();
        await db.schema
          .createIndex('read_enrollments_by_learner')
          .on('read_enrollments')
          .columns(['learner_id', 'enrolled_at'])
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseCourseEvent(event.type, event.data);
    if (parsed?.type !== 'SeatConfirmed' && parsed?.type !== 'SeatReleased') return;
    const { courseId, orderId, learnerId } = parsed.data;
    const row = await trx
      .selectFrom('read_enrollments')
      .select('last_position')
      .where('course_id', '=', courseId)
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    const at = event.createdAt.toISOString();
    const last_position = positionColumn(event.position);
    if (parsed.type === 'SeatConfirmed') {
      if (row) return;
      await trx
        .insertInto('read_enrollments')
        .values({
          course_id: courseId,
          order_id: orderId,
          learner_id: learnerId,
          status: 'active',
          enrolled_at: at,
          revoked_at: null,
          last_position,
        })
        .execute();
      return;
    }
    // Only a refund can release a paid seat; releasing an unpaid hold was never an enrollment.
    if (!row || parsed.data.reason !== 'refunded') return;
    await trx
      .updateTable('read_enrollments')
      .set({ status: 'revoked', revoked_at: at, last_position })
      .where('course_id', '=', courseId)
      .where('order_id', '=', orderId)
      .execute();
  },
});
