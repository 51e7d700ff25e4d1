import type { Environment } from '@quizbook/platform';
import {
  jsonClient,
  storeProfiles,
  type JsonAnswer,
  type JsonCall,
  type StoreProfile,
} from '@quizbook/testing';
import { startTestApp, type TestApps } from '../../../../libs/testing/src/apps';
// A journey boots the services behind the edge: the import rule guards production code, and the
// flow through bff-web into the real services is exactly what these specs are for.
import { createCourseApp } from '../../../course/src/course.app';
import { projectionApp } from '../../../projection/src/projection.app';
import { testOnlyArgon2Cost } from '../../../user/src/passwords/password-hasher';
import { createUserApp } from '../../../user/src/user.app';
import { bffWebApp } from '../bff-web.app';

export const adminEmail = 'root@quizbook.test';
const password = 'Correct-horse-42';

export type Answer<T = Record<string, unknown>> = JsonAnswer<T>;
/** Where a journey's stores live: the embedded default always; MariaDB + Redis as the stores, bus and cache when the machine has them. */
export function journeyStoreProfiles(label: string): StoreProfile[] {
  return storeProfiles({
    label,
    embedded: 'app-default',
    withCache: true,
    names: {
      embedded: 'on the embedded default',
      servers: 'with MariaDB as the stores and Redis as the bus and cache',
    },
  });
}

/** user, course, projection and bff-web on the embedded default (or the stores `env` names). */
export function startJourneyApps(env: Environment = {}): Promise<TestApps> {
  return startTestApp(
    [
      createUserApp({ passwordCost: testOnlyArgon2Cost }),
      createCourseApp({ timerPollMs: 50 }),
      projectionApp,
      bffWebApp,
    ],
    // Every client of a spec is 127.0.0.1: the per-IP limit would count a whole class as one client.
    { env: { ADMIN_EMAILS: adminEmail, LOG_LEVEL: 'warn', RATE_LIMIT_PER_IP: '100000', ...env } },
  );
}

/** The shared JSON client; an empty body reads as `{}`, so polling `body.items?` never throws. */
export const httpClient = (base: () => string): JsonCall => jsonClient(base, { emptyBody: {} });

export type Call = JsonCall;

/** Registers through the edge and signs in: the access token carries the roles held now. */
export async function signUp(call: Call, email: string, name = email.split('@')[0]!) {
  const registered = await call<{ userId: string }>('POST', '/api/auth/register', {
    body: { email, password, name },
  });
  if (registered.status !== 201) throw new Error(`register ${email}: ${registered.status}`);
  return { userId: registered.body.userId, token: await signIn(call, email) };
}

export async function signIn(call: Call, email: string): Promise<string> {
  const answer = await call<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { email, password },
  });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status}`);
  return answer.body.accessToken;
}

/** An instructor, made one by the admin through the edge; signed in again to carry the role. */
export async function signUpInstructor(call: Call, email: string) {
  const admin = await signUp(call, adminEmail).catch(async () => ({ token: await signIn(call, adminEmail) }));
  const { userId } = await signUp(call, email);
  const granted = await call('POST', `/api/admin/users/${userId}/roles`, {
    token: admin.token,
    body: { role: 'instructor' },
  });
  if (granted.status !== 200) throw new Error(`grant instructor: ${granted.status}`);
  return { userId, token: await signIn(call, email) };
}

/**
 * Read models follow the event store asynchronously: asks again until `done` holds, a bounded
 * number of times, and answers the last reading so the assertion shows what was seen.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < 800 && !done(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

export const courseDraft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Event Sourcing in Practice',
  description: 'Deciders, projections and process managers',
  tags: ['architecture', 'events'],
  level: 'intermediate',
  priceCents: 4900,
  currency: 'EUR',
  capacity: 3,
  startsAt: '2030-01-15T09:00:00Z',
  ...overrides,
});
