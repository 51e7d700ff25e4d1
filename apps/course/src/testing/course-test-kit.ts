import path from 'node:path';
import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  signToken,
  startJwksServer,
  type JwksServer,
} from '@quizbook/auth';
import type { Role } from '@quizbook/auth';
import { openEventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import { startTestApp, type TestApps } from '@quizbook/testing';
import { createCourseApp, type CourseAppOptions } from '../course.app';

/** A movable clock: specs jump past a hold's expiry instead of waiting for it. */
export class TestClock {
  constructor(private current = new Date()) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

const issuer = { issuer: 'urn:quizbook:user-service', audience: 'quizbook' };

/** Signs tokens with a key published by a JWKS double standing in for the user service. */
export class TestIssuer {
  private readonly key = generateSigningKey('course-spec-key');
  private jwks?: JwksServer;

  async start(): Promise<string> {
    this.jwks = await startJwksServer(jwksOf(this.key));
    return this.jwks.url;
  }

  tokenFor(userId: string, roles: Role[]): string {
    return signToken(
      this.key,
      localAccessClaims(issuer, { sub: userId, roles, email: `${userId}@example.com` }),
    );
  }

  close(): Promise<void> {
    return this.jwks?.close() ?? Promise.resolve();
  }
}

export async function startCourseApp(
  userServiceUrl: string,
  options: CourseAppOptions & { env?: Environment } = {},
): Promise<TestApps> {
  const { env, ...appOptions } = options;
  return startTestApp(createCourseApp({ timerPollMs: 20, ...appOptions }), {
    env: { USER_SERVICE_URL: userServiceUrl, LOG_LEVEL: 'warn', ...env },
  });
}

export function courseApi(base: () => string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<JsonAnswer<T>> {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  };
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
  call: ReturnType<typeof courseApi>,
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
