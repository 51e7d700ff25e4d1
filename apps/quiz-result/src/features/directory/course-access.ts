import type { Principal } from '@quizbook/auth';
import type { Kysely } from 'kysely';
import type { QuizResultTables } from '../../quiz-result-tables';

export type DirectoryDb = Kysely<QuizResultTables>;

export const isAdmin = (me: Principal) => me.roles.includes('admin');

export async function courseOwnerOf(db: DirectoryDb, courseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('qr_courses')
    .select('owner_id')
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row?.owner_id;
}

/** A confirmed seat not taken back by a refund. */
export async function isEnrolled(db: DirectoryDb, courseId: string, learnerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('qr_enrollments')
    .select('order_id')
    .where('course_id', '=', courseId)
    .where('learner_id', '=', learnerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

export async function displayNames(
  db: DirectoryDb,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('qr_users')
    .select(['user_id', 'name'])
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.name]));
}
