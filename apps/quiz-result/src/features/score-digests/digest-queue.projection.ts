import { attemptStreamCategory, parseAttemptEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import type { DigestTables } from './digest.tables';

/**
 * Queues every graded attempt for its quiz's next instructor digest. A rebuild keeps these tables
 * (`tables` is empty on purpose): which attempts were already reported is not in the event store,
 * and replaying into them only re-inserts rows that are there (one row per attempt id).
 */
export const digestQueueProjection = defineProjection<DigestTables>({
  name: 'quiz_result_digest_queue',
  categories: [attemptStreamCategory],
  tables: [],
  migrations: [
    {
      name: '0001_create_qr_digest_tables',
      async up(db) {
        await db.schema
          .createTable('qr_digest_attempts')
          .addColumn('attempt_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('quiz_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('score_percent', 'double precision', (col) => col.notNull())
          .addColumn('passed', 'integer', (col) => col.notNull())
          .addColumn('finished_at', 'varchar(40)', (col) => col.notNull())
          .addColumn('graded_at', 'varchar(40)', (col) => col.notNull())
          .addColumn('digest_id', 'varchar(191)')
          .execute();
        await db.schema
          .createIndex('qr_digest_attempts_by_quiz_digest')
          .on('qr_digest_attempts')
          .columns(['quiz_id', 'digest_id'])
          .execute();
        await db.schema
          .createTable('qr_digests')
          .addColumn('digest_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('quiz_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('window_start', 'varchar(40)', (col) => col.notNull())
          .addColumn('window_end', 'varchar(40)', (col) => col.notNull())
          .addColumn('published_at', 'varchar(40)')
          .execute();
        await db.schema
          .createIndex('qr_digests_by_quiz')
          .on('qr_digests')
          .columns(['quiz_id', 'window_end'])
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseAttemptEvent(event.type, event.data);
    if (parsed?.type !== 'AttemptGraded') return;
    const graded = parsed.data;
    const known = await trx
      .selectFrom('qr_digest_attempts')
      .select('attempt_id')
      .where('attempt_id', '=', graded.attemptId)
      .executeTakeFirst();
    if (known) return;
    await trx
      .insertInto('qr_digest_attempts')
      .values({
        attempt_id: graded.attemptId,
        quiz_id: graded.quizId,
        learner_id: graded.learnerId,
        score_percent: graded.scorePercent,
        passed: Number(graded.passed),
        finished_at: graded.finishedAt,
        graded_at: graded.gradedAt,
        digest_id: null,
      })
      .execute();
  },
});
