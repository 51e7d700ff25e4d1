import type { Kysely } from 'kysely';
import type { QuizResultTables } from '../../quiz-result-tables';
import { displayNames } from '../directory/course-access';
import { isBetterAttempt } from './better-attempt';

export interface ScoreboardEntry {
  rank: number;
  learnerId: string;
  learnerName: string;
  scorePercent: number;
  passed: boolean;
  finishedAt: string;
  attempts: number;
}

export type ScoresDb = Kysely<QuizResultTables>;

/** Attempts started per learner at a quiz (graded, expired or still running). */
export async function attemptCounts(db: ScoresDb, quizId: string, learnerId?: string) {
  let query = db
    .selectFrom('qr_attempts')
    .select(['learner_id', db.fn.countAll<string | number>().as('attempts')])
    .where('quiz_id', '=', quizId);
  if (learnerId) query = query.where('learner_id', '=', learnerId);
  const rows = await query.groupBy('learner_id').execute();
  return new Map(rows.map((row) => [row.learner_id, Number(row.attempts)]));
}

/** Best score per learner, highest first, ties by the earlier finish. */
export async function rankedScoreboard(
  db: ScoresDb,
  quizId: string,
  limit: number,
): Promise<ScoreboardEntry[]> {
  const best = await db.selectFrom('qr_best_scores').selectAll().where('quiz_id', '=', quizId).execute();
  const ranked = best
    .map((row) => ({
      learnerId: row.learner_id,
      attemptId: row.attempt_id,
      scorePercent: Number(row.score_percent),
      passed: Boolean(Number(row.passed)),
      finishedAt: row.finished_at,
    }))
    .sort((a, b) => (isBetterAttempt(a, b) ? -1 : isBetterAttempt(b, a) ? 1 : 0))
    .slice(0, limit);
  const counts = await attemptCounts(db, quizId);
  const names = await displayNames(
    db,
    ranked.map((entry) => entry.learnerId),
  );
  return ranked.map((entry, index) => ({
    rank: index + 1,
    learnerId: entry.learnerId,
    learnerName: names.get(entry.learnerId) ?? entry.learnerId,
    scorePercent: entry.scorePercent,
    passed: entry.passed,
    finishedAt: entry.finishedAt,
    attempts: counts.get(entry.learnerId) ?? 1,
  }));
}
