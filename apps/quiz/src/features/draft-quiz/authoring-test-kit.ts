import path from 'node:path';
import {
  generateSigningKey,
  jwksOf,
  localAccessClaims,
  signToken,
  startJwksServer,
  type JwksServer,
  type Role,
} from '@quizbook/auth';
import { courseStreamName, CourseDrafted, SeatConfirmed } from '@quizbook/contracts';
import { openEventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import { startTestApp, type TestApps } from '@quizbook/testing';
import { createQuizApp } from '../../quiz.app';

export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

const issuer = { issuer: 'urn:quizbook:user-service', audience: 'quizbook' };

/** Signs tokens with a key published by a JWKS double standing in for the user service. */
export class TestIssuer {
  private readonly key = generateSigningKey('quiz-authoring-spec-key');
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

export function startQuizApp(userServiceUrl: string, env: Environment = {}): Promise<TestApps> {
  return startTestApp(createQuizApp({ timerPollMs: 20 }), {
    env: { USER_SERVICE_URL: userServiceUrl, LOG_LEVEL: 'warn', ...env },
  });
}

export function quizApi(base: () => string) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    route: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<JsonAnswer<T>> {
    const response = await fetch(`${base()}${route}`, {
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
