import type { SqlDatabase } from '@quizbook/database';
import type { CourseRowsTables } from '../courses/course-rows.tables';
import type { EnrollmentsTables, EnrollmentView } from './enrollments.tables';

export type EnrollmentsDatabase = SqlDatabase<EnrollmentsTables & CourseRowsTables>;

/** Newest first; revoked ones too, so a learner sees what a refund took back. */
export async function findEnrollments(
  database: EnrollmentsDatabase,
  learnerId: string,
): Promise<EnrollmentView[]> {
  const rows = await database.db
    .selectFrom('read_enrollments as e')
    .leftJoin('read_courses as c', 'c.course_id', 'e.course_id')
    .select([
      'e.learner_id',
      'e.course_id',
      'e.order_id',
      'e.status',
      'e.enrolled_at',
      'e.revoked_at',
      'c.title',
    ])
    .where('e.learner_id', '=', learnerId)
    .orderBy('e.enrolled_at', 'desc')
    .orderBy('e.course_id')
    .execute();
  return rows.map((row) => ({
    learnerId: row.learner_id,
    courseId: row.course_id,
    ...(row.title ? { title: row.title } : {}),
    orderId: row.order_id,
    status: row.status,
    enrolledAt: row.enrolled_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  }));
}
