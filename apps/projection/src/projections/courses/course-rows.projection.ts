import { courseStreamCategory, parseCourseEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import type { Kysely } from 'kysely';
import { alreadyApplied, positionColumn } from '../applied-position';
import type { CourseRowsTables, ReadCourseRow } from './course-rows.tables';

export const courseRowsProjection = defineProjection<CourseRowsTables>({
  name: 'read_courses',
  categories: [courseStreamCategory],
  tables: ['read_courses'],
  migrations: [
    {
      name: '0001_create_read_courses',
      async up(db) {
        await db.schema
          .createTable('read_courses')
          .addColumn('course_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('owner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('title', 'varchar(200)', (col) => col.notNull())
          .addColumn('description', 'text', (col) => col.notNull())
          .addColumn('tags', 'text', (col) => col.notNull())
          .addColumn('level', 'varchar(20)', (col) => col.notNull())
          .addColumn('price_cents', 'integer', (col) => col.notNull())
          .addColumn('currency', 'varchar(3)', (col) => col.notNull())
          .addColumn('capacity', 'integer', (col) => col.notNull())
          .addColumn('starts_at', 'varchar(40)', (col) => col.notNull())
          .addColumn('status', 'varchar(20)', (col) => col.notNull())
          .addColumn('version', 'bigint', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseCourseEvent(event.type, event.data);
    if (!parsed) return;
    const { courseId } = parsed.data;
    const row = await trx
      .selectFrom('read_courses')
      .select('last_position')
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    const stamp = {
      version: event.revision.toString(),
      last_position: positionColumn(event.position),
      updated_at: event.createdAt.toISOString(),
    };

    if (parsed.type === 'CourseDrafted') {
      const { ownerId, title, description, tags, level, priceCents, currency, capacity, startsAt } =
        parsed.data;
      await trx
        .insertInto('read_courses')
        .values({
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
          ...stamp,
        })
        .execute();
      return;
    }
    // Every other course event changes a drafted course; one without its draft is not ours to invent.
    if (!row) return;
    await update(trx, courseId, { ...changesOf(parsed), ...stamp });
  },
});

function changesOf(event: NonNullable<ReturnType<typeof parseCourseEvent>>): Partial<ReadCourseRow> {
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
    default:
      // Seat events move the version (the stream revision) and nothing else here.
      return {};
  }
}

async function update(trx: Kysely<CourseRowsTables>, courseId: string, changes: Partial<ReadCourseRow>) {
  await trx.updateTable('read_courses').set(changes).where('course_id', '=', courseId).execute();
}
