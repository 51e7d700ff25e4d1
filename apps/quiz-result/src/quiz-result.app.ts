import { defineApp } from '@quizbook/platform';
import { QuizResultModule } from './quiz-result.module';

export const quizResultApp = defineApp({
  name: 'quiz-result',
  module: QuizResultModule,
  uses: ['eventStore', 'bus', 'readDb'],
});
