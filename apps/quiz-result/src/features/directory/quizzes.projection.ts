import { parseQuizEvent, quizStreamCategory } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import { alreadyApplied, positionColumn } from '../../applied-position';
import type { DirectoryTables } from './directory.tables';

/** Title, course, owner and pass mark of every quiz, for scoreboards, progress and digests. */
export const quizzesProjection = defineProjection<DirectoryTables>({
  name: 'quiz_result_quizzes',
  categories: [quizStreamCategory],
  tables: ['qr_quizzes'],
  migrations: [
    {
      name: '0001_create_qr_quizzes',
      async up(db) {
        await db.schema
          .createTable('qr_quizzes')
          .addColumn('quiz_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('owner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('title', 'varchar(255)', (col) => col.notNull())
          .addColumn('pass_mark_percent', 'double precision', (col) => col.notNull())
          .addColumn('status', 'varchar(16)', (col) => col.notNull())
          .addColumn('published_version', 'integer', (col) => col.notNull())
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('qr_quizzes_by_course').on('qr_quizzes').column('course_id').execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseQuizEvent(event.type, event.data);
    if (!parsed) return;
    const row = await trx
      .selectFrom('qr_quizzes')
      .select(['last_position', 'status'])
      .where('quiz_id', '=', parsed.data.quizId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    const last_position = positionColumn(event.position);
    const quizId = parsed.data.quizId;
    switch (parsed.type) {
      case 'QuizDrafted':
        if (row) return;
        await trx
          .insertInto('qr_quizzes')
          .values({
            quiz_id: quizId,
            course_id: parsed.data.courseId,
            owner_id: parsed.data.ownerId,
            title: parsed.data.title,
            pass_mark_percent: parsed.data.settings.passMarkPercent,
            status: 'draft',
            published_version: 0,
            last_position,
          })
          .execute();
        return;
      case 'QuizSettingsChanged':
        if (!row) return;
        await trx
          .updateTable('qr_quizzes')
          .set({
            title: parsed.data.title,
            pass_mark_percent: parsed.data.settings.passMarkPercent,
            last_position,
          })
          .where('quiz_id', '=', quizId)
          .execute();
        return;
      case 'QuizPublished':
        if (!row) return;
        await trx
          .updateTable('qr_quizzes')
          .set({
            title: parsed.data.title,
            pass_mark_percent: parsed.data.settings.passMarkPercent,
            published_version: parsed.data.version,
            ...(row.status === 'archived' ? {} : { status: 'published' as const }),
            last_position,
          })
          .where('quiz_id', '=', quizId)
          .execute();
        return;
      case 'QuizArchived':
        if (!row) return;
        await trx
          .updateTable('qr_quizzes')
          .set({ status: 'archived', last_position })
          .where('quiz_id', '=', quizId)
          .execute();
        return;
      default:
        return;
    }
  },
});
