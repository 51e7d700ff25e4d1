import WebSocket from 'ws';
import type { LiveMessage } from '@quizbook/contracts';
import type { Environment } from '@quizbook/platform';
import { startTestApp, type StoreProfile, type TestApps } from '@quizbook/testing';
// A journey boots every app, exactly the list `npm start` boots: the flow across them is what it is for.
import { allApps } from '../../../all-apps';
import { testOnlyArgon2Cost } from '../../../user/src/passwords/password-hasher';
import { createUserApp } from '../../../user/src/user.app';
import { adminEmail, eventually, journeyStoreProfiles, type Call } from './journey-kit';

/** Every app as `npm start` boots them (apps/all-apps.ts), on the embedded default or the stores `env` names. */
export function startEveryApp(
  env: Environment = {},
  /** Booted after them: a second bff-web instance, say. */
  more: readonly (typeof allApps)[number][] = [],
): Promise<TestApps> {
  // The same apps in the same order; only password hashing is cheap, as in every spec.
  const apps = allApps.map((app) =>
    app.name === 'user' ? createUserApp({ passwordCost: testOnlyArgon2Cost }) : app,
  );
  return startTestApp([...apps, ...more], {
    env: {
      ADMIN_EMAILS: adminEmail,
      LOG_LEVEL: 'warn',
      // Every client of a spec is 127.0.0.1: the per-IP limit would count a whole class as one client.
      RATE_LIMIT_PER_IP: '100000',
      // The digest gathers results for a second instead of a minute, so the journey sees it.
      QUIZ_DIGEST_DELAY_SECONDS: '1',
      ...env,
    },
  });
}

export const storeProfiles: StoreProfile[] = journeyStoreProfiles('quiz-journey');

interface Enrollments {
  items: { courseId: string; status: string }[];
}

/**
 * The paid-booking journey's steps: cart, order, dev checkout page, Pay; answers once the learner's
 * enrollment in the course is listed, i.e. the booking process confirmed the seat.
 */
export async function bookAndPay(
  edge: Call,
  paymentUrl: string,
  token: string,
  courseId: string,
): Promise<{ orderId: string }> {
  const added = await edge('POST', '/api/cart/items', { token, body: { courseId } });
  if (added.status !== 200) throw new Error(`add to cart: ${added.status}`);
  const placed = await edge<{ orderId: string }>('POST', '/api/orders', {
    token,
    body: { courseIds: [courseId] },
  });
  if (placed.status !== 201) throw new Error(`place order: ${placed.status}`);
  const { orderId } = placed.body;
  const checkout = await edge<{ sessionId: string }>('POST', `/api/orders/${orderId}/checkout`, { token });
  if (checkout.status !== 200) throw new Error(`checkout: ${checkout.status}`);
  // What the dev checkout page's Pay button does: an empty form post that sends the signed webhook.
  const paid = await fetch(`${paymentUrl}/dev/checkout/${checkout.body.sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
  if (paid.status !== 303) throw new Error(`dev checkout pay: ${paid.status}`);
  const enrolled = await eventually(
    () => edge<Enrollments>('GET', '/api/enrollments', { token }),
    (answer) => answer.body.items?.some((item) => item.courseId === courseId && item.status === 'active'),
  );
  if (!enrolled.body.items?.some((item) => item.courseId === courseId))
    throw new Error(`not enrolled after paying order ${orderId}`);
  return { orderId };
}

/** One `GET /api/live` connection of a real WebSocket client, recording every message it receives. */
export interface LiveClient {
  readonly messages: LiveMessage[];
  /** Resolves with the first message (already received or still to come) that matches. */
  next(matches: (message: LiveMessage) => boolean): Promise<LiveMessage>;
  /** Closes from the client side and waits until the socket is closed. */
  close(): Promise<void>;
}

// Generous: a grade travels the bus twice and a projection once; only a hang should reach it.
const liveWaitMs = 20_000;

export async function openLive(bffUrl: string, token: string, after?: string): Promise<LiveClient> {
  const url = new URL('/api/live', bffUrl.replace(/^http/, 'ws'));
  if (after !== undefined) url.searchParams.set('after', after);
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  const messages: LiveMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data: WebSocket.RawData) => {
    messages.push(JSON.parse(data.toString()) as LiveMessage);
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`GET /api/live answered ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  return {
    messages,
    next(matches) {
      const found = messages.find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such live message; received: ${JSON.stringify(messages)}`));
        }, liveWaitMs);
        const check = () => {
          const message = messages.find(matches);
          if (!message) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(message);
        };
        waiters.add(check);
      });
    },
    close() {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
}

export interface Mail {
  to: string;
  subject: string;
  messageId: string;
}

export async function mailbox(notificationUrl: string): Promise<Mail[]> {
  return (await (await fetch(`${notificationUrl}/dev/mailbox`)).json()) as Mail[];
}

/** A quiz with one question of every kind, and the answers that earn 5 of its 6 points. */
export const quizOfEveryKind = {
  title: 'Event Sourcing Basics',
  settings: { timeLimitSeconds: 600, attemptsAllowed: 2, passMarkPercent: 50, lateSubmission: 'refuse' },
  questions: [
    {
      questionId: 'single',
      kind: 'single-choice',
      prompt: 'Where does every change live?',
      points: 1,
      explanation: 'The event store is the source of truth.',
      options: [
        { optionId: 'store', text: 'In the event store' },
        { optionId: 'cache', text: 'In the cache' },
      ],
      correctOptionId: 'store',
    },
    {
      questionId: 'multiple',
      kind: 'multiple-choice',
      prompt: 'Which are read models?',
      points: 2,
      explanation: 'Scoreboards and catalogs are projections.',
      options: [
        { optionId: 'scoreboard', text: 'A scoreboard' },
        { optionId: 'catalog', text: 'A course catalog' },
        { optionId: 'stream', text: 'An event stream' },
      ],
      correctOptionIds: ['scoreboard', 'catalog'],
      scoring: 'partial',
    },
    {
      questionId: 'truefalse',
      kind: 'true-false',
      prompt: 'Events are facts in the past tense.',
      points: 1,
      explanation: 'They record what happened.',
      correct: true,
    },
    {
      questionId: 'short',
      kind: 'short-text',
      prompt: 'What decides, given events and a command?',
      points: 1,
      explanation: 'A decider is a pure function.',
      acceptedAnswers: ['a decider', 'decider'],
    },
    {
      questionId: 'numeric',
      kind: 'numeric',
      prompt: 'Pi to two decimals?',
      points: 1,
      explanation: '3.14159...',
      correct: 3.1416,
      tolerance: 0.01,
    },
  ],
};

/** One of two correct picks (half of 2 points, partial scoring); the rest right: 5 of 6 points. */
export const fiveOfSixAnswers = {
  single: 'store',
  multiple: ['scoreboard'],
  truefalse: true,
  short: '  A   DECIDER ',
  numeric: 3.14,
};

/** Single choice and true/false right, the rest wrong or skipped: 2 of 6 points. */
export const twoOfSixAnswers = { single: 'store', multiple: ['stream'], truefalse: true, short: 'a reducer' };
