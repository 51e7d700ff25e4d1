import { Module } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import { EnrollmentReadsController } from './projections/enrollments/enrollment-reads.controller';
import { CourseReadsController } from './projections/read-api/course-reads.controller';
import { OrderReadsController } from './projections/read-api/order-reads.controller';
import './projections/register-read-models';

/**
 * Read models fed from `$all`, and their query API. A read model registers its projection when its
 * module is imported here; projection.app.ts runs every registered one. The read API answers only
 * bearer tokens: other services forward their caller's.
 */
@Module({
  imports: [AuthModule.forApp()],
  controllers: [CourseReadsController, OrderReadsController, EnrollmentReadsController],
})
export class ProjectionModule {}
