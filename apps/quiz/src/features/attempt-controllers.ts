import type { Type } from '@nestjs/common';

/** The attempt routes (start, submit, view), mounted by QuizModule. */
export const attemptControllers: Type<unknown>[] = [];
