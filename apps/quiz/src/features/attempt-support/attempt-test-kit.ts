import {
  attemptStreamName,
  CourseDrafted,
  CoursePublished,
  courseStreamName,
  defaultQuizSettings,
  QuizDrafted,
  QuizPublished,
  quizStreamName,
  SeatConfirmed,
  type QuestionInput,
  type QuizSettings,
} from '@quizbook/contracts';
import { openEventStore, type EventStore, type RecordedEvent } from '@quizbook/eventstore';
import type { Environment } from '@quizbook/platform';
import { startTestApp, type TestApps } from '@quizbook/testing';
import { randomUUID } from 'node:crypto';
import { createQuizApp, type QuizAppOptions } from '../../quiz.app';

export {
  eventually,
  jsonClient as quizApi,
  TestTokenIssuer as TestIssuer,
  type JsonAnswer,
} from '@quizbook/testing';

/** A movable clock: specs jump past deadlines instead of waiting for them. */
export class TestClock {
  constructor(private current = new Date('2030-01-01T10:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function startQuizApp(
  userServiceUrl: string,
  options: QuizAppOptions & { env?: Environment } = {},
): Promise<TestApps> {
  const { env, ...appOptions } = options;
  return startTestApp(createQuizApp({ timerPollMs: 20, ...appOptions }), {
    env: { USER_SERVICE_URL: userServiceUrl, LOG_LEVEL: 'warn', ...env },
  });
}

/** Four kinds, ten points: answering `rightAnswers` scores 100 %, `{}` scores 0 %. */
export const sampleQuestions: QuestionInput[] = [
  {
    questionId: 'capital',
    kind: 'single-choice',
    prompt: 'Capital of France?',
    points: 2,
    explanation: 'Paris has been the capital since 987.',
    options: [
      { optionId: 'paris', text: 'Paris' },
      { optionId: 'lyon', text: 'Lyon' },
    ],
    correctOptionId: 'paris',
  },
  {
    questionId: 'primes',
    kind: 'multiple-choice',
    prompt: 'Which are prime?',
    points: 3,
    options: ['2', '3', '4', '5'].map((n) => ({ optionId: `n${n}`, text: n })),
    correctOptionIds: ['n2', 'n3', 'n5'],
    scoring: 'partial',
  },
  { questionId: 'sky', kind: 'true-false', prompt: 'The sky is blue.', points: 1, correct: true },
  {
    questionId: 'pi',
    kind: 'numeric',
    prompt: 'Pi to two decimals?',
    points: 4,
    correct: 3.14,
    tolerance: 0.005,
  },
];
export const rightAnswers = { capital: 'paris', primes: ['n2', 'n3', 'n5'], sky: true, pi: 3.14 };

export interface QuizFixture {
  courseId: string;
  quizId: string;
  ownerId: string;
}

/**
 * A course (drafted, published, with a confirmed seat for each of `enrolled`) and a quiz published
 * on it, appended straight to the event store with the contracts: the attempt specs do not depend
 * on the course app or on the authoring routes.
 */
export async function seedQuiz(
  store: EventStore,
  options: {
    ownerId?: string;
    enrolled?: string[];
    settings?: Partial<QuizSettings>;
    questions?: QuestionInput[];
    archived?: boolean;
  } = {},
): Promise<QuizFixture> {
  const ownerId = options.ownerId ?? 'instructor-1';
  const courseId = `course-${randomUUID()}`;
  const quizId = `quiz-${randomUUID()}`;
  const course = [
    CourseDrafted.create({
      courseId,
      ownerId,
      capacity: 100,
      title: 'Event sourcing',
      description: 'Deciders',
      tags: [],
      level: 'beginner',
      priceCents: 0,
      currency: 'EUR',
      startsAt: '2031-01-01T09:00:00.000Z',
    }),
    CoursePublished.create({ courseId }),
    ...(options.enrolled ?? []).map((learnerId) =>
      SeatConfirmed.create({ courseId, orderId: `order-${learnerId}`, learnerId }),
    ),
  ];
  await store.appendToStream(
    courseStreamName(courseId),
    course.map(({ type, data }) => ({ type, data })),
    { expectedRevision: 'no-stream' },
  );
  const settings = { ...defaultQuizSettings, ...options.settings };
  const quiz = [
    QuizDrafted.create({
      quizId,
      courseId,
      ownerId,
      draftedBy: ownerId,
      title: 'Basics',
      settings,
      draftedAt: '2030-01-01T09:00:00.000Z',
    }),
    QuizPublished.create({
      quizId,
      courseId,
      ownerId,
      version: 1,
      title: 'Basics',
      settings,
      questions: options.questions ?? sampleQuestions,
      publishedAt: '2030-01-01T09:30:00.000Z',
    }),
    ...(options.archived ? [{ type: 'QuizArchived', data: { quizId } }] : []),
  ];
  await store.appendToStream(
    quizStreamName(quizId),
    quiz.map(({ type, data }) => ({ type, data })),
    { expectedRevision: 'no-stream' },
  );
  return { courseId, quizId, ownerId };
}

/** A second handle on the app's event store (SQLite file or MySQL), closed after `work`. */
export async function withEventStore<T>(url: string, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openEventStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export const attemptEventsOf = (store: EventStore, attemptId: string): Promise<RecordedEvent[]> =>
  store.readStream(attemptStreamName(attemptId));
