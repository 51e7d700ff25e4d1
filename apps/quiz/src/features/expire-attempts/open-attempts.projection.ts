import { attemptStreamCategory, parseAttemptEvent } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';

/**
 * The durable schedule of the attempt timer: one row per attempt not yet closed. In progress, it is
 * due at its deadline (expired if still not submitted); submitted, it waits for its grade and is
 * graded by the timer itself if the grade is overdue (a submission message lost with a memory bus
 * that died with its process). Fed from the attempt streams with a checkpoint, so a restart
 * finds what was open before it.
 */
export interface OpenAttemptTables {
  quiz_open_attempts: {
    attempt_id: string;
    status: 'in-progress' | 'submitted';
    /** ISO-8601, one fixed width: compares correctly as text on both dialects. */
    deadline: string;
    /** When the sheet arrived, once submitted. */
    received_at: string | null;
  };
}

export const openAttemptsProjection = defineProjection<OpenAttemptTables>({
  name: 'quiz_open_attempts',
  categories: [attemptStreamCategory],
  tables: ['quiz_open_attempts'],
  migrations: [
    {
      name: '0001_create_quiz_open_attempts',
      async up(db) {
        await db.schema
          .createTable('quiz_open_attempts')
          .addColumn('attempt_id', 'varchar(64)', (col) => col.primaryKey())
          .addColumn('status', 'varchar(16)', (col) => col.notNull())
          .addColumn('deadline', 'varchar(32)', (col) => col.notNull())
          .addColumn('received_at', 'varchar(32)')
          .execute();
        await db.schema
          .createIndex('quiz_open_attempts_due_idx')
          .on('quiz_open_attempts')
          .columns(['status', 'deadline'])
          .execute();
      },
    },
  ],
  async handle(recorded, trx) {
    const event = parseAttemptEvent(recorded.type, recorded.data);
    if (!event) return;
    const { attemptId } = event.data;
    const forget = () => trx.deleteFrom('quiz_open_attempts').where('attempt_id', '=', attemptId).execute();
    switch (event.type) {
      case 'AttemptStarted':
        // Delete-then-insert keeps a replayed event harmless without dialect-specific upserts.
        await forget();
        await trx
          .insertInto('quiz_open_attempts')
          .values({
            attempt_id: attemptId,
            status: 'in-progress',
            deadline: new Date(event.data.deadline).toISOString(),
            received_at: null,
          })
          .execute();
        return;
      case 'AttemptSubmitted':
        await trx
          .updateTable('quiz_open_attempts')
          .set({ status: 'submitted', received_at: new Date(event.data.receivedAt).toISOString() })
          .where('attempt_id', '=', attemptId)
          .execute();
        return;
      case 'AttemptGraded':
      case 'AttemptExpired':
        await forget();
        return;
    }
  },
});
