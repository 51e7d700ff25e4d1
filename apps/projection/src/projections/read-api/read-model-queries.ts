import type { SqlDatabase } from '@quizbook/database';
import { courseViewOf, type CourseRowsTables, type CourseView } from '../courses/course-rows.tables';
import type { OrdersTables, OrderView } from '../orders/orders.tables';
import type { CourseSeatsTables, CourseSeats } from '../seats/course-seats.tables';
import { seatsLeft } from '../seats/seat-transitions';

export type ReadModelDatabase = SqlDatabase<CourseRowsTables & CourseSeatsTables & OrdersTables>;

export async function findCourse(
  database: ReadModelDatabase,
  courseId: string,
): Promise<CourseView | undefined> {
  const row = await database.db
    .selectFrom('read_courses')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row ? courseViewOf(row) : undefined;
}

export async function findCourseSeats(
  database: ReadModelDatabase,
  courseId: string,
): Promise<CourseSeats | undefined> {
  const row = await database.db
    .selectFrom('read_course_seats')
    .select(['course_id', 'capacity', 'reserved', 'confirmed'])
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [capacity, reserved, confirmed] = [row.capacity, row.reserved, row.confirmed].map(Number) as [
    number,
    number,
    number,
  ];
  return {
    courseId: row.course_id,
    capacity,
    reserved,
    confirmed,
    left: seatsLeft(capacity, reserved, confirmed),
  };
}

export async function findOrders(
  database: ReadModelDatabase,
  where: { learnerId?: string; orderId?: string },
) {
  let query = database.db.selectFrom('read_orders').selectAll();
  if (where.learnerId !== undefined) query = query.where('learner_id', '=', where.learnerId);
  if (where.orderId !== undefined) query = query.where('order_id', '=', where.orderId);
  const orders = await query.orderBy('placed_at', 'desc').orderBy('order_id').execute();
  if (orders.length === 0) return [];
  const history = await database.db
    .selectFrom('read_order_history')
    .select(['order_id', 'status', 'at'])
    .where(
      'order_id',
      'in',
      orders.map((order) => order.order_id),
    )
    .orderBy('position')
    .execute();
  return orders.map((order): OrderView => ({
    orderId: order.order_id,
    learnerId: order.learner_id,
    status: order.status,
    totalCents: Number(order.total_cents),
    currency: order.currency,
    lines: JSON.parse(order.lines) as OrderView['lines'],
    placedAt: order.placed_at,
    updatedAt: order.updated_at,
    history: history
      .filter((entry) => entry.order_id === order.order_id)
      .map((entry) => ({ status: entry.status, at: entry.at })),
  }));
}
