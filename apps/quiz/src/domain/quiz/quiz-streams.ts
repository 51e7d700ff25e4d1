import { parseQuizEvent, quizEventContracts, quizStreamName, type QuizEvent } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { EventSourcedStreams, type KeyedMutex } from '@quizbook/platform';
import { quizDecider, type QuizCommand, type QuizState } from './quiz.decider';

export type QuizStreams = EventSourcedStreams<QuizState, QuizCommand, QuizEvent>;

/** `quiz-<id>` streams: load folds a quiz (published versions included), handle decides and appends. */
export function quizStreams(store: EventStore, mutex: KeyedMutex): QuizStreams {
  return new EventSourcedStreams(
    store,
    mutex,
    {
      ...quizDecider,
      parse: parseQuizEvent,
      validate: (event) => quizEventContracts[event.type].parse(event.data),
    },
    quizStreamName,
  );
}
