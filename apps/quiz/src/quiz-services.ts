import type { AnySqlDatabase } from '@quizbook/database';
import type { EventStore } from '@quizbook/eventstore';
import type { MessageBus } from '@quizbook/messaging';
import { KeyedMutex, systemClock, type AppConfig, type Clock } from '@quizbook/platform';

/** Everything the quiz features share; built once per app, injected as QUIZ_SERVICES. */
export interface QuizServices {
  eventStore: EventStore;
  bus: MessageBus;
  /** The quiz app's own tables (checkpoints, open attempts for the deadline timer). */
  readDb: AnySqlDatabase;
  config: AppConfig;
  clock: Clock;
  /** One per process: every command on a stream queues here. */
  mutex: KeyedMutex;
}

export interface QuizServiceOptions {
  eventStore: EventStore;
  bus: MessageBus;
  readDb: AnySqlDatabase;
  config: AppConfig;
  clock?: Clock;
}

export function createQuizServices(options: QuizServiceOptions): QuizServices {
  return {
    eventStore: options.eventStore,
    bus: options.bus,
    readDb: options.readDb,
    config: options.config,
    clock: options.clock ?? systemClock,
    mutex: new KeyedMutex(),
  };
}
