import type { Type } from '@nestjs/common';
import { ListAttemptsController } from './list-attempts/list-attempts.controller';
import { StartAttemptController } from './start-attempt/start-attempt.controller';
import { SubmitAttemptController } from './submit-attempt/submit-attempt.controller';
import { ViewAttemptController } from './view-attempt/view-attempt.controller';

/** The attempt routes (start, submit, view), mounted by QuizModule. */
export const attemptControllers: Type<unknown>[] = [
  StartAttemptController,
  SubmitAttemptController,
  ViewAttemptController,
  ListAttemptsController,
];
