import path from 'node:path';
import { courseStreamName, CourseDrafted, SeatConfirmed } from '@quizbook/contracts';
import { openEventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import { startTestApp, type TestApps } from '@quizbook/testing';
import { createQuizApp } from '../../quiz.app';

export { jsonClient as quizApi, TestTokenIssuer as TestIssuer, type JsonAnswer } from '@quizbook/testing';

export function startQuizApp(userServiceUrl: string, env: Environment = {}): Promise<TestApps> {
  return startTestApp(createQuizApp({ timerPollMs: 20 }), {
    env: { USER_SERVICE_URL: userServiceUrl, LOG_LEVEL: 'warn', ...env },
  });
}

export function eventStoreUrlOf(apps: TestApps, env: Environment = {}): string {
  return env.EVENT_STORE_URL ?? `sqlite:${path.join(apps.dir, 'events.db')}`;
}

/**
 * A course as the course app would have recorded it (drafted, seats confirmed), appended straight
 * to the event store: the quiz app reads enrollment from the course stream, not from the course app.
 */
export async function seedCourse(
  eventStoreUrl: string,
  course: { courseId: string; ownerId: string; enrolled: string[] },
): Promise<void> {
  const store = await openEventStore(eventStoreUrl);
  try {
    const { courseId } = course;
    await store.appendToStream(
      courseStreamName(courseId),
      [
        CourseDrafted.create({
          courseId,
          ownerId: course.ownerId,
          capacity: 50,
          title: 'Event sourcing',
          description: 'Deciders and streams',
          tags: [],
          level: 'beginner',
          priceCents: 1000,
          currency: 'EUR',
          startsAt: '2031-01-01T09:00:00.000Z',
        }),
        ...course.enrolled.map((learnerId, index) =>
          SeatConfirmed.create({ courseId, orderId: `order-${index}`, learnerId }),
        ),
      ],
      { expectedRevision: 'no-stream' },
    );
  } finally {
    await store.close();
  }
}

export async function readStreamOf(url: string, streamName: string): Promise<RecordedEvent[]> {
  const store = await openEventStore(url);
  try {
    return await store.readStream(streamName);
  } finally {
    await store.close();
  }
}
