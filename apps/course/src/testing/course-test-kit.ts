import path from 'node:path';
import { openEventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import { startTestApp, type JsonCall, type TestApps } from '@quizbook/testing';
import { createCourseApp, type CourseAppOptions } from '../course.app';

/** A movable clock: specs jump past a hold's expiry instead of waiting for it. */
export class TestClock {
  constructor(private current = new Date()) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export { jsonClient as courseApi, TestTokenIssuer as TestIssuer, type JsonAnswer } from '@quizbook/testing';

export async function startCourseApp(
  userServiceUrl: string,
  options: CourseAppOptions & { env?: Environment } = {},
): Promise<TestApps> {
  const { env, ...appOptions } = options;
  return startTestApp(createCourseApp({ timerPollMs: 20, ...appOptions }), {
    env: { USER_SERVICE_URL: userServiceUrl, LOG_LEVEL: 'warn', ...env },
  });
}

export const courseDraft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Event sourcing in practice',
  description: 'Deciders, streams, projections',
  tags: ['architecture'],
  level: 'intermediate',
  priceCents: 4900,
  currency: 'EUR',
  capacity: 10,
  startsAt: '2031-03-01T09:00:00.000Z',
  ...overrides,
});

/** Drafts and publishes a course as `instructorToken`; returns its id. */
export async function publishedCourse(
  call: JsonCall,
  instructorToken: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const drafted = await call<{ courseId: string }>('POST', '/courses', {
    token: instructorToken,
    body: courseDraft(overrides),
  });
  if (drafted.status !== 201)
    throw new Error(`draft failed: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const published = await call('POST', `/courses/${drafted.body.courseId}/publish`, {
    token: instructorToken,
  });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status}`);
  return drafted.body.courseId;
}

export { eventually } from '@quizbook/testing';

/** A second handle on the app's event store, to check what the streams hold. */
export function eventStoreUrlOf(apps: TestApps, env: Environment = {}): string {
  return env.EVENT_STORE_URL ?? `sqlite:${path.join(apps.dir, 'events.db')}`;
}

export async function readStreamOf(url: string, streamName: string): Promise<RecordedEvent[]> {
  const store = await openEventStore(url);
  try {
    return await store.readStream(streamName);
  } finally {
    await store.close();
  }
}
