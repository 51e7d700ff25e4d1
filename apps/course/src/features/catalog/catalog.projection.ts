import { type CourseEvent, courseStreamCategory, parseCourseEvent } from '@quizbook/contracts';
import { defineProjection, type Projection } from '@quizbook/database';
import type { SearchIndex } from '@quizbook/search';
import type { Kysely } from 'kysely';
import { nextCatalogHold } from './catalog-seats';
import type { CatalogCourseRow, CatalogTables } from './catalog.tables';
import { searchDocumentOf } from './course-detail';
import { catalogMigrations } from './catalog-migrations';

export const catalogProjectionName = 'course_catalog';

export interface CatalogProjectionEffects {
  searchIndex: SearchIndex;
  /** Told of every course an applied event changed, before its transaction commits. */
  onCourseChanged(courseId: string, position: bigint): Promise<void>;
  /** Extra clean-up when a rebuild starts (the search index, the detail cache). */
  onReset(): Promise<void>;
}

/**
 * The course app's catalog: one row per course (details, status, seat counts) in the course read
 * database, and, as the effect of each event, the course's whole search document upserted (or
 * removed) in the search index. The effect runs inside the transaction that moves the checkpoint:
 * if the commit fails, the event comes again and writes the same document again, so the index
 * converges on the rows however often an event is delivered.
 */
export function defineCatalogProjection(effects: CatalogProjectionEffects): Projection<CatalogTables> {
  return defineProjection<CatalogTables>({
    name: catalogProjectionName,
    categories: [courseStreamCategory],
    tables: ['catalog_courses', 'catalog_seat_holds'],
    migrations: catalogMigrations,
    reset: () => effects.onReset(),
    async handle(event, trx) {
      const parsed = parseCourseEvent(event.type, event.data);
      if (!parsed) return;
      const { courseId } = parsed.data;
      const before = await trx
        .selectFrom('catalog_courses')
        .selectAll()
        .where('course_id', '=', courseId)
        .executeTakeFirst();
      if (before && BigInt(before.last_position) >= event.position) return;
      if (!before && parsed.type !== 'CourseDrafted') return;

      const stamp = { version: event.revision.toString(), last_position: event.position.toString() };
      const after: CatalogCourseRow = before
        ? { ...before, ...(await changesOf(trx, parsed, before)), ...stamp }
        : { ...draftedRow(parsed), ...stamp };
      if (before) {
        await trx.updateTable('catalog_courses').set(after).where('course_id', '=', courseId).execute();
      } else {
        await trx.insertInto('catalog_courses').values(after).execute();
      }

      if (after.status === 'published') await effects.searchIndex.upsert([searchDocumentOf(after)]);
      else if (before?.status === 'published') await effects.searchIndex.remove([courseId]);
      await effects.onCourseChanged(courseId, event.position);
    },
  });
}

function draftedRow(event: CourseEvent): Omit<CatalogCourseRow, 'version' | 'last_position'> {
  if (event.type !== 'CourseDrafted') throw new Error(`a course cannot start with ${event.type}`);
  const { courseId, ownerId, title, description, tags, level, priceCents, currency, capacity, startsAt } =
    event.data;
  return {
    course_id: courseId,
    owner_id: ownerId,
    title,
    description,
    tags: JSON.stringify(tags),
    level,
    price_cents: priceCents,
    currency,
    capacity,
    starts_at: startsAt,
    status: 'draft',
    reserved: 0,
    confirmed: 0,
  };
}

async function changesOf(
  trx: Kysely<CatalogTables>,
  event: CourseEvent,
  row: CatalogCourseRow,
): Promise<Partial<CatalogCourseRow>> {
  switch (event.type) {
    case 'CourseEdited': {
      const { title, description, tags, level, priceCents, currency, startsAt } = event.data.changes;
      return {
        ...(title !== undefined ? { title } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
        ...(level !== undefined ? { level } : {}),
        ...(priceCents !== undefined ? { price_cents: priceCents } : {}),
        ...(currency !== undefined ? { currency } : {}),
        ...(startsAt !== undefined ? { starts_at: startsAt } : {}),
      };
    }
    case 'CoursePublished':
      return { status: 'published' };
    case 'CourseArchived':
      return { status: 'archived' };
    case 'CourseCapacityChanged':
      return { capacity: event.data.capacity };
    case 'SeatReserved':
    case 'SeatReleased':
    case 'SeatConfirmed': {
      const { courseId, orderId, learnerId } = event.data;
      const move = await moveHold(trx, courseId, orderId, learnerId, event.type);
      return {
        reserved: Number(row.reserved) + move.reserved,
        confirmed: Number(row.confirmed) + move.confirmed,
      };
    }
    default:
      return {};
  }
}

async function moveHold(
  trx: Kysely<CatalogTables>,
  courseId: string,
  orderId: string,
  learnerId: string,
  event: 'SeatReserved' | 'SeatReleased' | 'SeatConfirmed',
) {
  const hold = await trx
    .selectFrom('catalog_seat_holds')
    .select('status')
    .where('course_id', '=', courseId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  const next = nextCatalogHold(hold?.status, event);
  if (hold) {
    await trx
      .updateTable('catalog_seat_holds')
      .set({ status: next.status, learner_id: learnerId })
      .where('course_id', '=', courseId)
      .where('order_id', '=', orderId)
      .execute();
  } else {
    await trx
      .insertInto('catalog_seat_holds')
      .values({ course_id: courseId, order_id: orderId, status: next.status, learner_id: learnerId })
      .execute();
  }
  return next;
}
