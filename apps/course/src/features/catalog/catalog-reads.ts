import type { CatalogServices } from './catalog-services';
import { courseDetailOf, searchDocumentOf, type CourseDetail } from './course-detail';

export async function loadCourseDetail(
  { readDb }: Pick<CatalogServices, 'readDb'>,
  courseId: string,
): Promise<CourseDetail | undefined> {
  const row = await readDb.db
    .selectFrom('catalog_courses')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row ? courseDetailOf(row) : undefined;
}

const refillPageSize = 500;

/**
 * Puts every published course from the catalog rows into an empty index: how an in-process index
 * gets its documents back after a restart, without replaying the event store.
 */
export async function refillSearchIndex({
  readDb,
  searchIndex,
}: Pick<CatalogServices, 'readDb' | 'searchIndex'>) {
  let after = '';
  let refilled = 0;
  for (;;) {
    const rows = await readDb.db
      .selectFrom('catalog_courses')
      .selectAll()
      .where('status', '=', 'published')
      .where('course_id', '>', after)
      .orderBy('course_id')
      .limit(refillPageSize)
      .execute();
    if (rows.length === 0) return refilled;
    await searchIndex.upsert(rows.map(searchDocumentOf));
    refilled += rows.length;
    after = rows[rows.length - 1]!.course_id;
  }
}
