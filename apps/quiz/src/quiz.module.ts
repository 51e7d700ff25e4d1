import { Module } from '@nestjs/common';

/** Quizzes, question bank, attempts and grading: `quiz-<id>` and `attempt-<id>` streams. */
@Module({})
export class QuizModule {}
