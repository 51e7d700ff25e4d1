import { parseQuizEvent, quizStreamName, type QuizEvent, type QuizPublishedData } from '@quizbook/contracts';
import type { EventStore } from '@quizbook/eventstore';
import type { AttemptQuizVersion } from '../../domain/attempt/attempt.decider';
import { foldPublishedQuiz, type PublishedQuiz } from '../../domain/attempt/published-quiz';

/** The quiz's published versions, read from its own stream each time (never behind a write). */
export async function readPublishedQuiz(
  eventStore: EventStore,
  quizId: string,
): Promise<PublishedQuiz | undefined> {
  const events: QuizEvent[] = [];
  for (const recorded of await eventStore.readStream(quizStreamName(quizId))) {
    const event = parseQuizEvent(recorded.type, recorded.data);
    if (event) events.push(event);
  }
  return foldPublishedQuiz(events);
}

export function attemptQuizVersionOf(published: QuizPublishedData): AttemptQuizVersion {
  return {
    quizId: published.quizId,
    courseId: published.courseId,
    version: published.version,
    settings: published.settings,
    questions: published.questions,
  };
}
