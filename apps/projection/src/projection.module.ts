import { Module } from '@nestjs/common';

/**
 * Read models fed from `$all`, and their query API. A read model registers its projection when its
 * module is imported here; projection.app.ts runs every registered one.
 */
@Module({})
export class ProjectionModule {}
