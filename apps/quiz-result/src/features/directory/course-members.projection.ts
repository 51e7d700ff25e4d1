import { courseStreamCategory, parseCourseEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import { alreadyApplied, positionColumn } from '../../applied-position';
import type { DirectoryTables } from './directory.tables';

/**
 * Who owns a course and who is enrolled in it (a confirmed seat, until a refund releases it): the
 * scoreboard and progress routes answer only them.
 */
export const courseMembersProjection = defineProjection<DirectoryTables>({
  name: 'quiz_result_course_members',
  categories: [courseStreamCategory],
  tables: ['qr_courses', 'qr_enrollments'],
  migrations: [
    {
      name: '0001_create_qr_courses_and_enrollments',
      async up(db) {
        await db.schema
          .createTable('qr_courses')
          .addColumn('course_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('owner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createTable('qr_enrollments')
          .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('order_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('status', 'varchar(16)', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('qr_enrollments_pk', ['course_id', 'order_id'])
          .execute();
        await db.schema
          .createIndex('qr_enrollments_by_learner')
          .on('qr_enrollments')
          .columns(['learner_id', 'course_id'])
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseCourseEvent(event.type, event.data);
    if (!parsed) return;
    const last_position = positionColumn(event.position);
    if (parsed.type === 'CourseDrafted') {
      const row = await trx
        .selectFrom('qr_courses')
        .select('last_position')
        .where('course_id', '=', parsed.data.courseId)
        .executeTakeFirst();
      if (row) return;
      await trx
        .insertInto('qr_courses')
        .values({ course_id: parsed.data.courseId, owner_id: parsed.data.ownerId, last_position })
        .execute();
      return;
    }
    if (parsed.type !== 'SeatConfirmed' && parsed.type !== 'SeatReleased') return;
    const { courseId, orderId, learnerId } = parsed.data;
    const row = await trx
      .selectFrom('qr_enrollments')
      .select('last_position')
      .where('course_id', '=', courseId)
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    if (parsed.type === 'SeatConfirmed') {
      if (row) return;
      await trx
        .insertInto('qr_enrollments')
        .values({
          course_id: courseId,
          order_id: orderId,
          learner_id: learnerId,
          status: 'active',
          last_position,
        })
        .execute();
      return;
    }
    // Releasing an unpaid hold was never an enrollment; only a refund takes one back.
    if (!row || parsed.data.reason !== 'refunded') return;
    await trx
      .updateTable('qr_enrollments')
      .set({ status: 'revoked', last_position })
      .where('course_id', '=', courseId)
      .where('order_id', '=', orderId)
      .execute();
  },
});
