import type { Type } from '@nestjs/common';
import { ArchiveQuizController } from './archive-quiz/archive-quiz.controller';
import { DraftQuizController } from './draft-quiz/draft-quiz.controller';
import { EditQuestionsController } from './edit-questions/edit-questions.controller';
import { EditQuizController } from './edit-quiz/edit-quiz.controller';
import { ImportQuestionsController } from './import-questions/import-questions.controller';
import { ListCourseQuizzesController } from './list-course-quizzes/list-course-quizzes.controller';
import { PublishQuizController } from './publish-quiz/publish-quiz.controller';
import { QuestionBankController } from './question-bank/question-bank.controller';
import { ViewQuizController } from './view-quiz/view-quiz.controller';

/** The authoring routes (quizzes, questions, question bank), mounted by QuizModule. */
export const authoringControllers: Type<unknown>[] = [
  DraftQuizController,
  ListCourseQuizzesController,
  ViewQuizController,
  EditQuizController,
  EditQuestionsController,
  PublishQuizController,
  ArchiveQuizController,
  QuestionBankController,
  ImportQuestionsController,
];
