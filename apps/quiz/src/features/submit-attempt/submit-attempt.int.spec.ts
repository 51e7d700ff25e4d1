import type { TestApps } from '@quizbook/testing';
import path from 'node:path';
import {
  attemptEventsOf,
  eventually,
  quizApi,
  rightAnswers,
  seedQuiz,
  startQuizApp,
  TestClock,
  TestIssuer,
  withEventStore,
  type QuizFixture,
} from '../attempt-support/attempt-test-kit';

interface AttemptBody {
  attemptId: string;
  status: string;
  deadline: string;
  submittedAt?: string;
  late?: boolean;
  scorePercent?: number;
  passed?: boolean;
  results?: { questionId: string; outcome: string; explanation: string; yourAnswer: unknown }[];
  questions: Record<string, unknown>[];
}

describe('submitting an attempt and reading its grade', () => {
  const issuer = new TestIssuer();
  const clock = new TestClock();
  let apps: TestApps;
  const call = quizApi(() => apps.url);
  const learner = issuer.tokenFor('learner-1', ['learner']);
  const eventStoreUrl = () => `sqlite:${path.join(apps.dir, 'events.db')}`;
  const seed = (options: Parameters<typeof seedQuiz>[1] = {}): Promise<QuizFixture> =>
    withEventStore(eventStoreUrl(), (store) =>
      seedQuiz(store, { enrolled: ['learner-1', 'learner-2'], ...options }),
    );
  const start = async (quizId: string, token = learner) => {
    const started = await call<AttemptBody>('POST', `/quizzes/${quizId}/attempts`, { token });
    expect(started.status).toBe(201);
    return started.body;
  };
  const graded = (attemptId: string, token = learner) =>
    eventually(
      () => call<AttemptBody>('GET', `/attempts/${attemptId}`, { token }),
      (answer) => answer.body.status === 'graded',
      'the attempt to be graded',
    );

  beforeAll(async () => {
    apps = await startQuizApp(await issuer.start(), { clock: clock.now });
  });
  afterAll(async () => {
    await apps.close();
    await issuer.close();
  });

  it('accepts the sheet (202), grades it, and shows results with explanations only once graded', async () => {
    const { quizId } = await seed({ settings: { passMarkPercent: 70 } });
    const { attemptId } = await start(quizId);
    const before = await call<AttemptBody>('GET', `/attempts/${attemptId}`, { token: learner });
    expect(before.body.status).toBe('in-progress');
    expect(before.body.results).toBeUndefined();
    expect(JSON.stringify(before.body)).not.toMatch(/explanation/);

    clock.advance(60_000);
    const submitted = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: { ...rightAnswers, primes: ['n2', 'n3'], sky: false } },
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toEqual({
      attemptId,
      status: 'submitted',
      submittedAt: clock.now().toISOString(),
      late: false,
    });

    const after = await graded(attemptId);
    // 2 + 2 (two of three primes) + 0 + 4 of 10.
    expect(after.body).toMatchObject({
      scorePoints: 8,
      maxPoints: 10,
      scorePercent: 80,
      passed: true,
      late: false,
    });
    expect(after.body.results).toEqual([
      {
        questionId: 'capital',
        outcome: 'correct',
        awardedPoints: 2,
        maxPoints: 2,
        explanation: 'Paris has been the capital since 987.',
        yourAnswer: 'paris',
      },
      {
        questionId: 'primes',
        outcome: 'partial',
        awardedPoints: 2,
        maxPoints: 3,
        explanation: '',
        yourAnswer: ['n2', 'n3'],
      },
      {
        questionId: 'sky',
        outcome: 'incorrect',
        awardedPoints: 0,
        maxPoints: 1,
        explanation: '',
        yourAnswer: false,
      },
      {
        questionId: 'pi',
        outcome: 'correct',
        awardedPoints: 4,
        maxPoints: 4,
        explanation: '',
        yourAnswer: 3.14,
      },
    ]);
  });

  it('refuses a second, different sheet with 409 attempt-already-submitted, and grades once', async () => {
    const { quizId } = await seed();
    const { attemptId } = await start(quizId);
    const first = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: rightAnswers },
    });
    expect(first.status).toBe(202);
    const second = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: {} },
    });
    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/attempt-already-submitted$/);
    await graded(attemptId);
    const third = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: {} },
    });
    expect(third.status).toBe(409);
    const events = await withEventStore(eventStoreUrl(), (store) => attemptEventsOf(store, attemptId));
    expect(events.map((event) => event.type)).toEqual([
      'AttemptStarted',
      'AttemptSubmitted',
      'AttemptGraded',
    ]);
  });

  it('takes a retry that carries the If-Match of the started attempt, and refuses another sheet with it as 409', async () => {
    const { quizId } = await seed();
    const started = await call<AttemptBody>('POST', `/quizzes/${quizId}/attempts`, { token: learner });
    const ifMatch = started.headers.get('etag')!;
    const submit = (answers: Record<string, unknown>) =>
      call('POST', `/attempts/${started.body.attemptId}/submit`, {
        token: learner,
        body: { answers },
        headers: { 'if-match': ifMatch },
      });
    const first = await submit(rightAnswers);
    const retried = await submit(rightAnswers);
    expect([first.status, retried.status]).toEqual([202, 202]);
    expect(retried.body).toEqual(first.body);
    const other = await submit({});
    expect(other.status).toBe(409);
    expect(other.body.type).toMatch(/attempt-already-submitted$/);
  });

  it('takes the same sheet again (a retry after a lost response) with the first answer, and records it once', async () => {
    const { quizId } = await seed();
    const { attemptId } = await start(quizId);
    const submit = () =>
      call('POST', `/attempts/${attemptId}/submit`, { token: learner, body: { answers: rightAnswers } });
    const first = await submit();
    const retried = await submit();
    expect([first.status, retried.status]).toEqual([202, 202]);
    expect(retried.body).toEqual(first.body);
    await graded(attemptId);
    const afterGrading = await submit();
    expect(afterGrading.status).toBe(202);
    expect(afterGrading.body).toEqual(first.body);
    const events = await withEventStore(eventStoreUrl(), (store) => attemptEventsOf(store, attemptId));
    expect(events.map((event) => event.type)).toEqual([
      'AttemptStarted',
      'AttemptSubmitted',
      'AttemptGraded',
    ]);
  });

  it('answers 400 naming answers.<questionId> for unknown questions and wrong types, and records nothing', async () => {
    const { quizId } = await seed();
    const { attemptId } = await start(quizId);
    const refused = await call<{ errors: { field: string }[]; type: string }>(
      'POST',
      `/attempts/${attemptId}/submit`,
      {
        token: learner,
        body: { answers: { capital: 'marseille', primes: 'n2', sky: 'yes', pi: '3.14', ghost: 1 } },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.field).sort()).toEqual(
      ['answers.capital', 'answers.ghost', 'answers.pi', 'answers.primes', 'answers.sky'].sort(),
    );
    const garbled = await call<{ errors: { field: string }[] }>('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: { capital: { nested: true } } },
    });
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors.map((error) => error.field)).toEqual(['answers.capital']);
    const missing = await call<{ errors: { field: string }[] }>('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error) => error.field)).toEqual(['answers']);
    const view = await call<AttemptBody>('GET', `/attempts/${attemptId}`, { token: learner });
    expect(view.body.status).toBe('in-progress');
  });

  it('grades a late sheet as submitted at the deadline under grade-at-deadline', async () => {
    const { quizId } = await seed({
      settings: { lateSubmission: 'grade-at-deadline', timeLimitSeconds: 60 },
    });
    const { attemptId, deadline } = await start(quizId);
    clock.advance(90_000);
    const submitted = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: rightAnswers },
    });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({ submittedAt: deadline, late: true });
    const after = await graded(attemptId);
    expect(after.body).toMatchObject({ scorePercent: 100, submittedAt: deadline, late: true });
  });

  it('refuses a late sheet with 409 attempt-deadline-passed under refuse, and closes the attempt', async () => {
    const { quizId } = await seed({ settings: { lateSubmission: 'refuse', timeLimitSeconds: 60 } });
    const { attemptId } = await start(quizId);
    clock.advance(60_001);
    const refused = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: rightAnswers },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/attempt-deadline-passed$/);
    const view = await call<AttemptBody>('GET', `/attempts/${attemptId}`, { token: learner });
    expect(view.body).toMatchObject({ status: 'expired' });
    expect(view.body.results).toBeUndefined();
    const again = await call('POST', `/attempts/${attemptId}/submit`, {
      token: learner,
      body: { answers: rightAnswers },
    });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/attempt-deadline-passed$/);
  });

  it('shows the attempt to the quiz owner and admins, and 404 to another learner or instructor', async () => {
    const { quizId, ownerId } = await seed();
    const { attemptId } = await start(quizId);
    await call('POST', `/attempts/${attemptId}/submit`, { token: learner, body: { answers: rightAnswers } });
    await graded(attemptId);
    const owner = await call<AttemptBody>('GET', `/attempts/${attemptId}`, {
      token: issuer.tokenFor(ownerId, ['learner', 'instructor']),
    });
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ learnerId: 'learner-1', status: 'graded', scorePercent: 100 });
    const admin = await call('GET', `/attempts/${attemptId}`, {
      token: issuer.tokenFor('admin-1', ['admin']),
    });
    expect(admin.status).toBe(200);
    for (const token of [
      issuer.tokenFor('learner-2', ['learner']),
      issuer.tokenFor('instructor-9', ['learner', 'instructor']),
    ]) {
      const hidden = await call('GET', `/attempts/${attemptId}`, { token });
      expect(hidden.status).toBe(404);
      expect(hidden.body.type).toMatch(/attempt-not-found$/);
    }
    const otherSubmit = await call('POST', `/attempts/${attemptId}/submit`, {
      token: issuer.tokenFor('learner-2', ['learner']),
      body: { answers: {} },
    });
    expect(otherSubmit.status).toBe(404);
    // Another learner's list holds only their own attempts.
    const list = await call<{ attempts: unknown[] }>('GET', `/quizzes/${quizId}/attempts`, {
      token: issuer.tokenFor('learner-2', ['learner']),
    });
    expect(list.body.attempts).toEqual([]);
  });
});
