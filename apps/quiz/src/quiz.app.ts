import { defineApp } from '@quizbook/platform';
import { QuizModule } from './quiz.module';

export const quizApp = defineApp({
  name: 'quiz',
  module: QuizModule,
  uses: ['eventStore', 'bus'],
});
