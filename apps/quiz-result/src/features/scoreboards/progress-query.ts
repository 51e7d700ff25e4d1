import type { ScoresDb } from './scoreboard-query';

export interface CourseProgress {
  courseId: string;
  learnerId: string;
  quizzes: {
    quizId: string;
    title: string;
    bestScorePercent: number | null;
    passed: boolean;
    attempts: number;
  }[];
}

/** The course's published quizzes (and archived ones the learner took), with the learner's best. */
export async function courseProgress(
  db: ScoresDb,
  courseId: string,
  learnerId: string,
): Promise<CourseProgress> {
  const quizzes = await db
    .selectFrom('qr_quizzes as q')
    .leftJoin('qr_best_scores as b', (join) =>
      join.onRef('b.quiz_id', '=', 'q.quiz_id').on('b.learner_id', '=', learnerId),
    )
    .select(['q.quiz_id', 'q.title', 'q.status', 'b.score_percent', 'b.passed_any'])
    .where('q.course_id', '=', courseId)
    .where('q.published_version', '>=', 1)
    .orderBy('q.title')
    .orderBy('q.quiz_id')
    .execute();
  const counts = await db
    .selectFrom('qr_attempts')
    .select(['quiz_id', db.fn.countAll<string | number>().as('attempts')])
    .where('course_id', '=', courseId)
    .where('learner_id', '=', learnerId)
    .groupBy('quiz_id')
    .execute();
  const attempts = new Map(counts.map((row) => [row.quiz_id, Number(row.attempts)]));
  return {
    courseId,
    learnerId,
    quizzes: quizzes
      .filter((quiz) => quiz.status !== 'archived' || attempts.has(quiz.quiz_id))
      .map((quiz) => ({
        quizId: quiz.quiz_id,
        title: quiz.title,
        bestScorePercent: quiz.score_percent === null ? null : Number(quiz.score_percent),
        passed: Boolean(Number(quiz.passed_any ?? 0)),
        attempts: attempts.get(quiz.quiz_id) ?? 0,
      })),
  };
}
