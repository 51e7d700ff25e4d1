import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import type { SqlDatabase } from '@quizbook/database';
import { notFound, READ_DATABASE, ZodValidationPipe } from '@quizbook/platform';
import { z } from 'zod';
import { isAdmin, isEnrolled } from '../directory/course-access';
import { rankedScoreboard, type ScoreboardEntry } from './scoreboard-query';
import type { QuizResultTables } from '../../quiz-result-tables';

const scoreboardQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const idParam = z.string().trim().min(1).max(191);

/** The quiz's enrolled learners, its owner and admins see its scoreboard; anyone else gets 404. */
@Controller('quizzes/:quizId/scoreboard')
export class ScoreboardController {
  constructor(@Inject(READ_DATABASE) private readonly database: SqlDatabase<QuizResultTables>) {}

  @Get()
  async scoreboard(
    @Param('quizId', new ZodValidationPipe(idParam)) quizId: string,
    @Query(new ZodValidationPipe(scoreboardQuery)) query: z.infer<typeof scoreboardQuery>,
    @CurrentPrincipal() me: Principal,
  ): Promise<{ quizId: string; title: string; entries: ScoreboardEntry[] }> {
    const db = this.database.db;
    const quiz = await db
      .selectFrom('qr_quizzes')
      .select(['title', 'course_id', 'owner_id', 'status'])
      .where('quiz_id', '=', quizId)
      .executeTakeFirst();
    const allowed =
      quiz !== undefined &&
      (isAdmin(me) ||
        quiz.owner_id === me.userId ||
        (quiz.status !== 'draft' && (await isEnrolled(db, quiz.course_id, me.userId))));
    if (!quiz || !allowed) throw notFound(`No quiz ${quizId} that you can see.`, { type: 'quiz-not-found' });
    return { quizId, title: quiz.title, entries: await rankedScoreboard(db, quizId, query.limit) };
  }
}
