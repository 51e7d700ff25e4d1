import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import type { SqlDatabase } from '@quizbook/database';
import { notFound, READ_DATABASE, ZodValidationPipe } from '@quizbook/platform';
import { z } from 'zod';
import { courseOwnerOf, isAdmin, isEnrolled } from '../directory/course-access';
import { courseProgress, type CourseProgress } from './progress-query';
import type { QuizResultTables } from '../../quiz-result-tables';

const progressQuery = z.object({ learnerId: z.string().trim().min(1).max(191).optional() });
const idParam = z.string().trim().min(1).max(191);

/**
 * A learner reads their own progress in a course they are enrolled in; the course owner and admins
 * read anyone's with `?learnerId=`. Anything else is 404.
 */
@Controller('courses/:courseId/progress')
export class ProgressController {
  constructor(@Inject(READ_DATABASE) private readonly database: SqlDatabase<QuizResultTables>) {}

  @Get()
  async progress(
    @Param('courseId', new ZodValidationPipe(idParam)) courseId: string,
    @Query(new ZodValidationPipe(progressQuery)) query: z.infer<typeof progressQuery>,
    @CurrentPrincipal() me: Principal,
  ): Promise<CourseProgress> {
    const db = this.database.db;
    const learnerId = query.learnerId ?? me.userId;
    const ownerId = await courseOwnerOf(db, courseId);
    const manages = ownerId !== undefined && (isAdmin(me) || ownerId === me.userId);
    const allowed =
      ownerId !== undefined &&
      (manages || (learnerId === me.userId && (await isEnrolled(db, courseId, learnerId))));
    if (!allowed)
      throw notFound(`No progress in course ${courseId} that you can see.`, { type: 'course-not-found' });
    return courseProgress(db, courseId, learnerId);
  }
}
