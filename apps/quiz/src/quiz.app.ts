import { Module } from '@nestjs/common';
import { defineApp, type Clock } from '@quizbook/platform';
import { startAttemptWorkers } from './features/attempt-workers';
import { QuizModule } from './quiz.module';
import type { QuizServices } from './quiz-services';
import { QUIZ_SERVICES } from './quiz-tokens';

export interface QuizAppOptions {
  /** Specs move time to pass deadlines without waiting. */
  clock?: Clock;
  /** Pause between two rounds of the deadline timer. */
  timerPollMs?: number;
}

/** One definition per call, so specs can boot the app twice on the same stores (a restart). */
export function createQuizApp(options: QuizAppOptions = {}) {
  @Module({ imports: [QuizModule.forApp(options.clock ? { clock: options.clock } : {})] })
  class QuizAppModule {}

  return defineApp({
    name: 'quiz',
    module: QuizAppModule,
    uses: ['eventStore', 'bus', 'readDb'],
    async onStart(context) {
      await startAttemptWorkers(
        context.nest.get<QuizServices>(QUIZ_SERVICES),
        context,
        options.timerPollMs !== undefined ? { timerPollMs: options.timerPollMs } : {},
      );
    },
  });
}

export const quizApp = createQuizApp();
