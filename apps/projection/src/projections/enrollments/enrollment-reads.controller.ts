import { Controller, Get, Inject, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '@quizbook/auth';
import { forbidden, READ_DATABASE, ZodValidationPipe } from '@quizbook/platform';
import { z } from 'zod';
import { findEnrollments, type EnrollmentsDatabase } from './enrollment-queries';
import type { EnrollmentView } from './enrollments.tables';

const listEnrollmentsQuery = z.object({ learnerId: z.string().trim().min(1).max(191).optional() });

/** A learner reads their own enrollments, an admin anyone's. */
@Controller('read/enrollments')
export class EnrollmentReadsController {
  constructor(@Inject(READ_DATABASE) private readonly database: EnrollmentsDatabase) {}

  @Get()
  async list(
    @Query(new ZodValidationPipe(listEnrollmentsQuery)) query: z.infer<typeof listEnrollmentsQuery>,
    @CurrentPrincipal() me: Principal,
  ): Promise<{ items: EnrollmentView[] }> {
    const learnerId = query.learnerId ?? me.userId;
    if (learnerId !== me.userId && !me.roles.includes('admin'))
      throw forbidden("Only an admin may read another learner's enrollments.");
    return { items: await findEnrollments(this.database, learnerId) };
  }
}
