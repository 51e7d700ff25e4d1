import type { CatalogServices } from './catalog-services';

/** The signed-in learner's paid seat in a course, as `GET /courses/:id` shows it. */
export interface LearnerEnrollment {
  orderId: string;
  status: 'active';
}

/** From the catalog's own hold rows: a confirmed hold is a paid seat, which a refund releases. */
export async function learnerEnrollment(
  { readDb }: Pick<CatalogServices, 'readDb'>,
  courseId: string,
  learnerId: string,
): Promise<LearnerEnrollment | undefined> {
  const hold = await readDb.db
    .selectFrom('catalog_seat_holds')
    .select('order_id')
    .where('course_id', '=', courseId)
    .where('learner_id', '=', learnerId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return hold ? { orderId: hold.order_id, status: 'active' } : undefined;
}
