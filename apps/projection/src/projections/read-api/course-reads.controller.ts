import { Controller, Get, Inject, Param } from '@nestjs/common';
import { CurrentPrincipal, notFoundUnlessOwner, type Principal } from '@quizbook/auth';
import { notFound, READ_DATABASE } from '@quizbook/platform';
import type { CourseView } from '../courses/course-rows.tables';
import type { CourseSeats } from '../seats/course-seats.tables';
import { findCourse, findCourseSeats, type ReadModelDatabase } from './read-model-queries';

const missingCourse = 'There is no such course.';

/** Read models of courses for other services; every route needs a bearer token. */
@Controller('read/courses')
export class CourseReadsController {
  constructor(@Inject(READ_DATABASE) private readonly database: ReadModelDatabase) {}

  @Get(':id')
  async course(@Param('id') courseId: string, @CurrentPrincipal() me: Principal): Promise<CourseView> {
    const course = await findCourse(this.database, courseId);
    // A draft or archived course is its owner's (and admins') business only.
    if (course?.status === 'published') return course;
    return notFoundUnlessOwner(course, me, (found) => found.ownerId, {
      adminSees: true,
      detail: missingCourse,
    });
  }

  @Get(':id/seats')
  async seats(@Param('id') courseId: string): Promise<CourseSeats> {
    const seats = await findCourseSeats(this.database, courseId);
    if (!seats) throw notFound(missingCourse);
    return seats;
  }
}
