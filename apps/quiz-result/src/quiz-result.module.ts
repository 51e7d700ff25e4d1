import { Module } from '@nestjs/common';

/** Live results and scoreboards, from attempt events. */
@Module({})
export class QuizResultModule {}
