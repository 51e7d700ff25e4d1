import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@quizbook/auth';
import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import {
  APP_CONFIG,
  EVENT_STORE,
  MESSAGE_BUS,
  READ_DATABASE,
  type AppConfig,
  type Clock,
} from '@quizbook/platform';
import { attemptControllers } from './features/attempt-controllers';
import { authoringControllers } from './features/authoring-controllers';
import { createQuizServices } from './quiz-services';
import { QUIZ_SERVICES } from './quiz-tokens';

export interface QuizModuleOptions {
  /** Specs move time to pass deadlines without waiting. */
  clock?: Clock;
}

/** Quizzes, question bank, attempts and grading: `quiz-<id>`, `questionbank-<id>` and `attempt-<id>` streams. */
@Module({})
export class QuizModule {
  static forApp(options: QuizModuleOptions = {}): DynamicModule {
    return {
      module: QuizModule,
      imports: [AuthModule.forApp()],
      controllers: [...authoringControllers, ...attemptControllers],
      providers: [
        {
          provide: QUIZ_SERVICES,
          inject: [EVENT_STORE, MESSAGE_BUS, READ_DATABASE, APP_CONFIG],
          useFactory: (eventStore: EventStore, bus: MessageBus, readDb: AnySqlDatabase, config: AppConfig) =>
            createQuizServices({
              eventStore,
              bus,
              readDb,
              config,
              ...(options.clock ? { clock: options.clock } : {}),
            }),
        },
      ],
      exports: [QUIZ_SERVICES],
    };
  }
}
