import {
  parseQuestionBankEvent,
  questionBankEventContracts,
  questionBankStreamName,
  type QuestionBankEvent,
} from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import { EventSourcedStreams, type KeyedMutex } from '@quizbook/platform';
import {
  questionBankDecider,
  type QuestionBankCommand,
  type QuestionBankState,
} from './question-bank.decider';

export type QuestionBankStreams = EventSourcedStreams<
  QuestionBankState,
  QuestionBankCommand,
  QuestionBankEvent
>;

/** `questionbank-<ownerId>` streams, keyed by the instructor who owns the bank. */
export function questionBankStreams(store: EventStore, mutex: KeyedMutex): QuestionBankStreams {
  return new EventSourcedStreams(
    store,
    mutex,
    {
      ...questionBankDecider,
      parse: parseQuestionBankEvent,
      validate: (event) => questionBankEventContracts[event.type].parse(event.data),
    },
    questionBankStreamName,
  );
}
