import { Module } from '@nestjs/common';

/** Catalog, seats, cart and order placement: `course-<id>` and `order-<id>` streams. */
@Module({})
export class CourseModule {}
