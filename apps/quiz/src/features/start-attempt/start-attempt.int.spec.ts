import type { TestApps } from '@quizbook/testing';
import path from 'node:path';
import {
  quizApi,
  sampleQuestions,
  seedQuiz,
  startQuizApp,
  TestClock,
  TestIssuer,
  withEventStore,
  type QuizFixture,
} from '../attempt-support/attempt-test-kit';

interface StartedBody {
  type?: string;
  attemptId: string;
  attemptNumber: number;
  quizVersion: number;
  startedAt: string;
  deadline: string;
  questions: Record<string, unknown>[];
}

describe('starting an attempt', () => {
  const issuer = new TestIssuer();
  const clock = new TestClock();
  let apps: TestApps;
  const call = quizApi(() => apps.url);
  const learner = issuer.tokenFor('learner-1', ['learner']);
  const seed = (options: Parameters<typeof seedQuiz>[1] = {}): Promise<QuizFixture> =>
    withEventStore(`sqlite:${path.join(apps.dir, 'events.db')}`, (store) =>
      seedQuiz(store, { enrolled: ['learner-1'], ...options }),
    );

  beforeAll(async () => {
    apps = await startQuizApp(await issuer.start(), { clock: clock.now });
  });
  afterAll(async () => {
    await apps.close();
    await issuer.close();
  });

  it('gives an enrolled learner the questions without answer keys or explanations, and a deadline', async () => {
    const { quizId } = await seed({ settings: { timeLimitSeconds: 300 } });
    const started = await call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    expect(started.status).toBe(201);
    expect(started.headers.get('location')).toBe(`/attempts/${started.body.attemptId}`);
    expect(started.body).toMatchObject({
      attemptNumber: 1,
      quizId,
      quizVersion: 1,
      startedAt: clock.now().toISOString(),
      deadline: new Date(clock.now().getTime() + 300_000).toISOString(),
    });
    expect(started.body.questions.map((question) => question.questionId)).toEqual(
      sampleQuestions.map((question) => question.questionId),
    );
    for (const question of started.body.questions) {
      expect(Object.keys(question).sort()).toEqual(
        question.options
          ? ['kind', 'options', 'points', 'prompt', 'questionId']
          : ['kind', 'points', 'prompt', 'questionId'],
      );
    }
    expect(JSON.stringify(started.body)).not.toMatch(/correct|acceptedAnswers|explanation|tolerance/);
  });

  it('answers 403 not-enrolled to a learner without a confirmed seat', async () => {
    const { quizId, courseId } = await seed();
    const stranger = issuer.tokenFor('learner-2', ['learner']);
    const refused = await call('POST', `/quizzes/${quizId}/attempts`, { token: stranger });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/not-enrolled$/), courseId });
  });

  it('answers 404 for a quiz that does not exist or was never published', async () => {
    const missing = await call('POST', '/quizzes/no-such-quiz/attempts', { token: learner });
    expect(missing.status).toBe(404);
    expect(missing.body.type).toMatch(/quiz-not-found$/);
  });

  it('answers 409 quiz-archived once the quiz is archived', async () => {
    const { quizId } = await seed({ archived: true });
    const refused = await call('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/quiz-archived$/);
  });

  it('keeps a shuffled order for the attempt: GET shows the order the start gave', async () => {
    const questions = Array.from({ length: 12 }, (_, index) => ({
      questionId: `q${index}`,
      kind: 'true-false' as const,
      prompt: `Statement ${index}`,
      points: 1,
      correct: true,
    }));
    const { quizId } = await seed({ questions, settings: { shuffleQuestions: true, attemptsAllowed: 3 } });
    const orders: string[][] = [];
    for (let n = 0; n < 3; n++) {
      const started = await call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
      const order = started.body.questions.map((question) => question.questionId as string);
      const viewed = await call<StartedBody>('GET', `/attempts/${started.body.attemptId}`, {
        token: learner,
      });
      expect(viewed.body.questions.map((question) => question.questionId)).toEqual(order);
      expect([...order].sort()).toEqual(questions.map((question) => question.questionId).sort());
      orders.push(order);
      // Past the deadline the attempt is no longer in progress: the next start makes a new one.
      clock.advance(600_001);
    }
    // Three shuffles of 12 questions all in authoring order: 1 in (12!)^3.
    const authored = questions.map((question) => question.questionId);
    expect(orders.every((order) => JSON.stringify(order) === JSON.stringify(authored))).toBe(false);
  });

  it('answers the attempt in progress to a repeated start (200, same attempt) instead of spending another', async () => {
    const { quizId } = await seed({ settings: { attemptsAllowed: 2 } });
    const first = await call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    const again = await call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    const listed = await call<{ attempts: unknown[] }>('GET', `/quizzes/${quizId}/attempts`, {
      token: learner,
    });
    expect(listed.body.attempts).toHaveLength(1);
  });

  it('makes one attempt of 10 concurrent starts, the next after a submit, and then no-attempts-left', async () => {
    const { quizId } = await seed({ settings: { attemptsAllowed: 2 } });
    const tenStarts = () =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner }),
        ),
      );
    for (const attemptNumber of [1, 2]) {
      const answers = await tenStarts();
      expect(answers.map((answer) => answer.status).sort()).toEqual([...Array<number>(9).fill(200), 201]);
      expect(new Set(answers.map((answer) => answer.body.attemptId)).size).toBe(1);
      expect(answers.every((answer) => answer.body.attemptNumber === attemptNumber)).toBe(true);
      const submitted = await call('POST', `/attempts/${answers[0]!.body.attemptId}/submit`, {
        token: learner,
        body: { answers: {} },
      });
      expect(submitted.status).toBe(202);
    }
    const refused = await tenStarts();
    expect(refused.map((answer) => answer.status)).toEqual(Array<number>(10).fill(409));
    expect(refused.every((answer) => /no-attempts-left$/.test(String(answer.body.type)))).toBe(true);
    const listed = await call<{ attempts: { attemptNumber: number }[] }>(
      'GET',
      `/quizzes/${quizId}/attempts`,
      { token: learner },
    );
    expect(listed.body.attempts.map((attempt) => attempt.attemptNumber)).toEqual([2, 1]);
  });

  it('starts a new attempt once the one in progress is past its deadline', async () => {
    const { quizId } = await seed({ settings: { attemptsAllowed: 2, timeLimitSeconds: 60 } });
    const first = await call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    clock.advance(60_000);
    const second = await call<StartedBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.attemptNumber).toBe(2);
  });
});
