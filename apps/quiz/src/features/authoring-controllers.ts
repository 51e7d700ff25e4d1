import type { Type } from '@nestjs/common';

/** The authoring routes (quizzes, questions, question bank), mounted by QuizModule. */
export const authoringControllers: Type<unknown>[] = [];
