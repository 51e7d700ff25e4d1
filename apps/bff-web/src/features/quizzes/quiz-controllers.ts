import type { Type } from '@nestjs/common';
import { AttemptsController } from './attempts.controller';
import { CourseQuizzesController } from './course-quizzes.controller';
import { QuestionBankController } from './question-bank.controller';
import { QuizAuthoringController } from './quiz-authoring.controller';
import { QuizResultsController } from './quiz-results.controller';

/** The quiz routes of the public API (authoring, attempts, scoreboards), mounted by BffWebModule. */
export const quizControllers: Type<unknown>[] = [
  CourseQuizzesController,
  QuizAuthoringController,
  QuestionBankController,
  AttemptsController,
  QuizResultsController,
];
