import { courseStreamCategory, parseCourseEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import type { Kysely } from 'kysely';
import { alreadyApplied, positionColumn } from '../applied-position';
import type { CourseSeatsTables } from './course-seats.tables';
import { nextHold, type SeatEventType } from './seat-transitions';

export const courseSeatsProjection = defineProjection<CourseSeatsTables>({
  name: 'read_course_seats',
  categories: [courseStreamCategory],
  tables: ['read_course_seats', 'read_seat_holds'],
  migrations: [
    {
      name: '0001_create_read_course_seats',
      async up(db) {
        await db.schema
          .createTable('read_course_seats')
          .addColumn('course_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('capacity', 'integer', (col) => col.notNull())
          .addColumn('reserved', 'integer', (col) => col.notNull())
          .addColumn('confirmed', 'integer', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .execute();
      },
    },
    {
      name: '0002_create_read_seat_holds',
      async up(db) {
        await db.schema
          .createTable('read_seat_holds')
          .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('order_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('status', 'varchar(20)', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('read_seat_holds_pk', ['course_id', 'order_id'])
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseCourseEvent(event.type, event.data);
    if (!parsed) return;
    const { courseId } = parsed.data;
    const course = await trx
      .selectFrom('read_course_seats')
      .select(['capacity', 'reserved', 'confirmed', 'last_position'])
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    if (alreadyApplied(course?.last_position, event.position)) return;
    const last_position = positionColumn(event.position);

    switch (parsed.type) {
      case 'CourseDrafted':
        await trx
          .insertInto('read_course_seats')
          .values({
            course_id: courseId,
            capacity: parsed.data.capacity,
            reserved: 0,
            confirmed: 0,
            last_position,
          })
          .execute();
        return;
      case 'CourseCapacityChanged':
        if (!course) return;
        await trx
          .updateTable('read_course_seats')
          .set({ capacity: parsed.data.capacity, last_position })
          .where('course_id', '=', courseId)
          .execute();
        return;
      case 'SeatReserved':
      case 'SeatReleased':
      case 'SeatConfirmed': {
        if (!course) return;
        const { orderId, learnerId } = parsed.data;
        const delta = await moveHold(trx, { courseId, orderId, learnerId, last_position }, parsed.type);
        await trx
          .updateTable('read_course_seats')
          .set({
            reserved: Number(course.reserved) + delta.reserved,
            confirmed: Number(course.confirmed) + delta.confirmed,
            last_position,
          })
          .where('course_id', '=', courseId)
          .execute();
        return;
      }
      default:
        return;
    }
  },
});

interface HoldKey {
  courseId: string;
  orderId: string;
  learnerId: string;
  last_position: string;
}

async function moveHold(trx: Kysely<CourseSeatsTables>, key: HoldKey, event: SeatEventType) {
  const hold = await trx
    .selectFrom('read_seat_holds')
    .select('status')
    .where('course_id', '=', key.courseId)
    .where('order_id', '=', key.orderId)
    .executeTakeFirst();
  const next = nextHold(hold?.status, event);
  if (hold) {
    await trx
      .updateTable('read_seat_holds')
      .set({ status: next.status, last_position: key.last_position })
      .where('course_id', '=', key.courseId)
      .where('order_id', '=', key.orderId)
      .execute();
  } else {
    await trx
      .insertInto('read_seat_holds')
      .values({
        course_id: key.courseId,
        order_id: key.orderId,
        learner_id: key.learnerId,
        status: next.status,
        last_position: key.last_position,
      })
      .execute();
  }
  return next;
}
