import { attemptStreamCategory, parseAttemptEvent, type AttemptGradedData } from '@quizbook/contracts';
import { defineProjection } from '@quizbook/database';
import type { Kysely } from 'kysely';
import { alreadyApplied, positionColumn } from '../../applied-position';
import { isBetterAttempt } from './better-attempt';
import type { ScoresTables } from './scores.tables';

/**
 * Attempts per learner and quiz, and each learner's best graded attempt. A grade replaces the best
 * only when it ranks higher (isBetterAttempt), so grades arriving out of order or twice settle on
 * the same row.
 */
export const scoresProjection = defineProjection<ScoresTables>({
  name: 'quiz_result_scores',
  categories: [attemptStreamCategory],
  tables: ['qr_attempts', 'qr_best_scores'],
  migrations: [
    {
      name: '0001_create_qr_attempts_and_best_scores',
      async up(db) {
        await db.schema
          .createTable('qr_attempts')
          .addColumn('attempt_id', 'varchar(191)', (col) => col.primaryKey())
          .addColumn('quiz_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('status', 'varchar(16)', (col) => col.notNull())
          .addColumn('score_percent', 'double precision')
          .addColumn('passed', 'integer')
          .addColumn('finished_at', 'varchar(40)')
          .addColumn('last_position', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('qr_attempts_by_quiz_learner')
          .on('qr_attempts')
          .columns(['quiz_id', 'learner_id'])
          .execute();
        await db.schema
          .createTable('qr_best_scores')
          .addColumn('quiz_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('learner_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('course_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('attempt_id', 'varchar(191)', (col) => col.notNull())
          .addColumn('score_percent', 'double precision', (col) => col.notNull())
          .addColumn('passed', 'integer', (col) => col.notNull())
          .addColumn('passed_any', 'integer', (col) => col.notNull())
          .addColumn('finished_at', 'varchar(40)', (col) => col.notNull())
          .addPrimaryKeyConstraint('qr_best_scores_pk', ['quiz_id', 'learner_id'])
          .execute();
        await db.schema
          .createIndex('qr_best_scores_by_course_learner')
          .on('qr_best_scores')
          .columns(['course_id', 'learner_id'])
          .execute();
      },
    },
  ],
  async handle(event, trx) {
    const parsed = parseAttemptEvent(event.type, event.data);
    if (!parsed || parsed.type === 'AttemptSubmitted') return;
    const { attemptId } = parsed.data;
    const row = await trx
      .selectFrom('qr_attempts')
      .select(['last_position', 'status'])
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
    if (alreadyApplied(row?.last_position, event.position)) return;
    const last_position = positionColumn(event.position);
    const base = {
      attempt_id: attemptId,
      quiz_id: parsed.data.quizId,
      course_id: parsed.data.courseId,
      learner_id: parsed.data.learnerId,
    };
    if (parsed.type === 'AttemptStarted') {
      if (row) return;
      await trx
        .insertInto('qr_attempts')
        .values({
          ...base,
          status: 'in-progress',
          score_percent: null,
          passed: null,
          finished_at: null,
          last_position,
        })
        .execute();
      return;
    }
    // A graded attempt stays graded; an expiry arriving after it (a deadline race) changes nothing.
    if (row?.status === 'graded') return;
    const graded = parsed.type === 'AttemptGraded' ? parsed.data : undefined;
    const values = {
      status: graded ? ('graded' as const) : ('expired' as const),
      score_percent: graded?.scorePercent ?? null,
      passed: graded ? Number(graded.passed) : null,
      finished_at: graded?.finishedAt ?? null,
      last_position,
    };
    if (row) await trx.updateTable('qr_attempts').set(values).where('attempt_id', '=', attemptId).execute();
    else
      await trx
        .insertInto('qr_attempts')
        .values({ ...base, ...values })
        .execute();
    if (graded) await keepBest(trx, graded);
  },
});

async function keepBest(trx: Kysely<ScoresTables>, graded: AttemptGradedData): Promise<void> {
  const best = await trx
    .selectFrom('qr_best_scores')
    .selectAll()
    .where('quiz_id', '=', graded.quizId)
    .where('learner_id', '=', graded.learnerId)
    .executeTakeFirst();
  const candidate = {
    attemptId: graded.attemptId,
    scorePercent: graded.scorePercent,
    finishedAt: graded.finishedAt,
  };
  if (!best) {
    await trx
      .insertInto('qr_best_scores')
      .values({
        quiz_id: graded.quizId,
        learner_id: graded.learnerId,
        course_id: graded.courseId,
        attempt_id: graded.attemptId,
        score_percent: graded.scorePercent,
        passed: Number(graded.passed),
        passed_any: Number(graded.passed),
        finished_at: graded.finishedAt,
      })
      .execute();
    return;
  }
  const current = {
    attemptId: best.attempt_id,
    scorePercent: Number(best.score_percent),
    finishedAt: best.finished_at,
  };
  const passedAny = Number(Boolean(Number(best.passed_any)) || graded.passed);
  const better = isBetterAttempt(candidate, current);
  await trx
    .updateTable('qr_best_scores')
    .set(
      better
        ? {
            attempt_id: graded.attemptId,
            score_percent: graded.scorePercent,
            passed: Number(graded.passed),
            passed_any: passedAny,
            finished_at: graded.finishedAt,
          }
        : { passed_any: passedAny },
    )
    .where('quiz_id', '=', graded.quizId)
    .where('learner_id', '=', graded.learnerId)
    .execute();
}
