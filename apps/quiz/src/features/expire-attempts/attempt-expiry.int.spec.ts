import type { Environment } from '@quizbook/platform';
import type { TestApps } from '@quizbook/testing';
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
} from '../attempt-support/attempt-test-kit';
import { storeProfiles } from '../attempt-support/store-profiles';
import { lateSheetGraceMs } from '../attempt-workers';

describe.each(storeProfiles.filter((profile) => profile.available))(
  'abandoned attempts close at their deadline $name',
  (profile) => {
    const issuer = new TestIssuer();
    let jwksUrl: string;
    let env: Environment;
    let cleanup: () => Promise<void>;
    let apps: TestApps | undefined;
    const call = quizApi(() => apps!.url);
    const learner = issuer.tokenFor('learner-1', ['learner']);
    const timeLimitMs = 60_000;

    const start = async (clock: TestClock) => {
      apps = await startQuizApp(jwksUrl, { env, clock: clock.now });
    };
    const stop = async () => {
      await apps?.close();
      apps = undefined;
    };
    const startAttempt = async () => {
      const { quizId } = await withEventStore(env.EVENT_STORE_URL!, (store) =>
        seedQuiz(store, { enrolled: ['learner-1'], settings: { timeLimitSeconds: timeLimitMs / 1000 } }),
      );
      const started = await call<{ attemptId: string; deadline: string }>(
        'POST',
        `/quizzes/${quizId}/attempts`,
        {
          token: learner,
        },
      );
      expect(started.status).toBe(201);
      return started.body;
    };
    const statusOf = async (attemptId: string) =>
      (await call<{ status: string }>('GET', `/attempts/${attemptId}`, { token: learner })).body.status;
    const eventTypes = (attemptId: string) =>
      withEventStore(env.EVENT_STORE_URL!, async (store) =>
        (await attemptEventsOf(store, attemptId)).map((event) => event.type),
      );

    beforeAll(async () => {
      jwksUrl = await issuer.start();
      ({ env, cleanup } = await profile.open());
    });
    afterEach(stop);
    afterAll(async () => {
      await issuer.close();
      await cleanup();
    });

    it('expires an attempt that passed its deadline while the app was down, once', async () => {
      const clock = new TestClock(new Date('2030-03-01T10:00:00.000Z'));
      await start(clock);
      const { attemptId, deadline } = await startAttempt();
      await stop();

      // Past the deadline and the grace for sheets in flight: a new process finds it in its table.
      const later = new TestClock(new Date(Date.parse(deadline) + lateSheetGraceMs + 1_000));
      await start(later);
      await eventually(
        () => statusOf(attemptId),
        (status) => status === 'expired',
        'the attempt to expire',
      );
      const view = await call('GET', `/attempts/${attemptId}`, { token: learner });
      expect(view.body).toMatchObject({ status: 'expired', deadline, closedAt: later.now().toISOString() });
      expect(await eventTypes(attemptId)).toEqual(['AttemptStarted', 'AttemptExpired']);

      const refused = await call('POST', `/attempts/${attemptId}/submit`, {
        token: learner,
        body: { answers: rightAnswers },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.type).toMatch(/attempt-deadline-passed$/);

      // Another restart finds nothing more to do.
      await stop();
      await start(later);
      await call('GET', `/attempts/${attemptId}`, { token: learner });
      expect(await eventTypes(attemptId)).toEqual(['AttemptStarted', 'AttemptExpired']);
    });

    it('leaves an attempt open until its deadline and the grace have passed, and a submitted one alone', async () => {
      const clock = new TestClock(new Date('2030-04-01T10:00:00.000Z'));
      await start(clock);
      const open = await startAttempt();
      const submitted = await startAttempt();
      expect(
        (
          await call('POST', `/attempts/${submitted.attemptId}/submit`, {
            token: learner,
            body: { answers: {} },
          })
        ).status,
      ).toBe(202);

      clock.advance(timeLimitMs + lateSheetGraceMs - 1_000);
      // Two full timer rounds after the clock moved, with nothing due yet.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await statusOf(open.attemptId)).toBe('in-progress');

      clock.advance(2_000);
      await eventually(
        () => statusOf(open.attemptId),
        (status) => status === 'expired',
        'the attempt to expire once due',
      );
      await eventually(
        () => statusOf(submitted.attemptId),
        (status) => status === 'graded',
        'the sheet to be graded',
      );
      expect(await eventTypes(submitted.attemptId)).toEqual([
        'AttemptStarted',
        'AttemptSubmitted',
        'AttemptGraded',
      ]);
    });
  },
);
