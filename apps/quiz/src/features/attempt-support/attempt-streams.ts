import {
  attemptEventContracts,
  attemptStreamName,
  parseAttemptEvent,
  type AttemptEvent,
} from '@quizbook/contracts';
import { deterministicId } from '@quizbook/eventstore';
import { EventSourcedStreams, type HandleOptions } from '@quizbook/platform';
import { attemptDecider, type AttemptCommand, type AttemptState } from '../../domain/attempt/attempt.decider';
import type { QuizServices } from '../../quiz-services';

export type AttemptStreams = EventSourcedStreams<AttemptState, AttemptCommand, AttemptEvent>;

/** `attempt-<id>` through the decider; cheap to build, the mutex inside QuizServices is the shared part. */
export function attemptStreams(services: Pick<QuizServices, 'eventStore' | 'mutex'>): AttemptStreams {
  return new EventSourcedStreams(
    services.eventStore,
    services.mutex,
    {
      ...attemptDecider,
      parse: parseAttemptEvent,
      validate: (event) => attemptEventContracts[event.type].parse(event.data),
    },
    attemptStreamName,
  );
}

/**
 * Every attempt fact is named after its attempt and type: an attempt records each of them at most
 * once, so a retried append (or a second grader) lands on the same event id. AttemptGraded is
 * `graded-<attemptId>`, the name the grader's idempotency is documented under.
 */
export const attemptEventNames: HandleOptions<AttemptEvent>['eventName'] = (event) =>
  event.type === 'AttemptGraded' ? `graded-${event.data.attemptId}` : `${event.data.attemptId}:${event.type}`;

/**
 * Attempt n of a learner at a quiz has a fixed id, so "the learner's n-th attempt" is a stream that
 * either exists or not: starting appends to the first free number with expected revision
 * `no-stream`, which the store grants to one writer, in any process.
 */
export const attemptIdOf = (quizId: string, learnerId: string, attemptNumber: number): string =>
  deterministicId(`attempt:${quizId}:${learnerId}:${attemptNumber}`);
